"""Bulk actions on the job board: assign the ticked tickets (each through the access helper and the assignment
service), print their slips in one PDF, export them through the one CSV writer."""

import io

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from pypdf import PdfReader

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.board_forms import MAX_BULK
from tickets.models import Ticket, TicketEvent

pytestmark = pytest.mark.django_db
BULK = reverse("tickets:bulk")


@pytest.fixture
def colleague(unit_a, team_a):
    return make_user("somchai", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="สมชาย", last_name="ขยัน")


@pytest.fixture
def jobs(make_ticket, unit_a, unit_b, hw, technician, technician_b):
    a1 = make_ticket(unit_a, hw, by=technician, symptom="จอดับ")
    a2 = make_ticket(unit_a, hw, by=technician, symptom="=cmd|' /C calc'!A0")
    b1 = make_ticket(unit_b, hw, by=technician_b, symptom="เครื่องพิมพ์ไม่ดึงกระดาษ")
    return a1, a2, b1


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_technician_assigns_the_ticked_tickets_to_a_colleague(login, technician, colleague, jobs):
    a1, a2, _b1 = jobs
    response = login(technician).post(f"{BULK}?status=open&page=2", {"action": "assign", "ids": [a1.pk, a2.pk],
                                                                     "technician": colleague.pk})
    assert response.status_code == 302 and response["Location"] == reverse("tickets:list") + "?status=open"
    assert set(Ticket.objects.filter(technician=colleague).values_list("pk", flat=True)) == {a1.pk, a2.pk}
    events = TicketEvent.objects.filter(kind=TicketEvent.Kind.ASSIGNED, ticket__in=[a1, a2], actor=technician)
    assert events.count() == 2
    assert "มอบหมายงาน 2 รายการให้ สมชาย ขยัน แล้ว" in texts(response)


def test_tickets_of_another_team_are_refused_by_name_and_left_as_they_were(login, technician, colleague, jobs):
    a1, _a2, b1 = jobs
    response = login(technician).post(BULK, {"action": "assign", "ids": [b1.pk, a1.pk], "technician": colleague.pk})
    messages = texts(response)
    assert any(b1.number in m and "ไม่มีสิทธิ์มอบหมาย" in m for m in messages)
    assert Ticket.objects.get(pk=b1.pk).technician_id is None
    assert Ticket.objects.get(pk=a1.pk).technician_id == colleague.pk


def test_the_services_refusal_is_shown_per_ticket(login, technician, technician_b, jobs):
    a1, _a2, _b1 = jobs
    response = login(technician).post(BULK, {"action": "assign", "ids": [a1.pk], "technician": technician_b.pk})
    assert any(m.startswith(f"{a1.number}: ") and "ทีมที่รับผิดชอบ" in m for m in texts(response))
    assert Ticket.objects.get(pk=a1.pk).technician_id is None


def test_the_it_head_assigns_across_teams(login, it_head, technician_b, jobs):
    a1, _a2, b1 = jobs
    login(it_head).post(BULK, {"action": "assign", "ids": [a1.pk, b1.pk], "technician": technician_b.pk})
    assert Ticket.objects.filter(technician=technician_b).count() == 2


def test_bulk_takes_post_only(login, technician, jobs):
    assert login(technician).get(BULK, {"action": "csv", "ids": jobs[0].pk}).status_code == 405


def test_requesters_and_supervisors_get_403(login, requester_a, supervisor_a, colleague, jobs):
    for user in (requester_a, supervisor_a):
        response = login(user).post(BULK, {"action": "assign", "ids": [jobs[0].pk], "technician": colleague.pk})
        assert response.status_code == 403
    assert not Ticket.objects.filter(technician__isnull=False).exists()


def test_a_ticket_the_user_cannot_read_makes_it_a_404_and_nothing_changes(login, technician, colleague, jobs):
    a1 = jobs[0]
    gone = jobs[1].pk
    Ticket.objects.filter(pk=gone).delete()
    client = login(technician)
    for action in ("assign", "slips", "csv"):
        response = client.post(BULK, {"action": action, "ids": [a1.pk, gone], "technician": colleague.pk})
        assert response.status_code == 404
    assert Ticket.objects.get(pk=a1.pk).technician_id is None


@pytest.mark.parametrize(("data", "message"), [
    ({"action": "assign"}, "กรุณาเลือกใบแจ้งซ่อมอย่างน้อย 1 รายการ"),
    ({"action": "assign", "ids": ["1x"]}, "รายการที่เลือกไม่ถูกต้อง"),
    ({"action": "assign", "ids": ["FIRST"]}, "กรุณาเลือกเจ้าหน้าที่ที่จะมอบหมายงาน"),
    ({"action": "assign", "ids": ["FIRST"], "technician": "999999"}, "เจ้าหน้าที่ที่เลือกไม่มีในรายชื่อ"),
    ({"action": "delete", "ids": ["FIRST"]}, "กรุณาเลือกสิ่งที่จะทำกับรายการที่เลือก"),
    ({"action": "csv", "ids": [str(n) for n in range(1, MAX_BULK + 2)]}, f"เลือกได้ครั้งละไม่เกิน {MAX_BULK} รายการ"),
])
def test_bad_input_comes_back_on_the_board_in_thai_with_the_ticks_kept(login, technician, jobs, data, message):
    data = {key: [str(jobs[0].pk) if v == "FIRST" else v for v in value] if isinstance(value, list) else value
            for key, value in data.items()}
    response = login(technician).post(f"{BULK}?status=open", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and 'id="bulk-errors"' in body
    assert response.context["filters"]["status"] == "open"
    if data.get("ids") == [str(jobs[0].pk)]:
        assert f'value="{jobs[0].pk}" form="bulk-form" id="pick-{jobs[0].pk}" ' in body and "checked" in body
    assert not Ticket.objects.filter(technician__isnull=False).exists()


def test_the_slips_of_the_ticked_tickets_print_as_one_pdf(login, technician, jobs):
    a1, a2, b1 = jobs
    client = login(technician)
    response = client.post(BULK, {"action": "slips", "ids": [b1.pk, a1.pk]})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert a1.number in text and b1.number in text and a2.number not in text
    preview = client.post(f"{BULK}?preview=1", {"action": "slips", "ids": [a1.pk, b1.pk]}).content.decode()
    assert preview.count('class="slip"') == 2 and f'id="slip-{a1.pk}"' in preview
    assert preview.count('class="qr"') == 2  # each slip with its tracking QR code


def test_the_ticked_tickets_export_through_the_one_csv_writer(login, technician, jobs):
    a1, a2, b1 = jobs
    response = login(technician).post(BULK, {"action": "csv", "ids": [a2.pk, a1.pk]})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "tickets-selected-" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("เลขที่,") and len(lines) == 3
    assert lines[1].startswith(a1.number) and lines[2].startswith(a2.number)  # by number
    assert "'=cmd" in lines[2] and b1.number not in response.content.decode("utf-8-sig")
