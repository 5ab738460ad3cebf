"""Change requests against a system (004 §7 steps ๑๕–๑๖): a problem analysed and fixed within 10 working minutes,
a new requirement analysed within 2 working hours and delivered within 15 working days; office hours, weekends and
holidays on a moved clock; overdue flagged, reminded and reported."""

import datetime as dt

import pytest
from django.urls import reverse

from helpdesk.dashboard import ReportScope
from helpdesk.models import Holiday
from tests.systems.conftest import at
from tickets.systems import services
from tickets.systems.integration import systems_due, systems_report
from tickets.systems.models import ChangeRequest

pytestmark = pytest.mark.django_db

FRI = dt.date(2027, 1, 8)
MON = dt.date(2027, 1, 11)
TUE = dt.date(2027, 1, 12)


def test_a_user_reports_a_problem(login, requester_a, system_a, clock):
    clock.set(at(MON, 10, 0))
    response = login(requester_a).post(reverse("systems:change_create"), {
        "system": system_a.pk, "kind": "problem", "title": "พิมพ์ไม่ได้", "details": "หน้าว่าง"})
    change = ChangeRequest.objects.get()
    assert response.status_code == 302
    assert (change.unit, change.requested_by, change.status) == (requester_a.profile.unit, requester_a, "submitted")
    assert change.analyse_due_at == at(MON, 10, 10)


def test_bad_input(login, requester_a, system_a):
    response = login(requester_a).post(reverse("systems:change_create"), {
        "system": "999", "kind": "", "title": "พิมพ์ไม่ได้", "details": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "ไม่พบระบบนี้ในทะเบียน" in page and "กรุณาเลือกประเภทคำขอ" in page and "กรุณาอธิบายรายละเอียด" in page
    assert "พิมพ์ไม่ได้" in page and not ChangeRequest.objects.exists()


def test_problem_targets_across_closing_time_and_a_weekend(make_change, requester_a, technician, system_a, clock):
    clock.set(at(FRI, 16, 25))
    change = make_change(requester_a, system_a)
    assert change.analyse_due_at == at(MON, 8, 35)  # 5 minutes on Friday, 5 on Monday morning
    clock.set(at(MON, 8, 34))
    assert not ChangeRequest.objects.get(pk=change.pk).analyse_overdue()
    change = services.change_analyse(change=change, by=technician, analysis="ไดรเวอร์เครื่องพิมพ์")
    assert change.analyse_minutes == 9.0 and not change.analyse_overdue()
    assert change.deliver_due_at == at(MON, 8, 44)
    clock.set(at(MON, 8, 50))
    assert change.deliver_overdue()
    change = services.change_deliver(change=change, by=technician, resolution="ติดตั้งไดรเวอร์ใหม่")
    assert change.status == "done" and change.deliver_minutes == 16.0 and change.deliver_overdue()


def test_a_holiday_is_skipped(make_change, requester_a, system_a, clock):
    Holiday.objects.create(date=MON, name="วันหยุดชดเชย")
    clock.set(at(FRI, 16, 25))
    assert make_change(requester_a, system_a).analyse_due_at == at(TUE, 8, 35)


def test_requirement_targets(make_change, requester_a, technician, system_a, clock):
    clock.set(at(MON, 15, 30))
    change = make_change(requester_a, system_a, kind="requirement", title="เพิ่มรายงานรายเดือน")
    assert change.analyse_due_at == at(TUE, 9, 30)  # 2 working hours: 60 minutes today, 60 tomorrow
    clock.set(at(TUE, 9, 0))
    change = services.change_analyse(change=change, by=technician, analysis="เพิ่มหน้ารายงาน")
    assert not change.analyse_overdue()
    assert change.deliver_due_at == at(dt.date(2027, 2, 2), 9, 0)  # 15 working days later


def test_overdue_is_flagged_reminded_and_reported(login, make_change, requester_a, technician, it_head, system_a,
                                                  clock):
    clock.set(at(MON, 10, 0))
    change = make_change(requester_a, system_a)
    assert not [d for d in systems_due(at(MON, 10, 5)) if "change" in d.key]
    clock.set(at(MON, 10, 11))
    page = login(requester_a).get(reverse("systems:change_detail", args=[change.pk])).content.decode()
    assert 'id="flag-analyse"' in page
    notices = [d for d in systems_due(at(MON, 10, 11)) if d.key == f"systems.change_analyse_overdue:{change.pk}"]
    assert len(notices) == 1 and it_head in notices[0].recipients and technician in notices[0].recipients
    overdue = login(technician).get(reverse("systems:change_list") + "?show=overdue").context["page_obj"]
    assert [c.pk for c in overdue] == [change.pk]
    data = systems_report(ReportScope(start=MON, end=MON))
    problem = next(r for r in data["changes"] if r["label"] == ChangeRequest.Kind.PROBLEM.label)
    assert (problem["total"], problem["overdue"], problem["analysed"]) == (1, 1, 0)
    services.change_analyse(change=change, by=technician, analysis="x")
    services.change_deliver(change=ChangeRequest.objects.get(pk=change.pk), by=technician, resolution="y")
    data = systems_report(ReportScope(start=MON, end=MON))
    problem = next(r for r in data["changes"] if r["label"] == ChangeRequest.Kind.PROBLEM.label)
    assert (problem["analyse_share"], problem["deliver_share"], problem["overdue"]) == (0.0, 100.0, 0)
    assert not [d for d in systems_due(at(MON, 10, 30)) if "change" in d.key]


def test_report_section_is_in_the_summary_report(login, it_head, make_change, requester_a, system_a):
    make_change(requester_a, system_a)
    from helpdesk.dashboard import report_sections

    assert "systems" in [s.key for s in report_sections()]


def test_steps_refuse_get_requester_and_other_units(login, make_change, requester_a, requester_b, system_a):
    change = make_change(requester_a, system_a)
    assert login(requester_a).get(reverse("systems:change_analyse", args=[change.pk])).status_code == 405
    assert login(requester_a).post(reverse("systems:change_analyse", args=[change.pk]),
                                   {"analysis": "x"}).status_code == 403
    assert login(requester_b).get(reverse("systems:change_detail", args=[change.pk])).status_code == 404
    assert login(requester_b).post(reverse("systems:change_deliver", args=[change.pk]),
                                   {"resolution": "x"}).status_code == 404
    change.refresh_from_db()
    assert change.status == "submitted" and change.events.count() == 1


def test_analysis_needs_text(login, make_change, requester_a, technician, system_a):
    change = make_change(requester_a, system_a)
    response = login(technician).post(reverse("systems:change_analyse", args=[change.pk]), {"analysis": ""},
                                      follow=True)
    assert "กรุณาระบุผลการวิเคราะห์" in response.content.decode()
    change.refresh_from_db()
    assert change.status == "submitted"


def test_decline_with_reason(login, make_change, requester_a, technician, system_a):
    change = make_change(requester_a, system_a)
    login(technician).post(reverse("systems:change_decline", args=[change.pk]), {"reason": "อยู่นอกขอบเขต"})
    change.refresh_from_db()
    assert change.status == "declined" and change.analysis == "อยู่นอกขอบเขต"


def test_a_retired_system_takes_no_requests(login, requester_a, technician, system_a):
    services.system_set_status(system=system_a, by=technician, to="retired", note="ย้ายไประบบใหม่")
    response = login(requester_a).post(reverse("systems:change_create"), {
        "system": system_a.pk, "kind": "problem", "title": "x", "details": "y"})
    assert response.status_code == 200 and not ChangeRequest.objects.exists()


def test_change_list_query_budget(login, make_change, requester_a, technician, system_a,
                                  django_assert_max_num_queries):
    for n in range(12):
        make_change(requester_a, system_a, title=f"ปัญหา {n}")
    client = login(technician)
    client.get(reverse("systems:change_list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("systems:change_list"))
    assert len(response.context["page_obj"]) == 12
