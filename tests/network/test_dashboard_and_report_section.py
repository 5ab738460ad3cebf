"""Network and account requests on the home dashboard (supervisor, network admin, requester) and in the report."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from helpdesk.dashboard import ReportScope
from tests.conftest import make_user
from tickets.network.integration import admin_widget_context, network_report, network_report_csv
from tickets.network.models import AccountRequest, IPAssignment, IPRequest, MacChangeRequest

pytestmark = pytest.mark.django_db
BKK = ZoneInfo("Asia/Bangkok")


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 10, tzinfo=BKK)


@pytest.fixture
def make(subnet, internet):
    counter = {"n": 0}

    def ip(user, unit, status, **extra):
        return IPRequest.objects.create(
            unit=unit, requested_by=user, device_description="PC", device_user="ผู้ใช้", mac_address="3c:52:82:10:00:01",
            location="ชั้น 1", purpose="MIS", memo_number="กท 1/1", memo_date=dt.date(2026, 3, 1),
            memo_file="network/memo.pdf", status=status, **extra,
        )

    def mac(user, unit, status, **extra):
        counter["n"] += 1
        assignment = IPAssignment.objects.create(subnet=subnet, ip_address=f"10.50.1.{100 + counter['n']}",
                                                 mac_address=f"3c:52:82:10:01:{counter['n']:02x}", unit=unit)
        return MacChangeRequest.objects.create(assignment=assignment, unit=unit, requested_by=user,
                                               old_mac="3c:52:82:10:00:01", new_mac="3c:52:82:10:00:02",
                                               reason="การ์ดเสีย", status=status, **extra)

    def account(user, unit, status, kind="new", **extra):
        return AccountRequest.objects.create(
            service=internet, kind=kind, unit=unit, requested_by=user, person_name="สมศรี", person_position="นักวิชาการ",
            mobile="0810000000", office_phone="020000000", memo_number="กท 1/2", memo_date=dt.date(2026, 3, 1),
            memo_file="network/memo.pdf", status=status, **extra,
        )

    return {"ip": ip, "mac": mac, "account": account}


def _widget(body: str, widget_id: str) -> str:
    assert f'id="{widget_id}"' in body, widget_id
    return body.split(f'id="{widget_id}"')[1].split('id="widget-')[0]


def test_the_supervisor_sees_account_requests_waiting_for_approval(
    login, make, requester_a, requester_b, supervisor_a, unit_a, unit_a_child, unit_b
):
    make["account"](requester_a, unit_a, "submitted")
    make["account"](requester_a, unit_a_child, "submitted")
    make["account"](supervisor_a, unit_a, "submitted")  # their own
    make["account"](requester_b, unit_b, "submitted")  # another unit
    make["account"](requester_a, unit_a, "approved")
    widget = _widget(login(supervisor_a).get(reverse("home")).content.decode(), "widget-network-approve")
    assert 'data-count="to_approve">2<' in widget
    link = reverse("network:account_request_list") + "?status=submitted"
    assert link in widget
    assert login(supervisor_a).get(link).status_code == 200


def test_the_network_admin_sees_ip_mac_and_account_queues(login, make, requester_a, network_admin, unit_a, unit_b,
                                                            requester_b):
    make["ip"](requester_a, unit_a, "submitted")
    make["ip"](requester_b, unit_b, "submitted")
    make["ip"](requester_a, unit_a, "assigned")
    make["mac"](requester_a, unit_a, "submitted")
    make["mac"](requester_a, unit_a, "applied")
    for status in ("approved", "approved", "approved", "submitted", "completed"):
        make["account"](requester_a, unit_a, status)
    widget = _widget(login(network_admin).get(reverse("home")).content.decode(), "widget-network-admin")
    assert 'data-count="ip_to_assign">2<' in widget
    assert 'data-count="mac_to_apply">1<' in widget
    assert 'data-count="accounts_to_issue">3<' in widget
    client = login(network_admin)
    for url in (reverse("network:ip_list") + "?status=submitted", reverse("network:mac_list") + "?status=submitted",
                reverse("network:account_request_list") + "?status=approved"):
        assert url in widget
        assert client.get(url).status_code == 200


def test_the_requester_sees_their_returned_requests_only(login, make, requester_a, unit_a):
    colleague = make_user("colleague_a", "requester", unit=unit_a)
    assert 'id="widget-network-returned"' not in login(requester_a).get(reverse("home")).content.decode()
    make["ip"](requester_a, unit_a, "returned")
    make["account"](requester_a, unit_a, "returned")
    make["account"](requester_a, unit_a, "returned")
    make["mac"](colleague, unit_a, "returned")
    widget = _widget(login(requester_a).get(reverse("home")).content.decode(), "widget-network-returned")
    assert 'data-count="ip">คำขอหมายเลขไอพี 1 รายการ' in widget
    assert 'data-count="accounts">คำขอบัญชีผู้ใช้ 2 รายการ' in widget
    assert 'data-count="mac"' not in widget


def test_widgets_show_only_to_their_roles(login, make, requester_a, supervisor_a, it_head, technician, executive,
                                          stock_officer, network_admin, unit_a):
    make["ip"](requester_a, unit_a, "returned")
    expected = {
        requester_a: {"widget-network-returned"},
        supervisor_a: {"widget-network-approve"},
        network_admin: {"widget-network-admin"},
        it_head: set(), technician: set(), executive: set(), stock_officer: set(),
    }
    ids = {"widget-network-returned", "widget-network-approve", "widget-network-admin"}
    for user, shown in expected.items():
        body = login(user).get(reverse("home")).content.decode()
        assert {i for i in ids if f'id="{i}"' in body} == shown, user.username


def test_the_admin_widget_is_three_count_queries(rf, make, network_admin, requester_a, unit_a,
                                                 django_assert_num_queries):
    for _ in range(4):
        make["ip"](requester_a, unit_a, "submitted")
    request = rf.get("/")
    request.user = network_admin
    admin_widget_context(request)
    with django_assert_num_queries(3):
        admin_widget_context(request)


def test_the_report_section_counts_requests_filed_in_the_period_by_type_and_status(
    make, requester_a, requester_b, unit_a, unit_b
):
    make["ip"](requester_a, unit_a, "submitted", created_at=at(2))
    make["ip"](requester_a, unit_a, "closed", created_at=at(3))
    make["ip"](requester_a, unit_a, "closed", created_at=at(31))
    make["ip"](requester_a, unit_a, "closed", created_at=at(1) - dt.timedelta(days=1))  # February
    make["ip"](requester_b, unit_b, "closed", created_at=at(3))  # another unit
    make["mac"](requester_a, unit_a, "applied", created_at=at(5))
    make["account"](requester_a, unit_a, "completed", kind="new", created_at=at(6))
    make["account"](requester_a, unit_a, "completed", kind="new", created_at=at(7))
    make["account"](requester_a, unit_a, "submitted", kind="reset", created_at=at(8))
    make["account"](requester_a, unit_a, "completed", kind="close", created_at=at(9))
    scope = ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), unit_ids=(unit_a.pk,))
    data = network_report(scope)
    assert [(row["status"], row["n"]) for row in data["ip"]] == [("closed", 2), ("submitted", 1)]
    assert [(row["status"], row["n"]) for row in data["mac"]] == [("applied", 1)]
    assert [(row["kind"], row["status"], row["n"]) for row in data["accounts"]] == [
        ("close", "completed", 1), ("new", "completed", 2), ("reset", "submitted", 1)]
    assert data["totals"] == {"ip": 3, "mac": 1, "accounts": 4}
    assert data["ip"][0]["label"] == "เสร็จสิ้น"
    agency = network_report(ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)))
    assert agency["totals"]["ip"] == 4
    header, rows = network_report_csv(scope)
    assert header == ["ประเภทคำขอ", "สถานะ", "จำนวน"]
    assert ["บัญชีผู้ใช้: ขอเปิดบัญชีใหม่", "ดำเนินการเสร็จสิ้น", 2] in rows


def test_the_section_renders_in_the_summary_report_page(login, make, executive, requester_a, unit_a):
    make["account"](requester_a, unit_a, "completed", created_at=at(6))
    page = login(executive).get(reverse("reports:summary") + "?period=range&start=01/03/2569&end=31/03/2569")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="report-network-accounts"' in body and "ขอเปิดบัญชีใหม่" in body
    pdf = login(executive).get(reverse("reports:summary_pdf") + "?period=range&start=01/03/2569&end=31/03/2569")
    assert pdf.status_code == 200
