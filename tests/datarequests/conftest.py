import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.datarequests import services
from tickets.datarequests.forms import DataFileForm
from tickets.datarequests.models import CRITERIA, DataRequest

BKK = ZoneInfo("Asia/Bangkok")
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>{{ 7*7 }}{% now "Y" %}"\'&'


def pdf_upload(name="letter.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def xlsx_upload(name="data.xlsx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/vnd.ms-excel")


def csv_upload(name="schools.csv", body="รหัส,ชื่อ,คะแนน\n1001,โรงเรียนบ้านหนองบัว,4.51\n"):
    return SimpleUploadedFile(name, body.encode("utf-8"), content_type="text/csv")


def at(year, month, day, hour=9, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=BKK)


@pytest.fixture
def deputy(unit_a):
    return make_user("deputy", Role.DEPUTY_DIRECTOR, unit=unit_a, first_name="วิภา", last_name="รองผู้อำนวยการ")


@pytest.fixture
def officer(technician):
    return technician


@pytest.fixture
def make_request(db):
    def _make(by, *, received_at=None, **extra):
        values = {
            "letter_number": "ศธ 0512/1234", "letter_date": dt.date(2026, 11, 20),
            "received_at": received_at or at(2026, 11, 23, 10), "organisation": "มหาวิทยาลัยราชภัฏพระนคร",
            "parent_agency": "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "contact_name": "ดร.สมชาย วิจัยดี",
            "contact_phone": "02 544 8000", "contact_email": "somchai@example.ac.th",
            "purpose": "ใช้ประกอบงานวิจัยเรื่องคุณภาพการศึกษาขั้นพื้นฐาน",
            "data_requested": "ผลการประเมินคุณภาพภายนอกรอบสี่ ของสถานศึกษาในจังหวัดนนทบุรี",
            "scope": "ปีการศึกษา 2565–2567 ระดับการศึกษาขั้นพื้นฐาน", "data_owner": "สำนักงานรับรองมาตรฐานฯ",
            "delivery_method": "email", "delivery_detail": "somchai@example.ac.th",
        }
        values.update(extra)
        request = DataRequest(**values)
        if not request.letter_scan:
            request.letter_scan.save("letter.pdf", pdf_upload(), save=False)
        return services.data_request_create(request=request, by=by)

    return _make


ALL_CRITERIA = dict.fromkeys(CRITERIA, True)


def add_file(request, by, upload=None, personal=False):
    form = DataFileForm({"description": "ไฟล์ทดสอบ", "is_personal": personal}, {"file": upload or xlsx_upload()})
    assert form.is_valid(), form.errors
    return services.data_file_add(request=request, by=by, upload=form.cleaned_data["file"], kind=form.kind,
                                  name=form.display_name, is_personal=personal, description="ไฟล์ทดสอบ")


@pytest.fixture
def walk(it_head, officer, deputy):
    """walk(request, to=status) takes a request through the workflow up to ``to``."""

    def _walk(request, *, to, personal=False):
        order = ["screening", "accepted", "preparing", "review", "approval", "approved", "replied", "closed"]
        for step in order[: order.index(to) + 1]:
            if step == "screening":
                request = services.data_request_start_screening(request=request, by=it_head)
            elif step == "accepted":
                request = services.data_request_accept(request=request, by=it_head, officer=officer,
                                                       criteria=ALL_CRITERIA)
            elif step == "preparing":
                request = services.data_request_start_preparing(request=request, by=officer)
                add_file(request, officer, personal=personal)
            elif step == "review":
                request = services.data_request_submit(request=request, by=officer, cover_memo="เสนอข้อมูลตามที่ขอ")
            elif step == "approval":
                request = services.data_request_review_pass(request=request, by=it_head)
            elif step == "approved":
                request = services.data_request_approve(request=request, by=deputy)
            elif step == "replied":
                request = services.data_request_send_reply(
                    request=request, by=officer, sent_at=at(2026, 11, 25, 15), sent_method="email",
                    sent_note="ส่งถึง somchai@example.ac.th")
            elif step == "closed":
                request = services.data_request_close(request=request, by=officer, summary="ส่งข้อมูลครบถ้วน")
        return request

    return _walk


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text through pdftotext, lines joined (Thai wraps anywhere) and ำ as extracted (า)."""
    import subprocess

    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return text.replace("\n", "")


def thai_extracted(text: str) -> str:
    """How pdftotext gives back a Thai string (sara am comes out as sara aa)."""
    return text.replace("\u0e33", "\u0e32")
