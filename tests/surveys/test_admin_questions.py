"""Each service's questions, target, method and answer window are edited in the admin (staff only)."""

import pytest
from django.urls import reverse

from helpdesk.surveys.models import Question, SurveyService

pytestmark = pytest.mark.django_db


def test_admin_edits_target_method_and_questions(login, admin_user):
    service = SurveyService.objects.get(code="publishing")
    questions = list(service.questions.all())
    url = reverse("admin:surveys_surveyservice_change", args=[service.pk])
    client = login(admin_user)
    assert client.get(url).status_code == 200
    data = {
        "code": service.code, "name": service.name, "content_type": service.content_type_id,
        "target_percent": 85, "method": "mean_percent", "answer_days": 14, "is_active": "on",
        "questions-TOTAL_FORMS": len(questions) + 1, "questions-INITIAL_FORMS": len(questions),
        "questions-MIN_NUM_FORMS": 0, "questions-MAX_NUM_FORMS": 1000,
    }
    for n, question in enumerate(questions):
        data.update({f"questions-{n}-id": question.pk, f"questions-{n}-service": service.pk,
                     f"questions-{n}-order": question.order, f"questions-{n}-text": question.text,
                     f"questions-{n}-is_active": "on"})
        if question.is_overall:
            data[f"questions-{n}-is_overall"] = "on"
    n = len(questions)
    data.update({f"questions-{n}-service": service.pk, f"questions-{n}-order": 5,
                 f"questions-{n}-text": "ความสวยงามของหน้าเว็บ", f"questions-{n}-is_active": "on"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    service.refresh_from_db()
    assert (service.target_percent, service.method, service.answer_days) == (85, "mean_percent", 14)
    assert list(service.questions.values_list("text", flat=True))[0] == "ความสวยงามของหน้าเว็บ"


def test_a_target_above_100_is_refused(login, admin_user):
    service = SurveyService.objects.get(code="repair")
    response = login(admin_user).post(reverse("admin:surveys_surveyservice_changelist"), {
        "form-TOTAL_FORMS": 1, "form-INITIAL_FORMS": 1, "form-0-id": service.pk, "form-0-target_percent": 120,
        "form-0-method": "share_4_5", "form-0-answer_days": 30, "form-0-is_active": "on", "_save": "Save",
    })
    assert response.status_code == 200
    service.refresh_from_db()
    assert service.target_percent == 80


def test_non_staff_cannot_reach_the_admin(login, requester_a):
    response = login(requester_a).get(reverse("admin:surveys_surveyservice_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Question.objects.filter(service__code="repair").count() == 4
