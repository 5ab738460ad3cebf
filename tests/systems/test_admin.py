"""The agency edits its step standards in the admin; requests, projects, systems and change requests are read-only
there (statuses change only through the pages)."""

import pytest
from django.urls import reverse

from tickets.systems.models import Project, StepStandard

pytestmark = pytest.mark.django_db


def test_standards_are_editable_per_agency(login, admin_user, make_project, requester_a):
    standard = StepStandard.objects.get(kind="survey")
    client = login(admin_user)
    assert client.get(reverse("admin:systems_stepstandard_changelist")).status_code == 200
    response = client.post(reverse("admin:systems_stepstandard_change", args=[standard.pk]), {
        "kind": "survey", "rule": "at_least", "days": "45", "quality": standard.quality, "source": standard.source})
    assert response.status_code == 302
    assert StepStandard.objects.get(pk=standard.pk).days == 45
    project = make_project(requester_a)
    assert project.steps.get(kind="survey").target_days == 45  # new projects plan with the edited standard


def test_records_are_read_only_in_the_admin(login, admin_user, make_project, requester_a):
    project = make_project(requester_a)
    client = login(admin_user)
    assert client.get(reverse("admin:systems_project_changelist")).status_code == 200
    client.post(reverse("admin:systems_project_change", args=[project.pk]), {"status": "live"})
    assert Project.objects.get(pk=project.pk).status == "approved"
    assert client.get(reverse("admin:systems_project_add")).status_code == 403


def test_survey_rounds_are_listed_read_only(login, admin_user, system_a, technician):
    from tickets.systems.models import SurveyRound
    from tickets.systems.satisfaction import round_start

    survey = round_start(system=system_a, by=technician)
    client = login(admin_user)
    page = client.get(reverse("admin:systems_surveyround_changelist"))
    assert page.status_code == 200 and system_a.name in page.content.decode()
    client.post(reverse("admin:systems_surveyround_change", args=[survey.pk]), {"fiscal_year": "2500"})
    assert SurveyRound.objects.get(pk=survey.pk).fiscal_year == survey.fiscal_year
    assert client.get(reverse("admin:systems_surveyround_add")).status_code == 403
