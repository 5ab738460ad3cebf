"""The yearly satisfaction survey of each registered system (004 §5, §7 steps ๑๗–๑๙, §8) on helpdesk/surveys:
staff start it per system or for all, the owner unit's users are invited, a public-facing system gets an open link
with many answers (rate-limited), and the KPI per system against its target reaches the summary report."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from helpdesk.notifications.models import Notification
from helpdesk.surveys.models import Invitation, Response, SurveyService
from tests.systems.conftest import at
from tickets.systems import services
from tickets.systems.integration import satisfaction_for
from tickets.systems.models import SurveyRespondent, SurveyRound, System
from tickets.systems.satisfaction import SERVICE_CODE, fiscal_year_of

pytestmark = pytest.mark.django_db
DAY = dt.date(2027, 1, 11)  # fiscal year 2570
FY = {"period": "fiscal_year", "fiscal_year": "2570"}


def ratings(service, value: int, overall: int | None = None) -> dict:
    data = {}
    for question in service.questions.filter(is_active=True):
        data[f"q{question.pk}"] = str(overall if overall is not None and question.is_overall else value)
    return data


@pytest.fixture
def public_system(unit_a, technician):
    return services.system_create(system=System(name="ระบบชำระภาษีออนไลน์", owner_unit=unit_a, serves_public=True,
                                                satisfaction_target=85), by=technician)


def test_the_service_and_its_questions_come_from_the_data_migration():
    service = SurveyService.objects.get(code=SERVICE_CODE)
    texts = list(service.questions.values_list("text", flat=True))
    assert service.target_percent == 80 and len(texts) == 7 and texts[-1] == "ความพึงพอใจโดยรวม"
    assert service.questions.filter(is_overall=True).count() == 1
    assert fiscal_year_of(dt.date(2026, 9, 30)) == 2569 and fiscal_year_of(dt.date(2026, 10, 1)) == 2570


def test_staff_start_the_survey_and_the_owner_unit_is_invited(
    login, clock, technician, requester_a, supervisor_a, requester_b, system_a, django_capture_on_commit_callbacks,
):
    clock.set(at(DAY, 9))
    with django_capture_on_commit_callbacks(execute=True):
        response = login(technician).post(reverse("systems:system_survey_start", args=[system_a.pk]))
    assert response.status_code == 302
    survey = SurveyRound.objects.get()
    assert (survey.system, survey.fiscal_year, survey.public_token, survey.started_by) == (system_a, 2570, None,
                                                                                           technician)
    assert survey.closes_at == at(DAY, 9) + dt.timedelta(days=30)
    invited = {r.user for r in survey.respondents.all()}
    assert invited == {requester_a, supervisor_a}  # the owner unit's users, not the starter, not unit B
    invitation = Invitation.objects.get(served=requester_a)
    assert invitation.service.code == SERVICE_CODE and invitation.provider == technician
    notice = Notification.objects.get(user=requester_a)
    assert notice.kind == "survey" and notice.url == reverse("surveys:answer", args=[invitation.token])
    # A second start in the same fiscal year is refused and changes nothing.
    again = login(technician).post(reverse("systems:system_survey_start", args=[system_a.pk]), follow=True)
    assert "เริ่มสำรวจความพึงพอใจของระบบนี้ในปีงบประมาณ 2570 แล้ว" in again.content.decode()
    assert SurveyRound.objects.count() == 1 and Invitation.objects.count() == 2
    # The staff member answers through the kernel's page, once.
    page = login(requester_a).post(reverse("surveys:answer", args=[invitation.token]),
                                   ratings(invitation.service, 5))
    assert page.status_code == 302 and Response.objects.get(invitation=invitation).score == 5
    detail = login(technician).get(reverse("systems:system_detail", args=[system_a.pk])).content.decode()
    assert "เชิญผู้ใช้งาน 2 คน · ตอบแล้ว 1 ราย" in detail and "100.0" in detail
    assert 'id="survey-start-form"' not in detail


def test_permissions_and_methods(login, technician, requester_a, requester_b, system_a):
    url = reverse("systems:system_survey_start", args=[system_a.pk])
    assert login(technician).get(url).status_code == 405
    assert login(requester_a).post(url).status_code == 403
    assert login(requester_b).post(url).status_code == 404
    assert login(requester_a).post(reverse("systems:survey_start_all")).status_code == 403
    assert login(technician).get(reverse("systems:survey_start_all")).status_code == 405
    assert not SurveyRound.objects.exists() and not Invitation.objects.exists()


def test_a_retired_system_is_not_surveyed(login, technician, system_a, requester_a):
    System.objects.filter(pk=system_a.pk).update(status=System.Status.RETIRED)
    page = login(technician).post(reverse("systems:system_survey_start", args=[system_a.pk]), follow=True)
    assert "ระบบเลิกใช้งานแล้ว" in page.content.decode() and not SurveyRound.objects.exists()


def test_start_for_all_active_systems_once_a_year(login, clock, technician, requester_a, system_a, public_system):
    clock.set(at(DAY, 9))
    retired = services.system_create(system=System(name="ระบบเก่า", owner_unit=system_a.owner_unit), by=technician)
    System.objects.filter(pk=retired.pk).update(status=System.Status.RETIRED)
    page = login(technician).post(reverse("systems:survey_start_all"), follow=True).content.decode()
    assert "เริ่มสำรวจความพึงพอใจ 2 ระบบ (เริ่มไว้แล้ว 0 ระบบ)" in page
    assert set(SurveyRound.objects.values_list("system", flat=True)) == {system_a.pk, public_system.pk}
    assert SurveyRound.objects.get(system=public_system).public_token
    page = login(technician).post(reverse("systems:survey_start_all"), follow=True).content.decode()
    assert "เริ่มสำรวจความพึงพอใจ 0 ระบบ (เริ่มไว้แล้ว 2 ระบบ)" in page and SurveyRound.objects.count() == 2
    # Next fiscal year is a new round.
    clock.set(at(dt.date(2027, 10, 5), 9))
    login(technician).post(reverse("systems:survey_start_all"))
    assert sorted(SurveyRound.objects.filter(system=system_a).values_list("fiscal_year", flat=True)) == [2570, 2571]


def test_the_public_link_takes_many_answers_without_login(client, login, clock, technician, public_system):
    clock.set(at(DAY, 9))
    login(technician).post(reverse("systems:system_survey_start", args=[public_system.pk]))
    survey = SurveyRound.objects.get()
    service = SurveyService.objects.get(code=SERVICE_CODE)
    client.logout()
    url = reverse("systems:survey_public", args=[survey.public_token])
    page = client.get(url)
    assert page.status_code == 200 and "ระบบชำระภาษีออนไลน์" in page.content.decode()
    for overall in (5, 4, 2):
        assert client.post(url, {**ratings(service, 4, overall), "comment": "ใช้ง่าย"}).status_code == 302
    public = SurveyRespondent.objects.filter(round=survey, is_public=True)
    assert public.count() == 3
    scores = sorted(Response.objects.filter(invitation__system_respondent__is_public=True)
                    .values_list("score", flat=True))
    assert [int(s) for s in scores] == [2, 4, 5]
    # Two of three satisfied: 66.7 % against the target of 85.
    assert satisfaction_for([public_system], 2570) == {public_system.pk: 66.7}
    assert satisfaction_for([public_system], 2571) == {}


def test_public_link_bad_input_unknown_token_closed_and_rate_limited(client, login, clock, technician,
                                                                     public_system, system_a, settings):
    clock.set(at(DAY, 9))
    login(technician).post(reverse("systems:survey_start_all"))
    survey = SurveyRound.objects.get(system=public_system)
    assert SurveyRound.objects.get(system=system_a).public_token is None
    client.logout()
    url = reverse("systems:survey_public", args=[survey.public_token])
    service = SurveyService.objects.get(code=SERVICE_CODE)
    partial = ratings(service, 5)
    partial.pop(next(iter(partial)))
    page = client.post(url, {**partial, "comment": "ข้อความที่พิมพ์ไว้"})
    assert page.status_code == 400 and "กรุณาให้คะแนนข้อนี้" in page.content.decode()
    assert "ข้อความที่พิมพ์ไว้" in page.content.decode()
    assert not SurveyRespondent.objects.filter(is_public=True).exists()
    assert client.get(reverse("systems:survey_public", args=["x" * 32])).status_code == 404
    clock.days(31)
    closed = client.post(url, ratings(service, 5))
    assert closed.status_code == 400 and "ปิดรับแบบสำรวจ" in closed.content.decode()
    assert not Response.objects.exists()
    settings.TRACKING_RATE_LIMIT = "2/m"
    statuses = [client.get(url, REMOTE_ADDR="10.9.9.9").status_code for _ in range(3)]
    assert statuses[-1] == 429


def test_kpi_in_the_report_against_each_target(login, clock, executive, technician, requester_a, supervisor_a,
                                               system_a, public_system):
    clock.set(at(DAY, 9))
    login(technician).post(reverse("systems:survey_start_all"))
    service = SurveyService.objects.get(code=SERVICE_CODE)
    for user, overall in ((requester_a, 5), (supervisor_a, 4)):
        invitation = Invitation.objects.get(served=user, system_respondent__round__system=system_a)
        assert login(user).post(reverse("surveys:answer", args=[invitation.token]),
                                ratings(service, 3, overall)).status_code == 302
    token = SurveyRound.objects.get(system=public_system).public_token
    login(requester_a).post(reverse("systems:survey_public", args=[token]), ratings(service, 3, 3))
    assert satisfaction_for([system_a, public_system], 2570) == {system_a.pk: 100.0, public_system.pk: 0.0}
    body = login(executive).get(reverse("reports:summary"), FY).content.decode()
    section = body[body.index('id="report-systems-satisfaction"'):]
    section = section[:section.index("</table>")]
    assert "ระบบสารบรรณอิเล็กทรอนิกส์" in section and "100.0" in section and "ผ่านเป้าหมาย" in section
    assert "ระบบชำระภาษีออนไลน์" in section and "0.0" in section and "ต่ำกว่าเป้าหมาย" in section
    export = login(executive).get(reverse("reports:summary_csv"), FY)
    text = b"".join(export.streaming_content).decode("utf-8-sig") if export.streaming else export.content.decode(
        "utf-8-sig")
    assert "ร้อยละความพึงพอใจของการใช้งานระบบ ปีงบประมาณ 2570" in text and "100.0" in text


def test_unanswered_staff_are_reminded_once_before_it_closes(monkeypatch, clock, technician, requester_a,
                                                             supervisor_a, system_a):
    from django.utils import timezone

    clock.set(at(DAY, 9))
    from tickets.systems.satisfaction import round_start

    survey = round_start(system=system_a, by=technician)
    answered = Invitation.objects.get(served=supervisor_a)
    from helpdesk.surveys.services import survey_submit
    survey_submit(invitation=answered, by=supervisor_a, ratings={
        q.pk: 5 for q in answered.service.questions.filter(is_active=True)})
    Notification.objects.all().delete()

    def run(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        call_command("send_reminders", verbosity=0)

    run(survey.closes_at - dt.timedelta(days=10))
    assert not Notification.objects.filter(kind="system_survey_due").exists()
    run(survey.closes_at - dt.timedelta(days=6))
    run(survey.closes_at - dt.timedelta(days=5))
    due = Notification.objects.filter(kind="system_survey_due")
    assert [(n.user, n.url) for n in due] == [
        (requester_a, reverse("surveys:answer", args=[Invitation.objects.get(served=requester_a).token]))]
    run(survey.closes_at + dt.timedelta(hours=1))
    assert due.count() == 1
