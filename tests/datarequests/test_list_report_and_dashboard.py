"""The list (fixed queries, flags), the monthly report page, the summary-report section and the dashboard widget."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from helpdesk.dashboard import ReportScope
from helpdesk.models import Holiday
from tickets.datarequests import services
from tickets.datarequests.models import DataRequest
from tickets.datarequests.reports import monthly_rows, report_months, report_section, report_section_csv

from .conftest import at

pytestmark = pytest.mark.django_db


def test_the_list_flags_overdue_and_near_requests(client, it_head, officer, make_request):
    now = timezone.now()
    overdue = make_request(officer, received_at=now - dt.timedelta(days=10), organisation="มหาวิทยาลัยเกินกำหนด")
    fresh = make_request(officer, received_at=now, organisation="มหาวิทยาลัยเพิ่งรับ")
    DataRequest.objects.filter(pk=fresh.pk).update(due_at=now + dt.timedelta(hours=2))
    client.force_login(it_head)
    body = client.get(reverse("datarequests:list")).content.decode()
    assert 'data-clock="overdue"' in body and 'data-clock="near"' in body
    assert overdue.reference in body and fresh.reference in body
    body = client.get(reverse("datarequests:list"), {"q": "เกินกำหนด"}).content.decode()
    assert overdue.reference in body and fresh.reference not in body


def test_the_list_keeps_a_fixed_number_of_queries(client, it_head, officer, make_request,
                                                  django_assert_max_num_queries):
    client.force_login(it_head)
    make_request(officer)
    with django_assert_max_num_queries(12) as few:
        assert client.get(reverse("datarequests:list")).status_code == 200
    for _ in range(20):
        make_request(officer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("datarequests:list")).status_code == 200


def test_the_list_ignores_unknown_sorts_and_filters(client, it_head, officer, make_request):
    obj = make_request(officer)
    client.force_login(it_head)
    response = client.get(reverse("datarequests:list"), {"sort": "password", "status": "'; drop table"})
    assert response.status_code == 200 and obj.reference in response.content.decode()


def _answered(walk, make_request, officer, received, sent, refuse=False, it_head=None):
    obj = make_request(officer, received_at=received)
    if refuse:
        services.data_request_start_screening(request=obj, by=it_head)
        obj = services.data_request_refuse(request=obj, by=it_head, reason="ไม่ใช่ข้อมูลของหน่วยงาน", criteria={},
                                           officer=officer)
    else:
        obj = walk(obj, to="approved")
    return services.data_request_send_reply(request=obj, by=officer, sent_at=sent, sent_method="email")


def test_the_monthly_figures(it_head, officer, make_request, walk, django_assert_max_num_queries):
    Holiday.objects.create(date=dt.date(2026, 12, 7), name="วันหยุดชดเชย")
    # On time: Thu 3 Dec → Tue 8 Dec is 2 working days (weekend and the Monday holiday skipped).
    _answered(walk, make_request, officer, at(2026, 12, 3, 14), at(2026, 12, 8, 10))
    # Late: Mon 23 Nov → Mon 30 Nov is 5 working days; refused, answered in November.
    _answered(walk, make_request, officer, at(2026, 11, 23, 10), at(2026, 11, 30, 10), refuse=True, it_head=it_head)
    make_request(officer, received_at=at(2026, 12, 10, 9))  # received, not answered yet
    months, year = report_months("2570")
    assert year == 2570 and months[0][0] == "ตุลาคม 2569" and months[-1][0] == "กันยายน 2570"
    with django_assert_max_num_queries(2):
        rows = monthly_rows(months)
    november, december, total = rows[1], rows[2], rows[-1]
    assert (november.received, november.refused, november.granted, november.on_time) == (1, 1, 0, 0)
    assert november.average_working_days == 5
    assert (december.received, december.granted, december.on_time, december.answered) == (2, 1, 1, 1)
    assert december.average_working_days == 2
    assert (total.received, total.granted, total.refused, total.on_time) == (3, 1, 1, 1)
    assert total.average_working_days == 3.5 and total.on_time_percent == 50.0


def test_the_report_page(client, executive, officer, make_request, walk, requester_a):
    _answered(walk, make_request, officer, at(2026, 12, 3, 14), at(2026, 12, 4, 10))
    client.force_login(executive)
    body = client.get(reverse("datarequests:report"), {"year": "2570"}).content.decode()
    assert 'id="monthly-report"' in body and "ธันวาคม 2569" in body and "รวมทั้งปีงบประมาณ" in body
    assert client.get(reverse("datarequests:report"), {"year": "abc"}).status_code == 200
    client.force_login(requester_a)
    assert client.get(reverse("datarequests:report")).status_code == 403


def test_the_summary_report_section(client, executive, officer, make_request, walk, it_head):
    _answered(walk, make_request, officer, at(2026, 12, 3, 14), at(2026, 12, 4, 10))
    _answered(walk, make_request, officer, at(2026, 12, 1, 9), at(2026, 12, 2, 9), refuse=True, it_head=it_head)
    scope = ReportScope(start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 31))
    data = report_section(scope)
    assert (data["figures"].received, data["figures"].granted, data["figures"].refused) == (2, 1, 1)
    header, rows = report_section_csv(scope)
    assert ["ให้ข้อมูล", 1] in rows and ["ไม่ให้ข้อมูล", 1] in rows
    client.force_login(executive)
    page = client.get(reverse("reports:summary") + "?period=range&start=01/12/2569&end=31/12/2569")
    assert page.status_code == 200 and 'id="report-datarequests"' in page.content.decode()
    pdf = client.get(reverse("reports:summary_pdf") + "?period=range&start=01/12/2569&end=31/12/2569")
    assert pdf.status_code == 200


def test_the_widget_shows_each_role_its_queue(client, it_head, officer, deputy, make_request, walk, requester_a):
    make_request(officer)
    walk(make_request(officer), to="approval")
    client.force_login(it_head)
    body = client.get(reverse("home")).content.decode()
    assert 'id="widget-datarequests"' in body and 'data-count="to_screen">1<' in body
    client.force_login(deputy)
    body = client.get(reverse("home")).content.decode()
    assert 'data-count="to_approve">1<' in body
    client.force_login(officer)
    assert 'data-count="mine">1<' in client.get(reverse("home")).content.decode()
    client.force_login(requester_a)
    assert 'id="widget-datarequests"' not in client.get(reverse("home")).content.decode()


def test_a_unit_files_online_and_bad_input_is_kept(client, requester_a, unit_a):
    client.force_login(requester_a)
    data = {"organisation": "สำนักงานเขตบางเขน", "contact_name": "สมศรี ใจดี", "purpose": "จัดทำแผนงาน",
            "data_requested": "สถิติการแจ้งซ่อมปี 2569", "scope": "ปีงบประมาณ 2569", "data_owner": "ศูนย์ ICT",
            "delivery_method": "email", "delivery_detail": "not-an-email"}
    response = client.post(reverse("datarequests:create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "กรุณาระบุอีเมลที่ถูกต้องสำหรับส่งข้อมูล" in body and "สถิติการแจ้งซ่อมปี 2569" in body
    assert not DataRequest.objects.exists()
    data["delivery_detail"] = "somsri@example.go.th"
    assert client.post(reverse("datarequests:create"), data).status_code == 302
    obj = DataRequest.objects.get()
    assert obj.channel == "online" and obj.unit == unit_a and obj.recorded_by == requester_a
    assert obj.due_at == services.due_at_for(obj.received_at)


def test_staff_recording_needs_the_letter(client, officer):
    client.force_login(officer)
    response = client.post(reverse("datarequests:create"), {
        "organisation": "มหาวิทยาลัย", "contact_name": "ก", "purpose": "ข", "data_requested": "ค", "scope": "ง",
        "data_owner": "จ", "delivery_method": "pickup", "received_at": "2030-01-01T10:00",
        "letter_number": "1", "letter_date": "2026-11-01"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "letter_scan" in form.errors and "เวลารับหนังสือต้องไม่อยู่ในอนาคต" in form.errors["received_at"]
    assert not DataRequest.objects.exists()


def test_the_widget_counts_in_one_query_what_the_direct_counts_give(it_head, officer, deputy, make_request, walk, rf):
    """Queues with and without an officer (a request still being screened has none), and past their due date."""
    from tickets.datarequests.integration import widget_context

    make_request(officer)
    walk(make_request(officer), to="review")
    walk(make_request(officer), to="approval")
    late = walk(make_request(officer), to="preparing")
    DataRequest.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
    S = DataRequest.Status
    for user in (it_head, officer, deputy):
        request = rf.get("/")
        request.user = user
        open_requests = DataRequest.objects.open()
        head, is_deputy = user == it_head, user == deputy
        expected = {
            "to_screen": open_requests.filter(status__in=[S.RECEIVED, S.SCREENING]).count() if head else 0,
            "to_review": open_requests.filter(status=S.REVIEW).exclude(officer=user).count() if head else 0,
            "to_approve": open_requests.filter(status=S.APPROVAL).exclude(officer=user).count() if is_deputy else 0,
            "mine": open_requests.filter(officer=user).count(),
            "overdue": (open_requests if head or is_deputy else open_requests.filter(officer=user))
            .filter(due_at__lt=timezone.now()).count(),
        }
        with CaptureQueriesContext(connection) as queries:
            got = widget_context(request)
        assert sum('FROM "datarequests_datarequest"' in query["sql"] for query in queries) == 1
        assert got == (expected if any(expected.values()) else None), user.username
        if user == officer:
            assert got["mine"] == 3 and got["overdue"] >= 1
        if user == it_head:
            assert (got["to_screen"], got["to_review"]) == (1, 1)
