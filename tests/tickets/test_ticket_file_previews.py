"""The ticket's photos can be looked at (thumbnail, larger view in a dialog) and its memo read in the browser,
by whoever may see the ticket; files keep their checked type and nosniff; other unit 404, POST 405."""

import pytest
from django.urls import reverse
from PIL import Image

from helpdesk.previews import preview_name
from tests.publishing.conftest import pdf_bytes
from tests.tickets.conftest import image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a):
    return make_ticket(unit_a, hw, requester=requester_a,
                       photos=[(upload("a.png", image_bytes("PNG")), "image/png"),
                               (upload("b.jpg", image_bytes("JPEG")), "image/jpeg")],
                       channel="memo", memo_number="กท 5010/123", memo_scan=upload("memo.pdf", pdf_bytes()))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_ticket_page_shows_thumbnails_that_open_a_larger_view(login, ticket, technician):
    page = login(technician).get(ticket.get_absolute_url()).content.decode()
    for photo in ticket.photos.all():
        assert reverse("tickets:photo_preview", args=[ticket.pk, photo.pk, "thumb"]) in page
        assert reverse("tickets:photo_preview", args=[ticket.pk, photo.pk, "large"]) in page
        assert f'data-bs-target="#preview-photo-{photo.pk}"' in page
        assert reverse("tickets:photo", args=[ticket.pk, photo.pk]) in page  # the original, to download
    assert reverse("tickets:memo", args=[ticket.pk]) + "?view=1" in page


def test_a_thumbnail_is_a_small_jpeg_kept_in_media(login, ticket, requester_a, tmp_path, settings):
    photo = ticket.photos.first()
    response = login(requester_a).get(reverse("tickets:photo_preview", args=[ticket.pk, photo.pk, "thumb"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert body(response).startswith(b"\xff\xd8")
    assert photo.image.storage.exists(preview_name(photo.image, "thumb"))
    with Image.open(photo.image.storage.open(preview_name(photo.image, "thumb"))) as image:
        assert max(image.size) <= 320


def test_the_original_photo_is_still_a_download_with_its_checked_type(login, ticket, technician):
    photo = ticket.photos.get(content_type="image/png")
    response = login(technician).get(reverse("tickets:photo", args=[ticket.pk, photo.pk]))
    assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_the_memo_opens_in_the_browser_or_downloads(login, ticket, technician):
    client = login(technician)
    shown = client.get(reverse("tickets:memo", args=[ticket.pk]) + "?view=1")
    assert shown["Content-Type"] == "application/pdf" and shown["Content-Disposition"].startswith("inline")
    assert shown["X-Content-Type-Options"] == "nosniff" and body(shown).startswith(b"%PDF-")
    saved = client.get(reverse("tickets:memo", args=[ticket.pk]))
    assert saved["Content-Disposition"].startswith("attachment")


def test_another_units_requester_gets_404_and_nothing_is_made(login, ticket, requester_b):
    photo = ticket.photos.first()
    client = login(requester_b)  # (service staff serve every unit: they see every ticket)
    assert client.get(reverse("tickets:photo_preview", args=[ticket.pk, photo.pk, "large"])).status_code == 404
    assert client.get(reverse("tickets:photo", args=[ticket.pk, photo.pk])).status_code == 404
    assert client.get(reverse("tickets:memo", args=[ticket.pk]) + "?view=1").status_code == 404
    assert not photo.image.storage.exists(preview_name(photo.image, "large"))


def test_wrong_method_unknown_size_and_signed_out(client, login, ticket, technician):
    photo = ticket.photos.first()
    url = reverse("tickets:photo_preview", args=[ticket.pk, photo.pk, "large"])
    assert client.get(url).status_code == 302  # to the login page
    signed_in = login(technician)
    assert signed_in.post(url).status_code == 405
    assert signed_in.get(reverse("tickets:photo_preview", args=[ticket.pk, photo.pk, "huge"])).status_code == 404
    other = ticket.photos.last().pk + 100
    assert signed_in.get(reverse("tickets:photo_preview", args=[ticket.pk, other, "thumb"])).status_code == 404
