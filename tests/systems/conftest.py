import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tickets.systems import services
from tickets.systems.models import ChangeRequest, DevRequest, Project, System

PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf_upload(name="flowchart.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx_upload(name="tor.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


class Clock:
    """Moves timezone.now() for the code under test (services, the kernel, views)."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.now = None

    def set(self, moment: dt.datetime) -> None:
        self.now = moment
        self.monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)

    def days(self, n: int) -> None:
        self.set(self.now + dt.timedelta(days=n))


@pytest.fixture
def clock(monkeypatch, settings):
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 365
    return Clock(monkeypatch)


PROJECT_FIELDS = {
    "title": "ระบบจองรถส่วนกลาง", "rationale": "การจองรถยังใช้สมุดบันทึก", "objectives": "ลดเวลาการจองรถ",
    "targets": "ทุกกองใช้ระบบ", "scope": "จองรถ อนุมัติ รายงาน", "indicators": "ร้อยละการจองผ่านระบบ",
    "staff": "นายสมชาย ใจดี", "action_plan": "สำรวจ ออกแบบ พัฒนา ทดสอบ",
}


@pytest.fixture
def dev_request(requester_a):
    return services.devrequest_create(dev_request=DevRequest(
        unit=requester_a.profile.unit, title="ระบบจองรถส่วนกลาง", trigger=DevRequest.Trigger.PROBLEM,
        need="การจองรถซ้ำซ้อน", expected_benefit="จองรถได้ทันที"), by=requester_a)


@pytest.fixture
def make_project(technician, executive):
    """An approved project (or one at the status asked for) from a fresh accepted request."""

    def _make(requester, *, track="in_house", until="approved", starts_on=None):
        request = services.devrequest_create(dev_request=DevRequest(
            unit=requester.profile.unit, title="ระบบจองรถส่วนกลาง", trigger=DevRequest.Trigger.NEED,
            need="ต้องการ", expected_benefit="ประโยชน์"), by=requester)
        services.devrequest_accept(dev_request=request, by=technician)
        today = timezone.localdate()
        project = services.project_create(project=Project(
            **PROJECT_FIELDS, budget=None, starts_on=starts_on or today, ends_on=today + dt.timedelta(days=365),
            track=track), dev_request=request, by=technician)
        if until == "draft":
            return project
        project = services.project_propose(project=project, by=technician)
        if until == "proposed":
            return project
        return services.project_approve(project=project, by=executive)

    return _make


@pytest.fixture
def system_a(unit_a, technician):
    return services.system_create(system=System(name="ระบบสารบรรณอิเล็กทรอนิกส์", owner_unit=unit_a), by=technician)


@pytest.fixture
def make_change(db):
    def _make(user, system, kind=ChangeRequest.Kind.PROBLEM, title="พิมพ์รายงานไม่ได้"):
        return services.change_create(change=ChangeRequest(system=system, unit=user.profile.unit, kind=kind,
                                                           title=title, details="กดพิมพ์แล้วหน้าว่าง"), by=user)

    return _make
