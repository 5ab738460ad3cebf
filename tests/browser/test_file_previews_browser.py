"""Looking at files in the browser, desktop and phone: the supervisor approving a post sees its documents
(photo thumbnail → larger view in a dialog, PDF opened in the browser) beside their fingerprints; the
technician sees a ticket's photos the same way."""

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tests.publishing.conftest import ALL_CHECKS, pdf_bytes, upload
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/shots-d")


def photo(size=(1600, 1200), colour=(13, 110, 253)) -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle((100, 100, size[0] - 100, size[1] - 100), outline=(255, 255, 255), width=30)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def sign_in(tab, live_server, username: str) -> None:
    tab.goto(f"{live_server.url}/accounts/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    tab.wait_for_url(f"{live_server.url}/")


def image_shown(tab, selector: str) -> bool:
    """The image has arrived and decoded (polled: the page's CSP forbids Playwright's string predicates)."""
    for _ in range(100):
        if tab.eval_on_selector(selector, "img => img.complete && img.naturalWidth > 0"):
            return True
        tab.wait_for_timeout(100)
    return False


def test_the_approver_looks_at_the_documents_and_the_technician_at_the_photos(page, phone_page, live_server,
                                                                               unit_a, team_a):
    from django.core.cache import caches
    from django.utils import timezone

    from publishing import services
    from publishing.files import check_upload
    from publishing.models import Section
    from publishing.sections import ensure_default_sections
    from tickets.services import ticket_create

    for backend in caches.all():
        backend.clear()
    page.set_viewport_size({"width": 1366, "height": 900})
    ensure_default_sections(Section)
    requester = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    make_user("malee", Role.SUPERVISOR, unit=unit_a, first_name="มาลี", last_name="ผู้นำ")
    make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")
    post = services.request_create(
        by=requester, title="ประกาศรับสมัครลูกจ้างชั่วคราว", body="รายละเอียดตามเอกสารแนบ", body_format="plain",
        section=Section.objects.get(slug="news"), wanted_on=timezone.localdate(), expires_on=None,
        files=[check_upload(upload("ประกาศ.pdf", pdf_bytes())), check_upload(upload("ภาพประกอบ.png", photo()))],
    )
    services.request_transition(request=post, action="submit", by=requester, note="", checklist=ALL_CHECKS)
    ticket = ticket_create(unit=unit_a, category=category("hw-printer"), symptom="กระดาษติด มีรอยดำ",
                           requester_name="สมศรี ใจดี", requester_phone="02 111 2222", by=requester,
                           requester=requester, device_description="เครื่องพิมพ์ห้องทะเบียน",
                           photos=[(upload("a.png", photo(colour=(220, 53, 69))), "image/png"),
                                   (upload("b.png", photo((900, 1600), (25, 135, 84))), "image/png")])
    image = post.attachments.get(kind="image")
    pdf = post.attachments.get(kind="pdf")
    SHOTS.mkdir(exist_ok=True)
    for size, tab in (("desktop", page), ("phone", phone_page)):
        sign_in(tab, live_server, "malee")
        tab.goto(f"{live_server.url}{post.get_absolute_url()}")
        item = tab.locator("#attachments li", has_text=pdf.sha256)
        assert item.locator(f"a[href$='/files/{pdf.pk}/view/'][target=_blank]").count() == 2  # tile and name
        thumb = f"img[src$='/files/{image.pk}/thumb/']"
        assert image_shown(tab, thumb)
        assert image.sha256 in tab.locator("#attachments li", has=tab.locator(thumb)).inner_text()
        tab.screenshot(path=str(SHOTS / f"previews-post-{size}.png"), full_page=True)
        tab.click(thumb)
        dialog = tab.locator(f"#preview-file-{image.pk}")
        dialog.wait_for(state="visible")
        assert image_shown(tab, f"#preview-file-{image.pk} .file-large")
        assert tab.eval_on_selector(f"#preview-file-{image.pk} .file-large", "img => img.naturalWidth") == 1600
        tab.wait_for_timeout(400)  # the dialog's fade-in
        tab.screenshot(path=str(SHOTS / f"previews-post-dialog-{size}.png"))
        dialog.get_by_role("button", name="ปิด").click()
        dialog.wait_for(state="hidden")
        shown = tab.request.get(f"{live_server.url}/publishing/{post.pk}/files/{pdf.pk}/view/")
        assert shown.headers["content-type"] == "application/pdf"
        assert shown.headers["content-disposition"].startswith("inline")
        tab.context.clear_cookies()

        sign_in(tab, live_server, "weera")
        tab.goto(f"{live_server.url}{ticket.get_absolute_url()}")
        for number, photo_row in enumerate(ticket.photos.all(), start=1):
            assert image_shown(tab, f"img[src$='/photos/{photo_row.pk}/thumb/']"), number
        tab.screenshot(path=str(SHOTS / f"previews-ticket-{size}.png"), full_page=True)
        first = ticket.photos.first()
        tab.click(f"img[src$='/photos/{first.pk}/thumb/']")
        tab.locator(f"#preview-photo-{first.pk}").wait_for(state="visible")
        assert image_shown(tab, f"#preview-photo-{first.pk} .file-large")
        tab.wait_for_timeout(400)
        tab.screenshot(path=str(SHOTS / f"previews-ticket-dialog-{size}.png"))
        tab.context.clear_cookies()
