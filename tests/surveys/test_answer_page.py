"""The public answer page: from the link, on a phone, no login; once, within the window, not by the provider."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.surveys.models import Answer, Invitation, Question, Response, SurveyService
from helpdesk.surveys.services import survey_invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(make_ticket, hw, unit_a, requester_a, technician):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    return survey_invite(record=ticket, service_code="repair", label="ใบแจ้งซ่อมทดสอบ", unit=unit_a,
                         served=requester_a, provider=technician)


def url(invitation):
    return reverse("surveys:answer", args=[invitation.token])


def data(invitation, *values, comment="ดีมาก"):
    questions = list(invitation.service.questions.filter(is_active=True))
    values = values or (5,) * len(questions)
    return {**{f"q{q.pk}": v for q, v in zip(questions, values, strict=True)}, "comment": comment}


def test_anyone_with_the_link_sees_the_questions_without_logging_in(client, invitation):
    response = client.get(url(invitation))
    body = response.content.decode()
    assert response.status_code == 200
    for question in invitation.service.questions.all():
        assert question.text in body
    assert 'id="survey-submit"' in body


def test_answering_stores_every_rating_and_the_score(client, invitation):
    response = client.post(url(invitation), data(invitation, 4, 5, 3, 2, comment=" เร็วดี "))
    assert response.status_code == 302 and response["Location"] == url(invitation)
    saved = Response.objects.get(invitation=invitation)
    assert (saved.score, saved.comment, saved.answered_by) == (2, "เร็วดี", None)  # overall question's rating
    assert list(Answer.objects.filter(response=saved).values_list("rating", flat=True)) == [4, 5, 3, 2]
    assert "ได้รับการประเมินแล้ว" in client.get(url(invitation)).content.decode()


def test_without_an_overall_question_the_score_is_the_mean(client, invitation):
    Question.objects.filter(service=invitation.service).update(is_overall=False)
    client.post(url(invitation), data(invitation, 4, 5, 3, 3))
    assert Response.objects.get().score == pytest.approx(3.75)


def test_only_once(client, invitation):
    client.post(url(invitation), data(invitation))
    again = client.post(url(invitation), data(invitation, 1, 1, 1, 1))
    assert again.status_code == 400
    assert Response.objects.count() == 1 and Answer.objects.filter(rating=1).count() == 0


def test_not_after_the_window(client, invitation):
    SurveyService.objects.filter(pk=invitation.service_id).update(answer_days=7)
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    response = client.post(url(invitation), data(invitation))
    assert response.status_code == 400
    assert "พ้นกำหนดการประเมิน (7 วัน)" in response.content.decode()
    assert not Response.objects.exists()


def test_the_provider_cannot_rate_their_own_work(client, invitation, technician):
    client.force_login(technician)
    response = client.post(url(invitation), data(invitation))
    assert response.status_code == 400
    assert "ไม่สามารถประเมินงานของตนเองได้" in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("bad", [(6, 5, 5, 5), (0, 5, 5, 5), ("ดี", 5, 5, 5)])
def test_bad_ratings_re_render_in_thai_and_save_nothing(client, invitation, bad):
    response = client.post(url(invitation), data(invitation, *bad, comment="เก็บไว้"))
    body = response.content.decode()
    assert response.status_code == 400
    assert "คะแนนต้องอยู่ระหว่าง 1 ถึง 5" in body
    assert "เก็บไว้" in body  # nothing typed is lost
    assert not Response.objects.exists()


def test_a_missing_rating_is_named(client, invitation):
    payload = data(invitation)
    payload.pop(next(key for key in payload if key.startswith("q")))
    response = client.post(url(invitation), payload)
    assert response.status_code == 400 and "กรุณาให้คะแนนข้อนี้" in response.content.decode()


def test_unknown_or_overlong_tokens_are_404(client, invitation):
    assert client.get(reverse("surveys:answer", args=["x" * 32])).status_code == 404
    assert client.get(reverse("surveys:answer", args=["x" * 65])).status_code == 404


def test_other_methods_are_refused(client, invitation):
    assert client.put(url(invitation)).status_code == 405
    assert not Response.objects.exists()


def test_tokens_are_unguessable_and_distinct(make_ticket, hw, unit_a, requester_a):
    tokens = {
        survey_invite(record=make_ticket(unit_a, hw, requester=requester_a, allow_duplicate=True),
                      service_code="repair", label="t", unit=unit_a).token
        for _ in range(5)
    }
    assert len(tokens) == 5 and all(len(token) >= 32 for token in tokens)


def test_an_inactive_service_makes_no_invitation(make_ticket, hw, unit_a):
    SurveyService.objects.filter(code="repair").update(is_active=False)
    assert survey_invite(record=make_ticket(unit_a, hw), service_code="repair", label="t", unit=unit_a) is None
    assert not Invitation.objects.exists()
