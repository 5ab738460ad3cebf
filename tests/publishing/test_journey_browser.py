"""The key journey in real Chromium: submit with a PDF → supervisor approves → IT accepts → preview → publish."""

import pytest
from django.utils import timezone

from publishing.models import PublishingRequest
from tests.conftest import PASSWORD
from tests.publishing.conftest import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_post_goes_from_request_to_the_public_news_page(page, phone_page, sign_in, live_server, section,
                                                        requester_a, supervisor_a, it_head, technician):
    sign_in(requester_a.username, PASSWORD)
    page.goto(f"{live_server.url}/publishing/new/")
    page.fill("#id_title", "ประกาศเปิดรับฟังความคิดเห็นร่างแผนพัฒนาเขต")
    page.select_option("#id_section", str(section.pk))
    page.fill("#id_body", "ขอเชิญประชาชนร่วมแสดง **ความคิดเห็น**")
    page.select_option("#id_body_format", "markdown")
    page.fill("#id_wanted_on", timezone.localdate().isoformat())
    page.set_input_files("#id_attachments", files=[
        {"name": "ร่างแผน.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()},
    ])
    page.click("button[type=submit]:has-text('บันทึกร่าง')")
    page.wait_for_selector("#request-title")
    obj = PublishingRequest.objects.get()
    assert obj.attachments.get().original_name == "ร่างแผน.pdf"
    page.click("#form-submit button[type=submit]")
    page.wait_for_selector("[data-status=submitted]")

    def as_user(user):
        page.context.clear_cookies()
        sign_in(user.username, PASSWORD)
        page.goto(f"{live_server.url}{obj.get_absolute_url()}")

    as_user(supervisor_a)
    page.click("#form-approve button[type=submit]")
    page.wait_for_selector("[data-status=approved]")
    assert page.locator("#fingerprint-ok").is_visible()

    as_user(it_head)
    for box in ("check_rules", "check_oia", "check_chain"):
        page.check(f"#id_accept-{box}")
    page.click("#form-accept button[type=submit]")
    page.wait_for_selector("[data-status=accepted]")

    as_user(technician)
    page.click("#form-preview button[type=submit]")
    page.wait_for_selector("#preview-banner")
    assert "ความคิดเห็น" in page.inner_text("#post-body")
    page.goto(f"{live_server.url}{obj.get_absolute_url()}")
    for box in ("verify_display", "verify_positions", "verify_fonts", "verify_downloads"):
        page.check(f"#id_publish-{box}")
    page.fill("#id_publish-external_url", "https://www.example.go.th/news/1")
    page.click("#form-publish button[type=submit]")
    page.wait_for_selector("[data-status=published]")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/news/")
    page.click("text=ประกาศเปิดรับฟังความคิดเห็นร่างแผนพัฒนาเขต")
    page.wait_for_selector("#post-title")
    assert page.locator("#post-body strong").inner_text() == "ความคิดเห็น"
    with page.expect_download() as download:
        page.click("#post-attachments a")
    assert download.value.suggested_filename == "ร่างแผน.pdf"

    # On a phone the public page fits the screen without sideways scrolling.
    phone_page.goto(f"{live_server.url}{obj.get_public_url()}")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone_page.locator("#post-title").is_visible()
