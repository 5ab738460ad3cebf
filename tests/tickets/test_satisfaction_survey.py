"""The survey after delivery, from the tracking page: once, within the configured days, not by the technician."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from tickets.models import SatisfactionSurvey, Ticket

pytestmark = pytest.mark.django_db
ANSWERS = {"speed": 5, "quality": 4, "courtesy": 5, "overall": 4, "comment": "บริการดีมาก"}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    for backend in caches.all():  # the default cache and the rate-limit counters
        backend.clear()


@pytest.fixture
def delivered(make_ticket, unit_a, hw, requester_a, technician, deliver):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    return deliver(ticket, technician)


def url(ticket):
    return reverse("tracking_survey", args=[ticket.tracking_token])


def test_the_unit_answers_once_from_the_tracking_page(client, delivered):
    page = client.get(delivered.get_tracking_url())
    assert page.context["survey_form"] is not None
    response = client.post(url(delivered), ANSWERS)
    assert response.status_code == 302
    survey = SatisfactionSurvey.objects.get(ticket=delivered)
    assert (survey.speed, survey.quality, survey.courtesy, survey.overall) == (5, 4, 5, 4)
    again = client.post(url(delivered), {**ANSWERS, "overall": 1})
    assert again.status_code == 400
    assert "ได้รับการประเมินแล้ว" in again.content.decode()
    assert SatisfactionSurvey.objects.get(ticket=delivered).overall == 4


def test_not_before_delivery(client, make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    assert client.post(url(ticket), ANSWERS).status_code == 400
    assert not SatisfactionSurvey.objects.exists()
    assert client.get(ticket.get_tracking_url()).context["show_survey"] is False


def test_not_after_the_configured_number_of_days(client, delivered, settings):
    settings.HELPDESK_SURVEY_DAYS = 10
    Ticket.objects.filter(pk=delivered.pk).update(delivered_at=timezone.now() - dt.timedelta(days=11))
    response = client.post(url(delivered), ANSWERS)
    assert response.status_code == 400
    assert "พ้นกำหนดการประเมิน (10 วัน" in response.content.decode()
    assert not SatisfactionSurvey.objects.exists()


def test_the_assigned_technician_cannot_rate_their_own_job(client, delivered, technician, requester_a):
    client.force_login(technician)
    response = client.post(url(delivered), ANSWERS)
    assert response.status_code == 400
    assert "ไม่สามารถประเมินงานของตนเองได้" in response.content.decode()
    assert not SatisfactionSurvey.objects.exists()
    client.force_login(requester_a)
    assert client.post(url(delivered), ANSWERS).status_code == 302
    assert SatisfactionSurvey.objects.get().answered_by == requester_a


@pytest.mark.parametrize("bad", [{"overall": 6}, {"speed": 0}, {"quality": "ดี"}, {"courtesy": ""}])
def test_ratings_must_be_1_to_5(client, delivered, bad):
    assert client.post(url(delivered), {**ANSWERS, **bad}).status_code == 400
    assert not SatisfactionSurvey.objects.exists()


def test_survey_is_post_only(client, delivered):
    assert client.get(url(delivered)).status_code == 405
