"""A project from an accepted request: 004 §6 content, the executive's approval, the in-house track's steps with
their 004 §7 standards, attachments, late steps on a moved clock, the go-live letter and the register entry."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tests.systems.conftest import PROJECT_FIELDS, at, pdf_upload
from tickets.systems import services
from tickets.systems.models import DevRequest, Project, ProjectStep, StepStandard, System

pytestmark = pytest.mark.django_db


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def project_form(**extra):
    today = timezone.localdate()
    return {**PROJECT_FIELDS, "budget": "250000", "starts_on": be(today), "ends_on": be(today + dt.timedelta(days=300)),
            "track": "in_house", **extra}


def test_standards_are_seeded_from_seed_004():
    standards = {s.kind: (s.rule, s.days) for s in StepStandard.objects.all()}
    assert standards["factors"] == ("within", 1)
    assert standards["project"] == ("within", 15)
    assert standards["approval"] == ("within", 1)
    assert standards["survey"] == standards["design"] == standards["prototype"] == standards["build"] == (
        "at_least", 30)
    assert standards["manual"] == ("within", 2) and standards["training"] == ("within", 1)
    assert standards["go_live"] == ("within", 1)


def test_staff_write_a_project_from_an_accepted_request(login, dev_request, technician):
    services.devrequest_accept(dev_request=dev_request, by=technician)
    client = login(technician)
    assert client.get(reverse("systems:project_create", args=[dev_request.pk])).status_code == 200
    response = client.post(reverse("systems:project_create", args=[dev_request.pk]), project_form())
    project = Project.objects.get()
    assert response.status_code == 302
    assert (project.request, project.unit, project.status, project.budget) == (
        dev_request, dev_request.unit, Project.Status.DRAFT, 250000)
    assert project.scope == PROJECT_FIELDS["scope"] and project.indicators == PROJECT_FIELDS["indicators"]


def test_project_form_bad_input(login, dev_request, technician):
    services.devrequest_accept(dev_request=dev_request, by=technician)
    today = timezone.localdate()
    response = login(technician).post(reverse("systems:project_create", args=[dev_request.pk]), project_form(
        objectives="", budget="-5", ends_on=be(today - dt.timedelta(days=1))))
    page = response.content.decode()
    assert response.status_code == 200
    assert "กรุณากรอกวัตถุประสงค์" in page and "งบประมาณต้องไม่ติดลบ" in page
    assert "วันสิ้นสุดต้องไม่ก่อนวันเริ่มโครงการ" in page
    assert PROJECT_FIELDS["rationale"] in page
    assert not Project.objects.exists()


def test_no_project_from_a_request_not_accepted(login, dev_request, technician):
    response = login(technician).post(reverse("systems:project_create", args=[dev_request.pk]), project_form())
    assert "จัดทำโครงการได้เฉพาะคำขอที่รับพิจารณาแล้ว" in response.content.decode()
    assert not Project.objects.exists()


def test_requester_cannot_write_projects_and_other_units_see_nothing(login, dev_request, requester_a, requester_b,
                                                                     technician):
    services.devrequest_accept(dev_request=dev_request, by=technician)
    assert login(requester_a).post(reverse("systems:project_create", args=[dev_request.pk]),
                                   project_form()).status_code == 403
    assert login(requester_b).get(reverse("systems:project_create", args=[dev_request.pk])).status_code == 404
    assert not Project.objects.exists()


def test_executive_approves_and_the_track_is_planned(login, make_project, requester_a, executive):
    project = make_project(requester_a, until="proposed")
    response = login(executive).post(reverse("systems:project_approve", args=[project.pk]), {"note": "เห็นชอบ"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == Project.Status.APPROVED and project.approved_by == executive
    steps = list(project.steps.all())
    assert [s.kind for s in steps] == ["survey", "design", "prototype", "prototype_review", "build", "user_test",
                                       "install", "manual", "training", "go_live"]
    assert steps[0].planned_start == timezone.localdate() and steps[0].target_days == 30
    assert steps[1].planned_start == steps[0].planned_end + dt.timedelta(days=1)
    assert all(s.status == "pending" for s in steps)


def test_nobody_approves_their_own_project(make_project, requester_a, technician, executive):
    from helpdesk.roles import Role
    from tests.conftest import make_user

    project = make_project(requester_a, until="proposed")
    with pytest.raises(PermissionDenied):
        services.project_approve(project=project, by=requester_a)  # not an executive
    writer_exec = make_user("writer", Role.EXECUTIVE, Role.TECHNICIAN, unit=requester_a.profile.unit)
    request = services.devrequest_create(dev_request=DevRequest(unit=writer_exec.profile.unit, title="x",
                                         trigger="need", need="n", expected_benefit="b"), by=requester_a)
    services.devrequest_accept(dev_request=request, by=technician)
    own = services.project_create(project=Project(**PROJECT_FIELDS, starts_on=timezone.localdate(),
                                                  ends_on=timezone.localdate(), track="in_house"),
                                  dev_request=request, by=writer_exec)
    services.project_propose(project=own, by=writer_exec)
    with pytest.raises(PermissionDenied):
        services.project_approve(project=own, by=writer_exec)
    own.refresh_from_db()
    assert own.status == Project.Status.PROPOSED


def test_approval_refuses_get_staff_and_other_units(login, make_project, requester_a, technician, requester_b):
    project = make_project(requester_a, until="proposed")
    assert login(technician).get(reverse("systems:project_approve", args=[project.pk])).status_code == 405
    assert login(technician).post(reverse("systems:project_approve", args=[project.pk])).status_code == 403
    assert login(requester_b).get(reverse("systems:project_detail", args=[project.pk])).status_code == 404
    project.refresh_from_db()
    assert project.status == Project.Status.PROPOSED


def test_executive_returns_a_project_with_a_note(login, make_project, requester_a, executive):
    project = make_project(requester_a, until="proposed")
    login(executive).post(reverse("systems:project_return", args=[project.pk]), {"note": ""})
    project.refresh_from_db()
    assert project.status == Project.Status.PROPOSED
    login(executive).post(reverse("systems:project_return", args=[project.pk]), {"note": "เพิ่มตัวชี้วัด"})
    project.refresh_from_db()
    assert project.status == Project.Status.DRAFT


def _walk(client, project, step, *, attach=None, finish_on=None):
    client.post(reverse("systems:step_start", args=[project.pk, step.pk]), {"on": ""})
    if attach:
        client.post(reverse("systems:step_attach", args=[project.pk, step.pk]), {"kind": attach, "file": pdf_upload()})
    return client.post(reverse("systems:step_finish", args=[project.pk, step.pk]),
                       {"on": finish_on or "", "note": "เรียบร้อย"}, follow=True)


def test_the_in_house_track_to_go_live_and_the_register(login, make_project, requester_a, technician, clock):
    clock.set(at(dt.date(2027, 1, 4), 9))
    project = make_project(requester_a)
    client = login(technician)
    steps = {s.kind: s for s in project.steps.all()}

    client.post(reverse("systems:step_start", args=[project.pk, steps["design"].pk]))
    assert ProjectStep.objects.get(pk=steps["design"].pk).status == "pending"  # survey first

    _walk(client, project, steps["survey"])
    # Design without its flowchart is refused.
    client.post(reverse("systems:step_start", args=[project.pk, steps["design"].pk]))
    response = client.post(reverse("systems:step_finish", args=[project.pk, steps["design"].pk]), follow=True)
    assert "กรุณาแนบเอกสารผังงาน (Flowchart)" in response.content.decode()
    assert ProjectStep.objects.get(pk=steps["design"].pk).status == "started"
    client.post(reverse("systems:step_attach", args=[project.pk, steps["design"].pk]),
                {"kind": "flowchart", "file": pdf_upload()})
    client.post(reverse("systems:step_finish", args=[project.pk, steps["design"].pk]))
    assert ProjectStep.objects.get(pk=steps["design"].pk).status == "done"

    # The clock moves 100 days: the prototype is late.
    clock.days(100)
    page = client.get(reverse("systems:project_detail", args=[project.pk])).content.decode()
    assert 'id="step-prototype" class="table-danger" data-late="1"' in page
    assert 'id="step-survey" class="" data-late="0"' in page
    for kind in ["prototype", "prototype_review", "build", "user_test", "install"]:
        _walk(client, project, steps[kind])
    _walk(client, project, steps["manual"], attach="manual")
    response = _walk(client, project, steps["training"])
    assert "กรุณาแนบใบลงชื่อผู้เข้าอบรม" in response.content.decode()
    client.post(reverse("systems:step_attach", args=[project.pk, steps["training"].pk]),
                {"kind": "sign_in", "file": pdf_upload("signin.pdf")})
    client.post(reverse("systems:step_finish", args=[project.pk, steps["training"].pk]))

    # The go-live letter, then the last step, then go-live.
    client.post(reverse("systems:step_start", args=[project.pk, steps["go_live"].pk]))
    today = timezone.localdate()
    client.post(reverse("systems:golive_letter", args=[project.pk]), {"go_live_on": be(today)})
    client.post(reverse("systems:step_finish", args=[project.pk, steps["go_live"].pk]))
    response = client.post(reverse("systems:project_go_live", args=[project.pk]))
    project.refresh_from_db()
    assert project.status == Project.Status.LIVE and services.golive_letter_current(project).kind == "systems_golive"
    system = System.objects.get(project=project)
    assert (system.name, system.owner_unit, system.go_live_on, system.status) == (
        project.title, project.unit, today, "active")
    assert system.manual.name.endswith(".pdf")
    assert response.url == reverse("systems:project_detail", args=[project.pk])
    late = ProjectStep.objects.filter(project=project, actual_end__gt=models_F("planned_end"))
    # Day 100: the prototype (planned to end on day 89) and its review are late; the build (day 120) is not.
    assert set(late.values_list("kind", flat=True)) == {"prototype", "prototype_review"}
    assert project.steps.filter(status="done").count() == 10


def models_F(name):
    from django.db.models import F

    return F(name)


def test_go_live_refused_while_steps_are_open(make_project, requester_a, technician):
    from django.core.exceptions import ValidationError

    project = make_project(requester_a)
    with pytest.raises(ValidationError):
        services.project_go_live(project=project, by=technician)
    project.refresh_from_db()
    assert project.status == Project.Status.APPROVED and not System.objects.exists()


def test_upload_checked_by_content(login, make_project, requester_a, technician):
    from django.core.files.uploadedfile import SimpleUploadedFile

    project = make_project(requester_a)
    step = project.steps.first()
    client = login(technician)
    client.post(reverse("systems:step_start", args=[project.pk, step.pk]))
    fake = SimpleUploadedFile("flowchart.pdf", b"<html><script>alert(1)</script></html>",
                              content_type="application/pdf")
    response = client.post(reverse("systems:step_attach", args=[project.pk, step.pk]),
                           {"kind": "flowchart", "file": fake}, follow=True)
    assert "ตรวจจากเนื้อหาไฟล์" in response.content.decode()
    assert not step.attachments.exists()
    client.post(reverse("systems:step_attach", args=[project.pk, step.pk]), {"kind": "flowchart", "file": pdf_upload()})
    item = step.attachments.get()
    download = client.get(reverse("systems:attachment", args=[project.pk, item.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert login(requester_a).post(reverse("systems:step_attach", args=[project.pk, step.pk]),
                                   {"kind": "flowchart", "file": pdf_upload()}).status_code == 403


def test_gantt_is_svg_and_escapes_text(login, make_project, requester_a, technician):
    project = make_project(requester_a)
    step = project.steps.first()
    services.step_start(step=step, by=technician)
    services.step_finish(step=ProjectStep.objects.get(pk=step.pk), by=technician, note="<script>x</script>")
    Project.objects.filter(pk=project.pk).update(title="<b>ระบบ</b>")
    page = login(technician).get(reverse("systems:project_detail", args=[project.pk])).content.decode()
    assert "<svg" in page and 'id="gantt"' in page
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<b>ระบบ</b>" not in page


def test_golive_letter_bad_input(login, make_project, requester_a, technician):
    project = make_project(requester_a)
    response = login(technician).post(reverse("systems:golive_letter", args=[project.pk]),
                                      {"go_live_on": "31/02/2570"}, follow=True)
    assert "วันที่ไม่ถูกต้อง" in response.content.decode()
    project.refresh_from_db()
    assert project.go_live_on is None and services.golive_letter_current(project) is None


def test_pre_project_standards_are_measured(login, dev_request, technician, executive, clock):
    clock.set(at(dt.date(2027, 1, 4), 9))
    request = services.devrequest_create(dev_request=DevRequest(
        unit=dev_request.unit, title="ระบบ", trigger="need", need="n", expected_benefit="b"),
        by=dev_request.requested_by)
    clock.set(at(dt.date(2027, 1, 6), 9))  # weighed two days later: over the 1-day standard
    services.devrequest_accept(dev_request=request, by=technician)
    project = services.project_create(project=Project(**PROJECT_FIELDS, starts_on=dt.date(2027, 1, 6),
                                                      ends_on=dt.date(2027, 12, 31), track="in_house"),
                                      dev_request=request, by=technician)
    clock.set(at(dt.date(2027, 1, 10), 9))  # written within 15 days
    services.project_propose(project=project, by=technician)
    clock.set(at(dt.date(2027, 1, 10), 15))  # approved the same day
    services.project_approve(project=Project.objects.get(pk=project.pk), by=executive)
    rows = {r["kind"]: r["late"] for r in services.pre_project_measures(Project.objects.get(pk=project.pk))}
    assert rows == {"factors": True, "project": False, "approval": False}
    page = login(technician).get(reverse("systems:project_detail", args=[project.pk])).content.decode()
    assert 'id="pre-factors" class="table-danger" data-late="1"' in page
    assert 'id="pre-approval" class="" data-late="0"' in page


def test_an_improvement_project_links_the_registered_system(make_project, requester_a, technician, system_a):
    project = make_project(requester_a)
    Project.objects.filter(pk=project.pk).update(improves=system_a)
    today = timezone.localdate()
    for step in project.steps.all():
        services.step_start(step=ProjectStep.objects.get(pk=step.pk), by=technician)
        if step.required_attachment:
            services.step_attach(step=step, by=technician, kind=step.required_attachment, upload=pdf_upload(),
                                 ext="pdf")
        if step.kind == "go_live":
            services.golive_letter_issue(project=project, by=technician, go_live_on=today)
        services.step_finish(step=ProjectStep.objects.get(pk=step.pk), by=technician)
    services.project_go_live(project=Project.objects.get(pk=project.pk), by=technician)
    assert System.objects.count() == 1
    system_a.refresh_from_db()
    assert system_a.project_id == project.pk and system_a.go_live_on == today
    assert "PJ-" in system_a.events.last().note


def test_a_returned_project_is_edited_and_proposed_again(login, make_project, requester_a, requester_b, technician,
                                                          executive):
    project = make_project(requester_a, until="proposed")
    services.project_return(project=project, by=executive, note="เพิ่มตัวชี้วัด")
    url = reverse("systems:project_edit", args=[project.pk])
    assert login(requester_a).get(url).status_code == 403
    assert login(requester_b).get(url).status_code == 404
    client = login(technician)
    assert client.get(url).status_code == 200
    response = client.post(url, project_form(indicators="ร้อยละการจองผ่านระบบ และเวลาที่ลดลง"))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.indicators == "ร้อยละการจองผ่านระบบ และเวลาที่ลดลง" and project.status == "draft"
    services.project_propose(project=project, by=technician)
    assert list(project.events.values_list("to_status", flat=True)) == [
        "draft", "proposed", "draft", "draft", "proposed"]
    assert client.get(url).status_code == 403  # no edits once proposed


def test_project_list_query_budget(login, make_project, requester_a, technician, django_assert_max_num_queries):
    for _ in range(6):
        make_project(requester_a, until="draft")
    client = login(technician)
    client.get(reverse("systems:project_list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("systems:project_list"))
    assert len(response.context["page_obj"]) == 6


def test_late_steps_are_reminded(make_project, requester_a, technician, clock):
    from tickets.systems.integration import systems_due

    clock.set(at(dt.date(2027, 1, 4), 9))
    project = make_project(requester_a)
    survey = project.steps.get(kind="survey")
    assert not [d for d in systems_due(at(dt.date(2027, 2, 2), 9)) if d.key.startswith("systems.step_late")]
    notices = [d for d in systems_due(at(dt.date(2027, 2, 3), 9)) if d.key.startswith("systems.step_late")]
    assert [d.key for d in notices] == [f"systems.step_late:{survey.pk}"] and technician in notices[0].recipients
    services.step_start(step=survey, by=technician)
    services.step_finish(step=ProjectStep.objects.get(pk=survey.pk), by=technician)
    late = [d.key for d in systems_due(at(dt.date(2027, 2, 3), 9)) if d.key.startswith("systems.step_late")]
    assert f"systems.step_late:{survey.pk}" not in late
