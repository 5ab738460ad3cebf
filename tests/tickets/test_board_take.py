"""Taking a job from the board: the row updates in place with htmx, and the same button works without JavaScript."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tickets.models import Ticket, TicketEvent

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def job(make_ticket, unit_a, hw, technician):
    return make_ticket(unit_a, hw, by=technician, symptom="จอดับ")


def take_url(ticket, query=""):
    return reverse("tickets:board_take", args=[ticket.pk]) + query


def test_the_board_offers_take_on_open_unassigned_jobs_of_the_team(login, technician, technician_b, job,
                                                                    make_ticket, unit_b, hw):
    other = make_ticket(unit_b, hw, by=technician_b)
    body = login(technician).get(reverse("tickets:list"), {"scope": "all"}).content.decode()
    assert f'hx-post="{take_url(job)}"' in body
    assert take_url(other) not in body  # another team's job


def test_with_htmx_the_row_comes_back_taken(login, technician, job):
    response = login(technician).post(take_url(job), {"version": job.version}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith("<tr") and "<html" not in body
    assert f'id="row-{job.pk}"' in body and "วีระ ช่างซ่อม" in body and f"รับงาน {job.number} แล้ว" in body
    assert 'class="take-button' not in body
    assert Ticket.objects.get(pk=job.pk).technician == technician
    assert TicketEvent.objects.filter(ticket=job, kind=TicketEvent.Kind.ASSIGNED, actor=technician).exists()


def test_without_javascript_the_board_comes_back_as_it_was(login, technician, job):
    response = login(technician).post(take_url(job, "?status=open&page=2"), {"version": job.version})
    assert response.status_code == 302 and response["Location"] == reverse("tickets:list") + "?status=open"
    assert f"รับงาน {job.number} แล้ว" in [str(m) for m in get_messages(response.wsgi_request)]
    assert Ticket.objects.get(pk=job.pk).technician == technician


def test_a_stale_board_says_who_has_the_job_and_changes_nothing(login, technician, job, it_head):
    from tickets.services import ticket_assign

    loaded_version = job.version
    ticket_assign(ticket=job, technician=it_head, by=it_head)
    response = login(technician).post(take_url(job), {"version": loaded_version}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "ถูกแก้ไขโดยผู้อื่นแล้ว" in body and "text-danger" in body
    assert Ticket.objects.get(pk=job.pk).technician == it_head


def test_take_is_post_only(login, technician, job):
    assert login(technician).get(take_url(job)).status_code == 405
    assert Ticket.objects.get(pk=job.pk).technician_id is None


def test_someone_who_may_not_work_on_it_gets_403_and_another_unit_404(login, technician_b, requester_a,
                                                                       requester_b, job):
    assert login(technician_b).post(take_url(job), {"version": job.version}).status_code == 403
    assert login(requester_a).post(take_url(job), {"version": job.version}).status_code == 403
    assert login(requester_b).post(take_url(job), {"version": job.version}).status_code == 404
    assert Ticket.objects.get(pk=job.pk).technician_id is None


def test_a_closed_job_is_refused_in_thai(login, technician, job):
    from tickets.services import ticket_transition

    ticket_transition(ticket=job, to="cancelled", by=technician, note="ซ้ำ")
    response = login(technician).post(take_url(job), {"version": "x"}, **HTMX)
    assert "ปิดแล้ว มอบหมายงานไม่ได้" in response.content.decode()
    assert Ticket.objects.get(pk=job.pk).technician_id is None
