import os

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.models import Attachment, Event, PublishingRequest
from tests.conftest import make_user
from tests.publishing.conftest import ooxml_bytes, pdf_bytes, png_bytes, status_of, upload


def _post_new(client, section, *files, **extra):
    data = {
        "title": "ประกาศรับสมัครงาน", "section": section.pk, "body_format": "plain", "body": "รายละเอียด",
        "wanted_on": timezone.localdate().isoformat(), "expires_on": "", "attachments": list(files), **extra,
    }
    return client.post(reverse("publishing:create"), data)


def test_a_unit_user_drafts_a_request_with_files_stored_under_random_names(login, requester_a, section):
    client = login(requester_a)
    response = _post_new(client, section, upload("ประกาศ ฉบับจริง.pdf", pdf_bytes()),
                         upload("ภาพ.png", png_bytes()), upload("ตาราง.xlsx", ooxml_bytes("xlsx")),
                         upload("หนังสือ.docx", ooxml_bytes("docx")))
    obj = PublishingRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == obj.get_absolute_url()
    assert obj.status == "draft" and obj.unit == requester_a.profile.unit and obj.requester == requester_a
    kinds = sorted(Attachment.objects.values_list("kind", flat=True))
    assert kinds == ["docx", "image", "pdf", "xlsx"]
    pdf = Attachment.objects.get(kind="pdf")
    assert pdf.original_name == "ประกาศ ฉบับจริง.pdf"
    assert pdf.file.name.startswith("publishing/") and "ประกาศ" not in pdf.file.name
    assert len(pdf.sha256) == 64 and pdf.compute_sha256() == pdf.sha256
    assert Event.objects.filter(request=obj, action="create").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.pdf", b"this is only text pretending to be a PDF", "ไม่ใช่ PDF จริง"),
        ("broken.pdf", b"%PDF-1.4\n garbage without objects", "PDF เสียหาย"),
        ("photo.png", b"\x89PNG\r\n\x1a\n not really", "ไม่ใช่รูปภาพ"),
        ("photo.jpg", png_bytes(), "ไม่ตรงกับนามสกุล"),
        ("letter.docx", ooxml_bytes("xlsx"), "ไม่ใช่เอกสาร DOCX"),
        ("letter.docx", b"PK\x03\x04 not a zip", "ไม่ใช่เอกสาร DOCX"),
        ("run.exe", b"MZ\x90\x00", "รับเฉพาะ PDF"),
        ("page.html", b"<script>alert(1)</script>", "รับเฉพาะ PDF"),
    ],
)
def test_a_bad_file_gives_a_thai_form_error_and_saves_nothing(login, requester_a, section, name, content, message):
    response = _post_new(login(requester_a), section, upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PublishingRequest.objects.count() == 0 and Attachment.objects.count() == 0


def test_an_oversize_file_is_refused(login, requester_a, section, settings):
    settings.PUBLISHING_MAX_UPLOAD_BYTES = 1024
    response = _post_new(login(requester_a), section, upload("big.pdf", pdf_bytes(pages=30)))
    assert response.status_code == 200
    assert "เกินกำหนด" in response.content.decode()
    assert PublishingRequest.objects.count() == 0


def test_expiry_before_wanted_date_is_a_form_error(login, requester_a, section):
    response = _post_new(login(requester_a), section, expires_on="2000-01-01")
    assert response.status_code == 200
    assert "วันที่สิ้นสุดต้องไม่ก่อน" in response.content.decode()
    assert PublishingRequest.objects.count() == 0


def test_a_user_without_a_unit_may_not_create(login, section):
    loner = make_user("loner")
    assert login(loner).get(reverse("publishing:create")).status_code == 403


def test_drafts_are_editable_and_submitting_locks_them(login, requester_a, make_request, section):
    obj = make_request(requester_a)
    client = login(requester_a)
    url = reverse("publishing:edit", args=[obj.pk])
    data = {"title": "หัวข้อใหม่", "section": section.pk, "body_format": "plain", "body": "แก้แล้ว",
            "wanted_on": obj.wanted_on.isoformat(), "expires_on": ""}
    assert client.post(url, data).status_code == 302
    obj.refresh_from_db()
    assert obj.title == "หัวข้อใหม่" and obj.body == "แก้แล้ว"

    assert client.post(reverse("publishing:submit", args=[obj.pk]), {}).status_code == 302
    assert status_of(obj) == "submitted"
    assert client.get(url).status_code == 403
    assert client.post(url, {**data, "title": "แอบแก้"}).status_code == 403
    attachment = obj.attachments.get()
    response = client.post(reverse("publishing:attachment_replace", args=[obj.pk, attachment.pk]),
                           {"replace-file": upload("อื่น.pdf", pdf_bytes(2))})
    assert response.status_code == 403
    obj.refresh_from_db()
    assert obj.title == "หัวข้อใหม่" and obj.attachments.get().sha256 == attachment.sha256


def test_another_units_user_cannot_see_or_edit_a_request(login, requester_a, requester_b, make_request):
    obj = make_request(requester_a, "submitted")
    client = login(requester_b)
    assert client.get(obj.get_absolute_url()).status_code == 404
    assert client.get(reverse("publishing:edit", args=[obj.pk])).status_code == 404
    assert client.post(reverse("publishing:withdraw", args=[obj.pk]), {"withdraw-note": "x"}).status_code == 404
    assert status_of(obj) == "submitted"


def test_a_colleague_cannot_see_someone_elses_draft(login, requester_a, unit_a, make_request):
    obj = make_request(requester_a)
    colleague = make_user("colleague", "requester", unit=unit_a)
    assert login(colleague).get(obj.get_absolute_url()).status_code == 404


def test_a_colleague_sees_a_submitted_request_but_may_not_act_on_it(login, requester_a, unit_a, make_request):
    obj = make_request(requester_a, "submitted")
    colleague = make_user("colleague", "requester", unit=unit_a)
    client = login(colleague)
    assert client.get(obj.get_absolute_url()).status_code == 200
    assert client.post(reverse("publishing:recall", args=[obj.pk]), {}).status_code == 403
    assert status_of(obj) == "submitted"


def test_adding_a_file_to_a_draft_and_deleting_it(login, requester_a, make_request,
                                                  django_capture_on_commit_callbacks):
    obj = make_request(requester_a)
    client = login(requester_a)
    response = client.post(reverse("publishing:attachment_add", args=[obj.pk]),
                           {"add-file": upload("รูป.png", png_bytes())})
    assert response.status_code == 302
    added = obj.attachments.get(kind="image")
    path = added.file.path
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("publishing:attachment_delete", args=[obj.pk, added.pk]))
    assert response.status_code == 302
    assert not obj.attachments.filter(pk=added.pk).exists()
    assert not os.path.exists(path)  # never submitted: the bytes go too


def test_adding_a_fake_file_shows_the_error_on_the_detail_page(login, requester_a, make_request):
    obj = make_request(requester_a)
    response = login(requester_a).post(reverse("publishing:attachment_add", args=[obj.pk]),
                                       {"add-file": upload("x.pdf", b"not a pdf")})
    assert response.status_code == 200
    assert "ไม่ใช่ PDF จริง" in response.content.decode()
    assert obj.attachments.count() == 1
