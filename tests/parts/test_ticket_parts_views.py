import pytest
from django.urls import reverse

from tickets.models import Status, Ticket
from tickets.parts.models import PartRequest, PartRequestEvent

pytestmark = pytest.mark.django_db


def _request_url(ticket):
    return reverse("parts:request_create", args=[ticket.pk])


def _action_url(part_request, action):
    return reverse("parts:request_transition", args=[part_request.pk, action])


GOOD = {"item": "", "description": "พาวเวอร์ซัพพลาย 450W", "quantity": "1", "reason": "จ่ายไฟไม่ออก",
        "estimated_cost": "1200"}


def test_a_technician_of_the_team_requests_a_part_and_the_ticket_waits(login, ticket, technician):
    response = login(technician).post(_request_url(ticket), GOOD)
    assert response.status_code == 302
    part_request = PartRequest.objects.get()
    assert (part_request.description, part_request.quantity, part_request.requested_by) == (
        "พาวเวอร์ซัพพลาย 450W", 1, technician)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.WAITING_PARTS
    page = login(technician).get(reverse("parts:ticket_parts", args=[ticket.pk]))
    assert "พาวเวอร์ซัพพลาย 450W" in page.content.decode()
    assert 'data-status="waiting_parts"' in page.content.decode()


def test_a_catalogue_item_is_requested_by_id(login, ticket, technician, ram):
    login(technician).post(_request_url(ticket), {**GOOD, "item": str(ram.pk), "description": ""})
    assert PartRequest.objects.get().item == ram


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**GOOD, "description": ""}, "กรุณาเลือกรายการจากทะเบียนวัสดุหรือระบุชื่ออะไหล่"),
        ({**GOOD, "quantity": "0"}, "1"),
        ({**GOOD, "quantity": "abc"}, "กรอกหมายเลข"),
        ({**GOOD, "reason": ""}, "ฟิลด์นี้จำเป็น"),
        ({**GOOD, "estimated_cost": "-5"}, "0"),
        ({**GOOD, "item": "999999"}, "ตัวเลือก"),
    ],
)
def test_bad_input_is_refused_in_thai_and_nothing_is_saved(login, ticket, technician, data, message):
    response = login(technician).post(_request_url(ticket), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors
    assert not PartRequest.objects.exists()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_posting_only(login, ticket, technician):
    assert login(technician).get(_request_url(ticket)).status_code == 405
    part_request = PartRequest.objects.create(ticket=ticket, description="x", quantity=1, reason="x")
    assert login(technician).get(_action_url(part_request, "approve")).status_code == 405


def test_another_teams_technician_may_look_but_not_request(login, ticket, technician_b):
    client = login(technician_b)
    assert client.get(reverse("parts:ticket_parts", args=[ticket.pk])).status_code == 200
    assert client.post(_request_url(ticket), GOOD).status_code == 403
    assert not PartRequest.objects.exists()


def test_unit_users_get_403_for_their_own_unit_and_404_for_another(login, ticket, requester_a, requester_b):
    assert login(requester_a).get(reverse("parts:ticket_parts", args=[ticket.pk])).status_code == 403
    assert login(requester_a).post(_request_url(ticket), GOOD).status_code == 403
    assert login(requester_b).get(reverse("parts:ticket_parts", args=[ticket.pk])).status_code == 404
    assert login(requester_b).post(_request_url(ticket), GOOD).status_code == 404
    assert not PartRequest.objects.exists()


def test_walking_a_part_through_the_screens(login, ticket, technician, stock_officer, ram):
    login(technician).post(_request_url(ticket), {**GOOD, "item": str(ram.pk), "description": "", "quantity": "2"})
    part_request = PartRequest.objects.get()
    officer = login(stock_officer)
    assert officer.post(_action_url(part_request, "approve"), {}).status_code == 302
    response = officer.post(_action_url(part_request, "issue"), {"next": reverse("parts:queue")})
    assert response.status_code == 302 and response["Location"] == reverse("parts:queue")
    assert login(technician).post(_action_url(part_request, "install"), {}).status_code == 302
    part_request.refresh_from_db()
    assert part_request.status == "installed"
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    assert ram.current_balance() == 3


def test_an_unsafe_next_is_ignored(login, ticket, technician, stock_officer):
    login(technician).post(_request_url(ticket), GOOD)
    part_request = PartRequest.objects.get()
    response = login(stock_officer).post(_action_url(part_request, "approve"), {"next": "https://evil.example/"})
    assert response["Location"] == part_request.get_absolute_url()


def test_a_refused_step_shows_the_thai_reason_and_changes_nothing(login, ticket, technician, stock_officer):
    login(technician).post(_request_url(ticket), GOOD)
    part_request = PartRequest.objects.get()
    response = login(stock_officer).post(_action_url(part_request, "reject"), {"reject-note": ""})
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผลที่ไม่อนุมัติ" in response.content.decode()
    response = login(stock_officer).post(_action_url(part_request, "receive"), {"receive-cost": "100"})
    assert "ไม่สามารถเปลี่ยนสถานะคำขออะไหล่จาก" in response.content.decode()
    part_request.refresh_from_db()
    assert part_request.status == "requested"
    assert PartRequestEvent.objects.filter(request=part_request).count() == 1


def test_order_form_checks_thai_dates(login, ticket, technician, stock_officer):
    login(technician).post(_request_url(ticket), GOOD)
    part_request = PartRequest.objects.get()
    officer = login(stock_officer)
    officer.post(_action_url(part_request, "approve"), {})
    officer.post(_action_url(part_request, "procure"), {})
    bad = {"order-vendor": "ร้าน ก", "order-order_reference": "PO-1", "order-order_date": "31/02/2569",
           "order-expected_date": "15/03/2569"}
    response = officer.post(_action_url(part_request, "order"), bad)
    assert "วันที่ไม่ถูกต้อง กรอกเป็น วว/ดด/ปปปป" in response.content.decode()
    good = {**bad, "order-order_date": "01/02/2569"}
    assert officer.post(_action_url(part_request, "order"), good).status_code == 302
    part_request.refresh_from_db()
    assert (part_request.status, str(part_request.order_date), str(part_request.expected_date)) == (
        "ordered", "2026-02-01", "2026-03-15")


def test_only_the_stock_officer_orders(login, ticket, technician, stock_officer):
    login(technician).post(_request_url(ticket), GOOD)
    part_request = PartRequest.objects.get()
    login(stock_officer).post(_action_url(part_request, "approve"), {})
    assert login(technician).post(_action_url(part_request, "procure"), {}).status_code == 403
    assert PartRequest.objects.get().status == "approved"


def test_an_unknown_action_is_404(login, ticket, stock_officer):
    part_request = PartRequest.objects.create(ticket=ticket, description="x", quantity=1, reason="x")
    assert login(stock_officer).post(_action_url(part_request, "delete"), {}).status_code == 404


def test_the_queue_lists_work_by_stage(login, ticket, technician, stock_officer, requester_a):
    from tickets.parts.services import part_request_create, part_request_transition

    waiting = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="จอ 19 นิ้ว")
    late = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="บอร์ด H110")
    for step in ("approved", "procurement"):
        part_request_transition(part_request=late, to=step, by=stock_officer)
    import datetime as dt
    part_request_transition(part_request=late, to="ordered", by=stock_officer, vendor="ร้าน ก",
                            order_reference="PO-9", order_date=dt.date(2025, 1, 1),
                            expected_date=dt.date(2025, 1, 15))
    response = login(stock_officer).get(reverse("parts:queue"))
    sections = {s["key"]: [r.pk for r in s["rows"]] for s in response.context["sections"]}
    assert sections["approve"] == [waiting.pk]
    assert sections["overdue"] == [late.pk]
    assert login(requester_a).get(reverse("parts:queue")).status_code == 403


def test_request_list_filters_and_exports(login, ticket, technician, stock_officer):
    from tickets.parts.services import part_request_create

    part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="=HYPERLINK(\"x\")")
    part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="คีย์บอร์ด USB")
    client = login(stock_officer)
    page = client.get(reverse("parts:request_list"), {"q": "คีย์บอร์ด", "sort": "bogus", "status": "requested"})
    assert [r.part_name for r in page.context["page"]] == ["คีย์บอร์ด USB"]
    csv = client.get(reverse("parts:request_list"), {"format": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "คีย์บอร์ด USB" in csv
