"""The staff widget and the summary-report section: meetings and hours by unit, room and platform; targets."""

import datetime as dt

from django.urls import reverse

from helpdesk.dashboard import ReportScope
from tickets.meetings.integration import meetings_report, meetings_report_csv
from tickets.meetings.models import Booking
from tickets.meetings.services import booking_cancel, booking_check, booking_confirm, booking_setup

from .conftest import at

DAY = dt.date(2026, 3, 11)  # a Wednesday: the bookings are made on the Monday before


def walk(booking, technician, clock, *, confirm_after, setup_before, problems=""):
    clock.set(booking.created_at + confirm_after)
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    clock.set(booking.starts_at - setup_before)
    booking_setup(booking=booking, by=technician, note="ทดสอบแล้ว")
    clock.set(booking.ends_at + dt.timedelta(minutes=5))
    booking_check(booking=booking, by=technician, equipment_state="issues" if problems else "ok", problems=problems)


def make_history(make_booking, clock, requester_a, requester_b, technician, room, zoom):
    clock.set(at(DAY - dt.timedelta(days=2), 9))
    first = make_booking(requester_a, starts_at=at(DAY, 9), ends_at=at(DAY, 12), room=room, vc_account=zoom)
    walk(first, technician, clock, confirm_after=dt.timedelta(minutes=2), setup_before=dt.timedelta(minutes=40))
    clock.set(at(DAY - dt.timedelta(days=2), 10))
    second = make_booking(requester_b, starts_at=at(DAY, 13), ends_at=at(DAY, 14, 30), room=room)
    walk(second, technician, clock, confirm_after=dt.timedelta(minutes=9), setup_before=dt.timedelta(minutes=10),
         problems="สายสัญญาณภาพหลวม")
    clock.set(at(DAY - dt.timedelta(days=2), 11))
    third = make_booking(requester_a, starts_at=at(DAY, 15), ends_at=at(DAY, 16), vc_account=zoom)
    booking_cancel(booking=third, by=requester_a, reason="เลื่อน")
    return first, second, third


def test_the_report_counts_meetings_hours_and_targets(make_booking, clock, requester_a, requester_b, technician,
                                                      room, zoom, unit_a):
    make_history(make_booking, clock, requester_a, requester_b, technician, room, zoom)
    clock.set(at(DAY, 12, 45))  # the morning meeting is over and checked; the afternoon one is due for set-up
    early = meetings_report(ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)))
    assert early["counts"]["setup_was_due"] == 2 and early["counts"]["check_was_due"] == 1
    clock.set(at(DAY + dt.timedelta(days=1), 9))
    data = meetings_report(ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)))
    assert data["counts"]["total"] == 2 and data["counts"]["cancelled"] == 1
    assert data["hours"] == 4.5
    units = {r["label"]: (r["n"], r["hours"]) for r in data["by_unit"]}
    assert units == {"สำนักงานเขตบางเขน": (1, 3.0), "สำนักงานเขตบางขุนเทียน": (1, 1.5)}
    assert [(r["label"], r["n"], r["hours"]) for r in data["by_room"]] == [("ห้องประชุม 1", 2, 4.5)]
    assert [(r["label"], r["n"], r["hours"]) for r in data["by_platform"]] == [("Zoom", 1, 3.0)]
    assert data["confirm_share"] == 50.0 and data["setup_share"] == 50.0
    assert [b.problems for b in data["problems"]] == ["สายสัญญาณภาพหลวม"]

    scoped = meetings_report(ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), unit_ids=(unit_a.pk,)))
    assert scoped["counts"]["total"] == 1 and scoped["hours"] == 3.0
    empty = meetings_report(ReportScope(start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30)))
    assert empty["counts"]["total"] == 0 and empty["setup_share"] is None

    header, rows = meetings_report_csv(ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)))
    assert header[0] == "จำแนกตาม"
    assert ["ห้องประชุม", "ห้องประชุม 1", 2, 4.5] in rows


def test_the_section_renders_in_the_summary_report(login, make_booking, clock, requester_a, requester_b, technician,
                                                   executive, room, zoom):
    make_history(make_booking, clock, requester_a, requester_b, technician, room, zoom)
    clock.set(at(DAY + dt.timedelta(days=1), 9))
    query = "?period=range&start=01/03/2569&end=31/03/2569"
    page = login(executive).get(reverse("reports:summary") + query)
    body = page.content.decode()
    assert page.status_code == 200
    assert 'id="report-meetings-units"' in body and "สายสัญญาณภาพหลวม" in body
    assert 'id="report-meetings-setup-share"' in body
    assert login(executive).get(reverse("reports:summary_pdf") + query).status_code == 200


def test_the_staff_widget_counts_the_queue(login, technician, requester_a, executive, room, meeting_day,
                                           make_booking):
    make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room)
    body = login(technician).get(reverse("home")).content.decode()
    assert 'id="widget-meetings-staff"' in body and 'data-count="to_confirm">1<' in body
    assert 'id="widget-meetings-staff"' not in login(requester_a).get(reverse("home")).content.decode()
    assert Booking.objects.count() == 1


def test_the_widget_lists_todays_meetings_and_links_the_overdue_list(login, technician, requester_a, room, clock,
                                                                     make_booking, django_assert_max_num_queries):
    from tickets.meetings.integration import staff_widget_context

    today = dt.date(2026, 3, 11)
    clock.set(at(today, 8))
    make_booking(requester_a, starts_at=at(today, 8, 15), ends_at=at(today, 9), room=room, title="ประชุมเช้า")
    make_booking(requester_a, starts_at=at(today, 14), ends_at=at(today, 15), room=room, title="ประชุมบ่าย")
    clock.set(at(today, 8, 20))

    class Request:
        user = technician

    with django_assert_max_num_queries(4):
        context = staff_widget_context(Request())
    assert [b.title for b in context["meetings"]] == ["ประชุมเช้า", "ประชุมบ่าย"]
    assert context["today"] == 2 and context["to_confirm"] == 2 and context["setup_overdue"] == 1
    body = login(technician).get(reverse("meetings:list") + "?show=overdue").content.decode()
    assert "ประชุมเช้า" in body and "ประชุมบ่าย" not in body
