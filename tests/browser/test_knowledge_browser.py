"""In Chromium: a unit user reads the guide on the repair form and is deflected; a technician records a consultation
in seconds; an anonymous visitor searches the public knowledge pages on a phone."""

import pytest
from django.utils import timezone

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.wait_for_load_state()


def _published_printer_guide():
    from publishing.knowledge.defaults import ensure_default_guides
    from publishing.knowledge.models import Article
    from tickets.models import Category

    printer = category("hw-printer")
    ensure_default_guides(Article, Category)
    printer.refresh_from_db()
    Article.objects.filter(pk=printer.guide_id).update(
        status="published", published_at=timezone.now(), body="1. ดึงกระดาษที่ติดออก\n2. ปิดเปิดเครื่องใหม่")
    return printer


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_unit_user_reads_the_guide_and_is_deflected(size, page, phone_page, live_server, unit_a):
    from publishing.knowledge.models import GuideFeedback
    from tickets.models import Ticket

    tab = phone_page if size == "phone" else page
    _published_printer_guide()
    make_user("somsri", Role.REQUESTER, unit=unit_a)
    _sign_in(tab, live_server, "somsri")
    tab.goto(f"{live_server.url}/tickets/new/")
    assert tab.locator("#guide-steps").count() == 0
    tab.select_option("#id_category", label="เครื่องพิมพ์")
    tab.wait_for_selector("#guide-steps")  # swapped in by htmx on change
    assert "ดึงกระดาษที่ติดออก" in tab.inner_text("#guide-steps")
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    tab.click("#guide-solved")
    tab.wait_for_url(f"{live_server.url}/")
    assert "แก้ไขปัญหาได้ตามคู่มือ" in tab.inner_text("main")
    feedback = GuideFeedback.objects.get()
    assert feedback.outcome == "solved" and feedback.category.code == "hw-printer"
    assert not Ticket.objects.exists()


def test_still_need_help_keeps_the_form_and_files_the_ticket(page, live_server, unit_a):
    from publishing.knowledge.models import GuideFeedback
    from tickets.models import Ticket

    _published_printer_guide()
    make_user("somsri", Role.REQUESTER, unit=unit_a)
    _sign_in(page, live_server, "somsri")
    page.goto(f"{live_server.url}/tickets/new/")
    page.fill("#id_device_description", "เครื่องพิมพ์ HP ชั้น 2")
    page.select_option("#id_category", label="เครื่องพิมพ์")
    page.wait_for_selector("#guide-steps")
    page.fill("#id_symptom", "กระดาษติดตลอด")
    page.click("#guide-need-help")
    page.wait_for_selector("#guide-continue")
    assert page.input_value("#id_symptom") == "กระดาษติดตลอด"  # nothing typed is lost
    page.fill("#id_requester_phone", "02 111 2222")
    page.click("button[type=submit]:has-text('ส่งใบแจ้งซ่อม')")
    page.wait_for_selector("#ticket-status")
    assert Ticket.objects.get().symptom == "กระดาษติดตลอด"
    assert GuideFeedback.objects.get().outcome == "need_help"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_technician_records_a_consultation_in_seconds(size, page, phone_page, live_server, unit_a, team_a):
    from tickets.consultations.models import Consultation

    tab = phone_page if size == "phone" else page
    make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a)
    _sign_in(tab, live_server, "weera")
    tab.goto(f"{live_server.url}/consultations/")
    tab.select_option("#id_unit", label=unit_a.name)
    tab.fill("#id_caller_name", "คุณวิชัย")
    tab.fill("#id_question", "เปิด Excel แล้วค้าง")
    tab.fill("#id_answer", "ให้เปิดใน Safe Mode")
    tab.fill("#id_minutes", "3")
    tab.click("#consult-save")
    tab.wait_for_selector("#consult-list a")
    assert "เปิด Excel แล้วค้าง" in tab.inner_text("#consult-list")
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    c = Consultation.objects.get()
    assert (c.caller_name, c.minutes, c.solved, c.unit_id) == ("คุณวิชัย", 3, True, unit_a.pk)


def test_an_anonymous_visitor_searches_public_articles_on_a_phone(phone_page, live_server, technician):
    from publishing.knowledge.models import Article

    Article.objects.create(title="แก้ปัญหากระดาษติดในเครื่องพิมพ์", body="**ดึงกระดาษ** ออกช้า ๆ",
                           body_format="markdown", status="published", audience="public",
                           published_at=timezone.now(), author=technician)
    Article.objects.create(title="คู่มือภายในเครื่องพิมพ์", body="x", status="published", audience="technician",
                           published_at=timezone.now(), author=technician)
    phone_page.goto(f"{live_server.url}/news/")
    phone_page.click("#nav-knowledge")
    phone_page.fill("input[name=q]", "เครื่องพิมพ์")
    phone_page.click("#knowledge-search button")
    phone_page.wait_for_selector("#search-summary")
    listing = phone_page.inner_text("#article-list")
    assert "กระดาษติด" in listing and "คู่มือภายใน" not in listing
    phone_page.click("#article-list a >> nth=0")
    phone_page.wait_for_selector("#article-body strong")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_pressing_enter_files_the_ticket_not_a_deflection(page, live_server, unit_a):
    from publishing.knowledge.models import GuideFeedback
    from tickets.models import Ticket

    _published_printer_guide()
    make_user("somsri", Role.REQUESTER, unit=unit_a)
    _sign_in(page, live_server, "somsri")
    page.goto(f"{live_server.url}/tickets/new/")
    page.select_option("#id_category", label="เครื่องพิมพ์")
    page.wait_for_selector("#guide-steps")
    page.fill("#id_symptom", "กระดาษติด")
    page.fill("#id_requester_phone", "02 111 2222")
    page.fill("#id_device_description", "เครื่องพิมพ์ชั้น 2")
    page.press("#id_device_description", "Enter")
    page.wait_for_selector("#ticket-status")
    assert Ticket.objects.count() == 1 and not GuideFeedback.objects.exists()
