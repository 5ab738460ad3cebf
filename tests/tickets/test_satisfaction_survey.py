"""The survey after delivery, from the tracking page: once, within the configured days, not by the technician.

Repair answers live in the shared survey tables (helpdesk.surveys, service "repair")."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from helpdesk.surveys.models import Invitation, Question, Response, SurveyService

pytestmark = pytest.mark.django_db
ASPECTS = ("speed", "quality", "courtesy", "overall")


def answers(speed=5, quality=4, courtesy=5, overall=4, comment="บริการดีมาก", **override):
    questions = list(Question.objects.filter(service__code="repair").order_by("order", "pk"))
    data = {f"q{q.pk}": value for q, value in zip(questions, (speed, quality, courtesy, overall), strict=True)}
    data["comment"] = comment
    for aspect, value in override.items():
        data[f"q{questions[ASPECTS.index(aspect)].pk}"] = value
    return data


def ratings_of(response) -> tuple:
    return tuple(response.answers.order_by("question__order").values_list("rating", flat=True))


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


def test_delivery_makes_the_invitation(delivered, requester_a, technician):
    invitation = Invitation.objects.for_record(delivered).get()
    assert (invitation.service.code, invitation.unit, invitation.served, invitation.provider) == (
        "repair", delivered.unit, requester_a, technician)
    assert invitation.created_at == delivered.delivered_at
    assert len(invitation.token) >= 32


def test_the_unit_answers_once_from_the_tracking_page(client, delivered):
    page = client.get(delivered.get_tracking_url())
    assert page.context["survey_form"] is not None
    response = client.post(url(delivered), answers())
    assert response.status_code == 302
    survey = Response.objects.get(invitation__object_id=delivered.pk)
    assert ratings_of(survey) == (5, 4, 5, 4)
    assert (survey.score, survey.comment) == (4, "บริการดีมาก")
    again = client.post(url(delivered), answers(overall=1))
    assert again.status_code == 400
    assert "ได้รับการประเมินแล้ว" in again.content.decode()
    assert Response.objects.get().score == 4
    assert delivered.events.filter(kind="survey").count() == 1


def test_not_before_delivery(client, make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    assert client.post(url(ticket), answers()).status_code == 400
    assert not Response.objects.exists()
    assert client.get(ticket.get_tracking_url()).context["show_survey"] is False


def test_not_after_the_configured_number_of_days(client, delivered):
    SurveyService.objects.filter(code="repair").update(answer_days=10)
    Invitation.objects.filter(object_id=delivered.pk).update(created_at=timezone.now() - dt.timedelta(days=11))
    response = client.post(url(delivered), answers())
    assert response.status_code == 400
    assert "พ้นกำหนดการประเมิน (10 วัน" in response.content.decode()
    assert not Response.objects.exists()


def test_the_assigned_technician_cannot_rate_their_own_job(client, delivered, technician, requester_a):
    client.force_login(technician)
    response = client.post(url(delivered), answers())
    assert response.status_code == 400
    assert "ไม่สามารถประเมินงานของตนเองได้" in response.content.decode()
    assert not Response.objects.exists()
    client.force_login(requester_a)
    assert client.post(url(delivered), answers()).status_code == 302
    assert Response.objects.get().answered_by == requester_a


@pytest.mark.parametrize("bad", [{"overall": 6}, {"speed": 0}, {"quality": "ดี"}, {"courtesy": ""}])
def test_ratings_must_be_1_to_5(client, delivered, bad):
    response = client.post(url(delivered), answers(**bad))
    assert response.status_code == 400
    assert "กรุณาให้คะแนนข้อนี้" in response.content.decode() or "คะแนนต้องอยู่ระหว่าง 1 ถึง 5" in response.content.decode()
    assert not Response.objects.exists()


def test_the_rate_the_service_link_opens_with_get(client, delivered):
    """Every "rate the service" link (tracking page, e-mail, inbox notice, dashboard) opens with GET."""
    invitation = Invitation.objects.for_record(delivered).get()
    response = client.get(url(delivered))
    assert response.status_code == 302 and response["Location"] == reverse("surveys:answer", args=[invitation.token])
    page = client.get(response["Location"])
    assert page.status_code == 200 and page.context["form"] is not None
    assert 'method="post"' in page.content.decode()
    assert not Response.objects.exists()  # GET changes nothing


def test_the_survey_page_answers_the_ticket_once(client, delivered):
    invitation = Invitation.objects.for_record(delivered).get()
    link = reverse("surveys:answer", args=[invitation.token])
    assert client.post(link, answers()).status_code == 302
    assert ratings_of(Response.objects.get(invitation=invitation)) == (5, 4, 5, 4)
    again = client.get(url(delivered), follow=True)
    assert again.status_code == 200 and "ประเมินแล้ว" in again.content.decode()


def test_before_delivery_the_link_opens_the_tracking_page(client, make_ticket, unit_a, hw, requester_a):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    response = client.get(url(ticket))
    assert response.status_code == 302 and response["Location"] == ticket.get_tracking_url() + "#survey"


def test_the_delivery_email_invites_the_rating_with_the_same_link(make_ticket, unit_a, hw, requester_a, technician,
                                                                   deliver, mailoutbox, settings,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        delivered = deliver(make_ticket(unit_a, hw, requester=requester_a), technician)
    invitation = Invitation.objects.for_record(delivered).get()
    link = settings.SITE_URL + reverse("surveys:answer", args=[invitation.token])
    delivery_mails = [m for m in mailoutbox if delivered.number in m.subject and "ส่งมอบ" in m.subject]
    assert delivery_mails, [m.subject for m in mailoutbox]
    assert link in delivery_mails[-1].body
    notice_links = [m for m in mailoutbox if "โปรดประเมินความพึงพอใจ" in m.subject]
    assert all(link in m.body for m in notice_links), [m.body for m in notice_links]


def test_unknown_token_is_404(client):
    assert client.get(reverse("tracking_survey", args=["x" * 40])).status_code == 404
