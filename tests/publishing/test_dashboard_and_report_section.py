"""Publishing on the home dashboard (supervisor, IT head, requester) and in the executive summary report."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from helpdesk.dashboard import ReportScope
from publishing.integration import publishing_report, publishing_report_csv
from publishing.models import Event, PublishingRequest, Section
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
S = PublishingRequest.Status
BKK = ZoneInfo("Asia/Bangkok")


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=BKK)


@pytest.fixture
def news(db):
    return Section.objects.get_or_create(slug="wire-news", defaults={"name": "ก ข่าววงใน", "order": 1})[0]


@pytest.fixture
def procurement(db):
    return Section.objects.get_or_create(slug="wire-proc", defaults={"name": "ข ประกาศจัดซื้อวงใน", "order": 2})[0]


@pytest.fixture
def make(news):
    def _make(requester, unit, status, *, section=None, **fields):
        return PublishingRequest.objects.create(
            title="ประกาศ", body="เนื้อหา", section=section or news, unit=unit, requester=requester,
            wanted_on=dt.date(2026, 3, 1), status=status, **fields,
        )

    return _make


def _widget(body: str, widget_id: str) -> str:
    assert f'id="{widget_id}"' in body, widget_id
    return body.split(f'id="{widget_id}"')[1].split('id="widget-')[0]


def test_the_supervisor_sees_requests_of_their_units_waiting_for_approval(
    login, make, requester_a, requester_b, supervisor_a, unit_a, unit_a_child, unit_b
):
    make(requester_a, unit_a, S.SUBMITTED)
    make(requester_a, unit_a_child, S.SUBMITTED)
    make(supervisor_a, unit_a, S.SUBMITTED)  # their own: someone else approves it
    make(requester_b, unit_b, S.SUBMITTED)  # another unit
    make(requester_a, unit_a, S.APPROVED)
    body = login(supervisor_a).get(reverse("home")).content.decode()
    widget = _widget(body, "widget-publishing-approve")
    assert 'data-count="to_approve">2<' in widget
    link = reverse("publishing:list") + "?status=submitted&amp;todo=1"
    assert link in widget
    listing = login(supervisor_a).get(link.replace("&amp;", "&"))
    assert listing.status_code == 200
    assert len(listing.context["page"].object_list) == 2


def test_the_it_head_sees_requests_to_check_and_overdue(login, make, requester_a, it_head, unit_a):
    make(requester_a, unit_a, S.APPROVED, due_at=at(1) + dt.timedelta(days=3650))
    make(requester_a, unit_a, S.APPROVED, due_at=at(1))  # to check and overdue
    make(requester_a, unit_a, S.ACCEPTED, due_at=at(1))  # overdue
    make(requester_a, unit_a, S.PUBLISHED, due_at=at(1), published_at=at(2))  # late but done
    body = login(it_head).get(reverse("home")).content.decode()
    widget = _widget(body, "widget-publishing-it-head")
    assert 'data-count="to_check">2<' in widget and 'data-count="overdue">2<' in widget
    overdue = login(it_head).get(reverse("publishing:list") + "?overdue=1")
    assert overdue.status_code == 200 and len(overdue.context["page"].object_list) == 2


def test_the_requester_sees_their_returned_requests_and_nothing_when_none(login, make, requester_a, unit_a):
    colleague = make_user("colleague_a", "requester", unit=unit_a)
    assert 'id="widget-publishing-returned"' not in login(requester_a).get(reverse("home")).content.decode()
    make(requester_a, unit_a, S.RETURNED, return_reason="แก้คำผิด")
    make(colleague, unit_a, S.RETURNED, return_reason="แก้คำผิด")
    widget = _widget(login(requester_a).get(reverse("home")).content.decode(), "widget-publishing-returned")
    assert 'data-count="returned">1<' in widget


def test_widgets_show_only_to_their_roles(login, make, requester_a, supervisor_a, it_head, technician, executive,
                                          stock_officer, network_admin, unit_a):
    make(requester_a, unit_a, S.RETURNED)
    expected = {
        requester_a: {"widget-publishing-returned"},
        supervisor_a: {"widget-publishing-approve"},
        it_head: {"widget-publishing-it-head"},
        technician: set(), executive: set(), stock_officer: set(), network_admin: set(),
    }
    ids = {"widget-publishing-returned", "widget-publishing-approve", "widget-publishing-it-head"}
    for user, shown in expected.items():
        body = login(user).get(reverse("home")).content.decode()
        assert {i for i in ids if f'id="{i}"' in body} == shown, user.username


def test_the_widgets_cost_one_query_each(rf, make, requester_a, supervisor_a, it_head, unit_a,
                                         django_assert_num_queries):
    from publishing.integration import it_head_widget_context, supervisor_widget_context

    for _ in range(5):
        make(requester_a, unit_a, S.SUBMITTED)
    for user, build in ((supervisor_a, supervisor_widget_context), (it_head, it_head_widget_context)):
        request = rf.get("/")
        request.user = user
        build(request)  # the user's roles and profile are loaded once per request
        with django_assert_num_queries(1):
            build(request)


def test_the_report_section_counts_received_published_returned_overdue_by_section(
    make, news, procurement, requester_a, requester_b, unit_a, unit_b, it_head
):
    # In March 2026 for unit A:
    make(requester_a, unit_a, S.SUBMITTED, submitted_at=at(3))  # received
    make(requester_a, unit_a, S.PUBLISHED, submitted_at=at(4), published_at=at(5), due_at=at(6))  # on time
    make(requester_a, unit_a, S.PUBLISHED, submitted_at=at(4), published_at=at(10), due_at=at(6),
         section=procurement)  # received, published late
    make(requester_a, unit_a, S.ACCEPTED, submitted_at=at(20), due_at=at(24), section=procurement)  # overdue at IT
    returned = make(requester_a, unit_a, S.RETURNED, submitted_at=dt.datetime(2026, 2, 27, tzinfo=BKK))
    Event.objects.create(request=returned, action="return", from_status=S.SUBMITTED, to_status=S.RETURNED,
                         at=at(2))
    # Outside the period or the scope:
    make(requester_a, unit_a, S.PUBLISHED, submitted_at=at(1) - dt.timedelta(days=40),
         published_at=at(1) - dt.timedelta(days=35), due_at=at(1) - dt.timedelta(days=36))
    make(requester_b, unit_b, S.SUBMITTED, submitted_at=at(3))
    scope = ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), unit_ids=(unit_a.pk,))
    data = publishing_report(scope)
    rows = {row["section__name"]: (row["received"], row["published"], row["returned"], row["overdue"])
            for row in data["by_section"]}
    assert rows == {"ก ข่าววงใน": (2, 1, 1, 0), "ข ประกาศจัดซื้อวงใน": (2, 1, 0, 2)}
    assert data["totals"] == {"received": 4, "published": 2, "returned": 1, "overdue": 2}
    agency = publishing_report(ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)))
    assert agency["totals"]["received"] == 5
    header, csv_rows = publishing_report_csv(scope)
    assert header[0] == "เมนูเว็บไซต์" and csv_rows[-1] == ["รวม", 4, 2, 1, 2]


def test_the_section_renders_in_the_summary_report_page_and_pdf_preview(login, make, executive, requester_a, unit_a):
    make(requester_a, unit_a, S.SUBMITTED, submitted_at=at(3))
    client = login(executive)
    query = "?period=range&start=01/03/2569&end=31/03/2569"
    page = client.get(reverse("reports:summary") + query)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="report-publishing"' in body and "ก ข่าววงใน" in body
