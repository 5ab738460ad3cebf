"""Desktop: staff start a public-facing system's yearly survey and see its public link; phone: two members of the
public answer through the link without signing in; the system page then shows the answers and the KPI."""

import os

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SCREENSHOT_DIR")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def rate(page, stars: int):
    for group in page.query_selector_all(".survey-scale"):
        group.query_selector(f"label:text-is('{stars}')").click()


def test_start_the_yearly_survey_and_the_public_answers_from_a_phone(browser, page, live_server, unit_a,
                                                                       technician, requester_a):
    from django.core.cache import caches
    from django.urls import reverse

    from tickets.systems import services
    from tickets.systems.models import SurveyRespondent, SurveyRound, System

    for backend in caches.all():
        backend.clear()
    system = services.system_create(system=System(name="ระบบชำระภาษีออนไลน์", owner_unit=unit_a, serves_public=True,
                                                  satisfaction_target=80), by=technician)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", technician.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.goto(f"{live_server.url}{reverse('systems:system_detail', args=[system.pk])}")
    assert "ยังไม่เคยสำรวจความพึงพอใจ" in page.inner_text("#survey-rounds")
    page.click("#survey-start-form button")
    page.wait_for_selector("text=เชิญผู้ใช้งาน 1 คน")
    survey = SurveyRound.objects.get()
    link = page.get_attribute(f"#public-link-{survey.fiscal_year}", "href")
    assert link == reverse("systems:survey_public", args=[survey.public_token])

    phone = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 390, "height": 844},
                                device_scale_factor=2, is_mobile=True, has_touch=True)
    stranger = phone.new_page()
    for stars in (5, 2):
        stranger.goto(f"{live_server.url}{link}")
        assert "ระบบชำระภาษีออนไลน์" in stranger.inner_text("#survey-system")
        assert stranger.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        if stars == 5:
            shot(stranger, "systems-public-survey-phone")
        rate(stranger, stars)
        stranger.click("#survey-submit")
        stranger.wait_for_selector("text=ขอบคุณสำหรับการประเมินความพึงพอใจ")
    phone.close()
    assert SurveyRespondent.objects.filter(is_public=True).count() == 2

    page.reload()
    text = page.inner_text(f"#survey-round-{survey.fiscal_year}")
    assert "ตอบแล้ว 2 ราย (ประชาชน 2 ราย)" in text and "50.0" in text and "ต่ำกว่าเป้าหมาย" in text
    shot(page, "systems-survey-desktop")
