import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Holiday
from publishing import services
from publishing.models import PublishingRequest
from publishing.reports import build_report
from tests.conftest import make_user
from tests.publishing.conftest import ALL_CHECKS

BKK = ZoneInfo("Asia/Bangkok")


def test_the_sla_is_two_working_days_from_reaching_it(requester_a, supervisor_a, make_request, monkeypatch):
    obj = make_request(requester_a, "submitted")
    friday = dt.datetime(2026, 5, 8, 10, 0, tzinfo=BKK)
    Holiday.objects.create(date=dt.date(2026, 5, 11), name="วันพืชมงคล")
    monkeypatch.setattr(timezone, "now", lambda: friday)
    services.request_transition(request=obj, action="approve", by=supervisor_a)
    obj.refresh_from_db()
    # Friday → (weekend, Monday holiday) → Tuesday, Wednesday.
    assert timezone.localtime(obj.due_at) == dt.datetime(2026, 5, 13, 10, 0, tzinfo=BKK)
    assert not obj.is_overdue(now=dt.datetime(2026, 5, 13, 9, 0, tzinfo=BKK))
    assert obj.is_overdue(now=dt.datetime(2026, 5, 13, 11, 0, tzinfo=BKK))


def test_publishing_late_is_counted_in_working_days(requester_a, supervisor_a, it_head, technician, make_request,
                                                    monkeypatch):
    obj = make_request(requester_a, "submitted")
    moments = iter([dt.datetime(2026, 5, 4, 9, 0, tzinfo=BKK), dt.datetime(2026, 5, 4, 10, 0, tzinfo=BKK),
                    dt.datetime(2026, 5, 5, 9, 0, tzinfo=BKK), dt.datetime(2026, 5, 8, 9, 0, tzinfo=BKK)])
    for action, user in (("approve", supervisor_a), ("accept", it_head), ("preview", technician),
                         ("publish", technician)):
        moment = next(moments)
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        services.request_transition(request=obj, action=action, by=user, checklist=ALL_CHECKS)
    obj.refresh_from_db()
    assert obj.working_days_to_publish == 4 and obj.is_overdue()


@pytest.fixture
def may_data(requester_a, requester_b, supervisor_a, supervisor_b, it_head, technician, make_request, other_section,
             monkeypatch):
    def at(day, hour=9):
        moment = dt.datetime(2026, 5, day, hour, tzinfo=BKK)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    at(4)
    quick = make_request(requester_a, "submitted", title="เร็ว")
    slow = make_request(requester_a, "submitted", title="ช้า", section=other_section)
    returned = make_request(requester_b, "submitted", title="ส่งกลับ")
    services.request_transition(request=quick, action="approve", by=supervisor_a)
    services.request_transition(request=slow, action="approve", by=supervisor_a)
    services.request_transition(request=returned, action="return", by=supervisor_b, note="ไม่ครบ")
    for obj, day in ((quick, 5), (slow, 11)):
        at(day)
        for action in ("accept", "preview", "publish"):
            services.request_transition(request=obj, action=action, by=it_head if action == "accept" else technician,
                                        checklist=ALL_CHECKS)
    at(20)
    return quick, slow, returned


def test_the_monthly_report_counts_by_unit_and_section(may_data, unit_a, unit_b, section, other_section):
    report = build_report(PublishingRequest.objects.all(), dt.date(2026, 5, 1))
    total = report.total
    assert (total.received, total.published, total.returned, total.overdue) == (3, 2, 1, 1)
    assert total.avg_days == pytest.approx((1 + 5) / 2)
    units = {row.name: row for row in report.by_unit}
    assert (units[unit_a.name].received, units[unit_a.name].published, units[unit_a.name].overdue) == (2, 2, 1)
    assert (units[unit_b.name].received, units[unit_b.name].returned) == (1, 1)
    sections = {row.name: row for row in report.by_section}
    assert sections[other_section.name].overdue == 1 and sections[section.name].published == 1
    assert [p.title for p in report.posts] == ["เร็ว", "ช้า"]
    empty = build_report(PublishingRequest.objects.all(), dt.date(2026, 4, 1))
    assert (empty.total.received, empty.total.published, empty.by_unit) == (0, 0, [])


def test_the_report_as_html_and_pdf(login, may_data, it_head):
    client = login(it_head)
    page = client.get(reverse("publishing:report"), {"month": "2026-05"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "พฤษภาคม 2569" in html and 'id="report-units"' in html and "เร็ว" in html
    preview = client.get(reverse("publishing:report"), {"month": "2026-05", "format": "print"})
    assert preview.status_code == 200 and "บันทึกข้อความ" in preview.content.decode()
    pdf = client.get(reverse("publishing:report"), {"month": "2026-05", "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("publishing:report"), {"month": "not-a-month"}).status_code == 200


def test_a_supervisor_reports_only_on_their_units(login, may_data, supervisor_b, unit_a):
    html = login(supervisor_b).get(reverse("publishing:report"), {"month": "2026-05"}).content.decode()
    assert "ส่งกลับ" in html and unit_a.name not in html


def test_requesters_cannot_read_the_report(login, requester_a):
    assert login(requester_a).get(reverse("publishing:report")).status_code == 403
    loner = make_user("loner")
    assert login(loner).get(reverse("publishing:report")).status_code == 403
