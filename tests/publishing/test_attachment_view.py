"""The documents of a post can be looked at: PDFs in the browser, photos as a thumbnail with a larger view,
beside their SHA-256 on the request page the supervisor approves from. An HTML-looking file is never a page."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from publishing.models import Attachment
from tests.publishing.conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(make_request, requester_a, supervisor_a):
    return make_request(requester_a, "submitted", files=[upload("ประกาศ.pdf", pdf_bytes()),
                                                        upload("ภาพ.png", png_bytes())])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_approver_sees_each_document_beside_its_fingerprint(login, submitted, supervisor_a):
    page = login(supervisor_a).get(submitted.get_absolute_url()).content.decode()
    pdf = submitted.attachments.get(kind="pdf")
    image = submitted.attachments.get(kind="image")
    assert reverse("publishing:attachment_view", args=[submitted.pk, pdf.pk]) in page
    assert reverse("publishing:attachment_thumb", args=[submitted.pk, image.pk]) in page
    assert f'data-bs-target="#preview-file-{image.pk}"' in page
    for attachment in (pdf, image):
        assert attachment.sha256 in page
    assert reverse("publishing:approve", args=[submitted.pk]) in page  # approved from the same page


def test_a_pdf_is_shown_in_the_browser(login, submitted, supervisor_a):
    pdf = submitted.attachments.get(kind="pdf")
    response = login(supervisor_a).get(reverse("publishing:attachment_view", args=[submitted.pk, pdf.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff" and body(response).startswith(b"%PDF-")
    download = login(supervisor_a).get(reverse("publishing:attachment", args=[submitted.pk, pdf.pk]))
    assert download["Content-Disposition"].startswith("attachment")


def test_a_photo_has_a_thumbnail_and_a_larger_view(login, submitted, supervisor_a):
    image = submitted.attachments.get(kind="image")
    client = login(supervisor_a)
    for name in ("publishing:attachment_thumb", "publishing:attachment_view"):
        response = client.get(reverse(name, args=[submitted.pk, image.pk]))
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert body(response).startswith(b"\xff\xd8")


def test_an_html_looking_file_is_refused_at_upload_and_never_served_as_a_page(login, make_request, submitted,
                                                                             requester_a, supervisor_a):
    html = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
    draft = make_request(requester_a)
    client = login(requester_a)
    before = draft.attachments.count()
    for name in ("page.html", "page.pdf", "page.png"):
        response = client.post(reverse("publishing:attachment_add", args=[draft.pk]),
                               {"add-file": upload(name, html, "text/html")})
        assert response.status_code in (200, 400) and "add-file" in response.content.decode()
    assert draft.attachments.count() == before
    # A row stored before the checks existed (or by hand) still cannot become a page of this site.
    legacy = Attachment(request=submitted, original_name="page.html", kind="pdf", content_type="text/html",
                        size=len(html), sha256="0" * 64, uploaded_by=requester_a)
    legacy.file.save("legacy.html", ContentFile(html), save=True)
    approver = login(supervisor_a)
    for name in ("publishing:attachment", "publishing:attachment_view"):
        response = approver.get(reverse(name, args=[submitted.pk, legacy.pk]))
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_other_unit_404_wrong_method_405_and_no_preview_for_other_kinds(login, submitted, requester_b, supervisor_a):
    pdf = submitted.attachments.get(kind="pdf")
    image = submitted.attachments.get(kind="image")
    outsider = login(requester_b)
    for name, attachment in (("publishing:attachment_view", pdf), ("publishing:attachment_thumb", image)):
        assert outsider.get(reverse(name, args=[submitted.pk, attachment.pk])).status_code == 404
    approver = login(supervisor_a)
    assert approver.post(reverse("publishing:attachment_view", args=[submitted.pk, pdf.pk])).status_code == 405
    assert approver.get(reverse("publishing:attachment_thumb", args=[submitted.pk, pdf.pk])).status_code == 404
