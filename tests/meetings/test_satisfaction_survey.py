"""After the after-meeting check the requester is invited (once) to the service's satisfaction survey, answers it
through the public link, and the report section scores the answers against the target (helpdesk.surveys)."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from helpdesk.dashboard import ReportScope
from helpdesk.notifications.models import Notification
from helpdesk.surveys.models import Answer, Invitation, Response, SurveyService
from tickets.meetings.integration import meetings_report, meetings_report_csv
from tickets.meetings.models import Booking
from tickets.meetings.services import booking_cancel, booking_check, booking_checked, booking_confirm, booking_setup
from tickets.meetings.survey import OVERALL, QUESTIONS, SERVICE_CODE

from .conftest import at

DAY = dt.date(2026, 3, 11)  # a Wednesday; booked on the Monday before
SCOPE = ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))


def checked(make_booking, clock, requester, technician, *, room=None, vc_account=None, hour=9, capture=None):
    clock.set(at(DAY - dt.timedelta(days=2), 9))
    booking = make_booking(requester, starts_at=at(DAY, hour), ends_at=at(DAY, hour + 2), room=room,
                           vc_account=vc_account)
    clock.set(booking.created_at + dt.timedelta(minutes=2))
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    clock.set(booking.starts_at - dt.timedelta(minutes=45))
    booking_setup(booking=booking, by=technician, note="ทดสอบภาพและเสียงแล้ว")
    clock.set(booking.ends_at + dt.timedelta(minutes=5))
    with capture(execute=True):
        booking_check(booking=booking, by=technician, equipment_state="ok")
    return Booking.objects.get(pk=booking.pk)


def answer_url(invitation):
    return reverse("surveys:answer", args=[invitation.token])


def ratings(invitation, *values):
    questions = list(invitation.service.questions.filter(is_active=True))
    values = values or (5,) * len(questions)
    return {**{f"q{q.pk}": v for q, v in zip(questions, values, strict=True)}, "comment": "ภาพและเสียงชัดเจน"}


@pytest.fixture
def booking(make_booking, clock, requester_a, technician, room, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    return checked(make_booking, clock, requester_a, technician, room=room, capture=django_capture_on_commit_callbacks)


def test_the_service_and_its_questions_are_seeded_by_the_migration(db):
    service = SurveyService.objects.get(code=SERVICE_CODE)
    assert service.is_active and service.target_percent == 80 and service.content_type.model == "booking"
    assert list(service.questions.order_by("order").values_list("text", flat=True)) == QUESTIONS
    assert list(service.questions.filter(is_overall=True).values_list("text", flat=True)) == [OVERALL]


def test_the_check_invites_the_requester_once(booking, requester_a, technician, unit_a,
                                              django_capture_on_commit_callbacks):
    invitation = Invitation.objects.for_record(booking).get()
    assert invitation.service.code == SERVICE_CODE
    assert (invitation.served, invitation.provider, invitation.unit) == (requester_a, technician, unit_a)
    assert invitation.team == unit_a.team and invitation.created_at == booking.checked_at
    assert booking.reference in invitation.label and len(invitation.token) >= 32
    # The survey's own notice (kind "survey", the user's channel choice) and the closing notice with the link.
    notice = Notification.objects.get(user=requester_a, kind="survey")
    assert notice.url == answer_url(invitation)
    closing = Notification.objects.get(user=requester_a, kind="meeting", subject__contains="ปิดงานบริการ")
    assert closing.url == reverse("meetings:detail", args=[booking.pk]) and answer_url(invitation) in closing.message
    assert any(answer_url(invitation) in m.body and m.to == [requester_a.email] for m in mail.outbox)
    assert not Notification.objects.filter(user=technician, kind="survey").exists()

    with django_capture_on_commit_callbacks(execute=True):
        booking_checked(booking)  # run again (a retried hook): no second invitation, no second survey notice
    assert Invitation.objects.for_record(booking).count() == 1
    assert Notification.objects.filter(user=requester_a, kind="survey").count() == 1


def test_a_cancelled_or_unchecked_booking_gets_no_survey(make_booking, clock, requester_a, technician, room,
                                                         django_capture_on_commit_callbacks):
    clock.set(at(DAY - dt.timedelta(days=2), 9))
    open_one = make_booking(requester_a, starts_at=at(DAY, 9), ends_at=at(DAY, 10), room=room)
    cancelled = make_booking(requester_a, starts_at=at(DAY, 13), ends_at=at(DAY, 14), room=room)
    with django_capture_on_commit_callbacks(execute=True):
        booking_confirm(booking=open_one, by=technician, assigned_to=technician)
        booking_cancel(booking=cancelled, by=requester_a, reason="เลื่อนการประชุม")
    assert not Invitation.objects.exists()
    assert not Notification.objects.filter(kind="survey").exists()


def test_the_requester_answers_through_the_public_link(booking, login, requester_a):
    invitation = Invitation.objects.for_record(booking).get()
    client = login(requester_a)
    page = client.get(answer_url(invitation))
    assert page.status_code == 200
    for text in QUESTIONS:
        assert text in page.content.decode()
    response = client.post(answer_url(invitation), ratings(invitation, 5, 4, 4, 5, 4))
    assert response.status_code == 302
    saved = Response.objects.get(invitation=invitation)
    assert saved.answered_by == requester_a and saved.score == 4  # the overall question's rating
    assert sorted(Answer.objects.filter(response=saved).values_list("rating", flat=True)) == [4, 4, 4, 5, 5]
    # Once only: a second answer is refused and nothing changes.
    again = client.post(answer_url(invitation), ratings(invitation, 1, 1, 1, 1, 1))
    assert again.status_code == 400 and "ได้รับการประเมินแล้ว" in again.content.decode()
    assert Response.objects.count() == 1 and not Answer.objects.filter(rating=1).exists()


def test_the_staff_who_served_cannot_answer_for_the_requester(booking, login, technician):
    invitation = Invitation.objects.for_record(booking).get()
    response = login(technician).post(answer_url(invitation), ratings(invitation))
    assert response.status_code == 400
    assert "ไม่สามารถประเมินงานของตนเองได้" in response.content.decode()
    assert not Response.objects.exists()


def test_a_wrong_token_is_not_found(booking, client):
    assert client.get(reverse("surveys:answer", args=["x" * 32])).status_code == 404
    assert not Response.objects.exists()


def test_the_report_section_shows_satisfaction_against_the_target(make_booking, clock, requester_a, requester_b,
                                                                 technician, room, zoom, unit_a, client, login,
                                                                 executive, django_capture_on_commit_callbacks):
    first = checked(make_booking, clock, requester_a, technician, room=room, hour=9,
                    capture=django_capture_on_commit_callbacks)
    second = checked(make_booking, clock, requester_b, technician, vc_account=zoom, hour=13,
                     capture=django_capture_on_commit_callbacks)
    third = checked(make_booking, clock, requester_a, technician, room=room, hour=15,
                    capture=django_capture_on_commit_callbacks)
    assert meetings_report(SCOPE)["satisfaction"]["kpi"] is None  # invited, nobody answered yet
    for booking, overall in ((first, 5), (second, 2)):
        invitation = Invitation.objects.for_record(booking).get()
        assert client.post(answer_url(invitation), ratings(invitation, 4, 4, 4, 4, overall)).status_code == 302
    assert Invitation.objects.for_record(third).exists()

    sat = meetings_report(SCOPE)["satisfaction"]
    assert (sat["invited"], sat["responses"], sat["satisfied"]) == (3, 2, 1)
    assert sat["kpi"] == 50.0 and sat["target"] == 80 and sat["met"] is False  # share of 4–5
    scoped = meetings_report(ReportScope(start=SCOPE.start, end=SCOPE.end, unit_ids=(unit_a.pk,)))["satisfaction"]
    assert (scoped["invited"], scoped["responses"], scoped["kpi"], scoped["met"]) == (2, 1, 100.0, True)
    # The service's method and target (edited in the admin) are what the KPI follows.
    SurveyService.objects.filter(code=SERVICE_CODE).update(method="mean_percent", target_percent=70)
    sat = meetings_report(SCOPE)["satisfaction"]
    assert sat["kpi"] == 70.0 and sat["target"] == 70 and sat["met"] is True  # mean 3.5 of 5
    assert meetings_report(ReportScope(start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30)))["satisfaction"][
        "invited"] == 0

    _header, rows = meetings_report_csv(SCOPE)
    assert ["ร้อยละความพึงพอใจ (เป้าหมาย 70)", "ตอบ 2 จาก 3", 70.0, ""] in rows
    clock.set(at(DAY + dt.timedelta(days=1), 9))
    body = login(executive).get(reverse("reports:summary") + "?period=range&start=01/03/2569&end=31/03/2569"
                                ).content.decode()
    assert 'id="report-meetings-satisfaction"' in body and "เทียบเป้าหมายร้อยละ 70" in body
    assert "70.0%" in body and "ผ่านเป้าหมาย" in body


def test_the_booking_page_links_the_survey_for_the_requester_only(booking, login, requester_a, technician):
    invitation = Invitation.objects.for_record(booking).get()
    detail = reverse("meetings:detail", args=[booking.pk])
    page = login(requester_a).get(detail).content.decode()
    assert 'id="survey-link"' in page and answer_url(invitation) in page
    staff_page = login(technician).get(detail).content.decode()
    assert 'id="survey-step"' in staff_page and invitation.token not in staff_page
    requester = login(requester_a)
    assert requester.post(answer_url(invitation), ratings(invitation, 5, 5, 4, 5, 4)).status_code == 302
    page = requester.get(detail).content.decode()
    assert 'id="survey-link"' not in page and "ประเมินแล้ว คะแนน 4 จาก 5" in page
