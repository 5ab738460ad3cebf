"""New IP address: request → assign (or return) → checks → summary letter."""

import pytest
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tests.correspondence.conftest import pdf_text
from tickets.network.models import AssignmentEvent, IPAssignment, IPRequest

from .conftest import fake_pdf_upload, pdf_upload

pytestmark = pytest.mark.django_db


def form_data(**extra):
    data = {
        "device_description": "คอมพิวเตอร์ตั้งโต๊ะ ฝ่ายทะเบียน", "device_user": "สมศรี ใจดี",
        "mac_address": "3C-52-82-AA-BB-01", "location": "ชั้น 1 ห้องทะเบียน", "purpose": "ใช้งาน MIS",
        "memo_number": "กท 5001/0123", "memo_date": "01/11/2569", "memo_file": pdf_upload(),
    }
    data.update(extra)
    return data


def test_requester_files_a_request_with_the_mac_normalised(login, requester_a, network_admin, mailoutbox):
    client = login(requester_a)
    response = client.post(reverse("network:ip_create"), form_data())
    ip_request = IPRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("network:ip_detail", args=[ip_request.pk])
    assert ip_request.mac_address == "3c:52:82:aa:bb:01"
    assert ip_request.unit == requester_a.profile.unit
    assert ip_request.status == IPRequest.Status.SUBMITTED
    assert ip_request.memo_date.isoformat() == "2026-11-01"
    assert not ip_request.memo_file.name.endswith("memo.pdf")  # stored under a random name
    assert ip_request.events.get().to_status == "submitted"
    assert mailoutbox and network_admin.email in mailoutbox[0].to


def test_bad_input_is_refused_in_thai_and_nothing_is_saved(login, requester_a, unit_a, subnet):
    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.40", mac_address="3c:52:82:aa:bb:01", unit=unit_a)
    client = login(requester_a)
    response = client.post(reverse("network:ip_create"), form_data(
        memo_file=fake_pdf_upload(), memo_date="31/02/2569", device_description="",
    ))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "PDF" in errors["memo_file"][0]
    assert "วันที่ไม่ถูกต้อง" in errors["memo_date"][0]
    assert "ใช้งานอยู่แล้ว" in errors["mac_address"][0]
    assert "กรุณาเลือกครุภัณฑ์" in errors["device_description"][0]
    response = client.post(reverse("network:ip_create"), form_data(mac_address="01:00:5e:00:00:01"))
    assert "multicast" in response.context["form"].errors["mac_address"][0]
    assert IPRequest.objects.count() == 0


def test_admin_is_refused_a_taken_address_then_assigns_a_free_one(
    login, requester_a, network_admin, subnet, unit_b, make_ip_request
):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.21", mac_address="3c:00:00:00:00:99", unit=unit_b)
    client = login(network_admin)
    url = reverse("network:ip_assign", args=[ip_request.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"subnet": subnet.pk, "ip_address": "10.50.1.21"})
    assert response.status_code == 200
    assert "ถูกใช้งานแล้ว" in response.context["form"].errors["ip_address"][0]
    ip_request.refresh_from_db()
    assert ip_request.status == IPRequest.Status.SUBMITTED
    assert IPAssignment.objects.count() == 1

    response = client.post(url, {"subnet": subnet.pk, "suggest": "1"})
    assert response.status_code == 200
    assert response.context["form"]["ip_address"].value() == "10.50.1.22"
    assert IPAssignment.objects.count() == 1  # suggesting changes nothing

    response = client.post(url, {"subnet": subnet.pk, "ip_address": "10.50.1.22", "rights_note": "Internet, MIS"})
    assert response.status_code == 302
    ip_request.refresh_from_db()
    assert ip_request.status == IPRequest.Status.ASSIGNED
    assert ip_request.assigned_ip == "10.50.1.22"
    assignment = ip_request.assignment
    assert (assignment.ip_address, assignment.mac_address, assignment.active) == ("10.50.1.22", ip_request.mac_address,
                                                                                 True)
    assert list(assignment.events.values_list("kind", flat=True)) == ["requested", "assigned"]


@pytest.mark.parametrize(("ip", "words"), [
    ("10.50.1.0", "network address"), ("10.50.1.255", "broadcast"), ("10.50.1.5", "สงวนไว้"),
    ("10.60.1.5", "ไม่อยู่ในเครือข่าย"), ("abc", "ไม่ถูกต้อง"),
])
def test_assign_form_explains_each_refusal(login, requester_a, network_admin, subnet, make_ip_request, ip, words):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    response = login(network_admin).post(reverse("network:ip_assign", args=[ip_request.pk]),
                                         {"subnet": subnet.pk, "ip_address": ip})
    assert words in response.context["form"].errors["ip_address"][0]
    assert not IPAssignment.objects.exists()


def test_return_with_reason_then_edit_and_resubmit(login, client, requester_a, network_admin, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(network_admin)
    response = client.post(reverse("network:ip_return", args=[ip_request.pk]), {"reason": "ขาดลายมือชื่อ"})
    assert response.status_code == 302
    ip_request.refresh_from_db()
    assert (ip_request.status, ip_request.return_reason) == ("returned", "ขาดลายมือชื่อ")
    login(requester_a)
    response = client.post(reverse("network:ip_edit", args=[ip_request.pk]),
                           form_data(mac_address="3c52.82aa.bb07", location="ชั้น 3"))
    assert response.status_code == 302
    ip_request.refresh_from_db()
    assert (ip_request.status, ip_request.location, ip_request.mac_address) == ("submitted", "ชั้น 3",
                                                                                "3c:52:82:aa:bb:07")
    assert [e.to_status for e in ip_request.events.all()] == ["submitted", "returned", "submitted"]


def test_return_without_reason_changes_nothing(login, requester_a, network_admin, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(network_admin).post(reverse("network:ip_return", args=[ip_request.pk]), {"reason": "  "})
    ip_request.refresh_from_db()
    assert ip_request.status == "submitted"


def test_technician_records_checks_and_the_letter_is_printed(
    login, client, requester_a, network_admin, technician, subnet, make_ip_request
):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(network_admin).post(reverse("network:ip_assign", args=[ip_request.pk]),
                              {"subnet": subnet.pk, "ip_address": "10.50.1.30"})
    login(technician)
    url = reverse("network:ip_checks", args=[ip_request.pk])
    data = {"configuration_note": "ตั้งค่า IP คงที่", "mis_result": "passed", "daily_plan_result": "failed",
            "daily_plan_note": "", "internet_result": "passed"}
    response = client.post(url, data)
    assert "สาเหตุ" in response.context["form"].errors["daily_plan_note"][0]
    data["daily_plan_note"] = "ยังไม่ได้สิทธิ"
    client.post(url, data)
    ip_request.refresh_from_db()
    assert ip_request.status == "check_failed"
    assert client.get(reverse("network:ip_letter", args=[ip_request.pk])).status_code == 302  # not closed yet
    data.update(daily_plan_result="passed", daily_plan_note="")
    client.post(url, data)
    ip_request.refresh_from_db()
    assert ip_request.status == "closed" and ip_request.closed_at and ip_request.checked_by == technician

    letter = reverse("network:ip_letter", args=[ip_request.pk])
    login(requester_a)
    assert client.get(letter).status_code == 404  # not issued through the register yet
    login(technician)
    preview = client.get(letter + "?preview=1")
    html = preview.content.decode()
    assert preview.status_code == 200
    for words in ("บันทึกข้อความ", "ส่วนราชการ", "เรื่อง", "เรียน", "10.50.1.30", "กท ๕๐๐๑/๑๒๓"):
        assert words in html
    client.post(reverse("correspondence:issue", args=["network_ip", ip_request.pk]))
    login(requester_a)
    pdf = client.get(letter)
    assert pdf["Content-Type"] == "application/pdf"
    body = b"".join(pdf.streaming_content)
    assert body.startswith(b"%PDF")
    assert "๒๕๖" in pdf_text(body)  # Thai digits in the date


def test_roles_and_units_are_enforced(login, client, requester_a, requester_b, technician, make_ip_request, subnet):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(requester_b)
    for name in ("ip_detail", "ip_assign", "ip_memo", "ip_letter", "ip_checks", "ip_edit"):
        assert client.get(reverse(f"network:{name}", args=[ip_request.pk])).status_code == 404, name
    for name in ("ip_return", "ip_cancel"):
        assert client.post(reverse(f"network:{name}", args=[ip_request.pk]), {"reason": "x"}).status_code == 404
    login(requester_a)
    assert client.get(reverse("network:ip_assign", args=[ip_request.pk])).status_code == 403
    assert client.post(reverse("network:ip_return", args=[ip_request.pk]), {"reason": "x"}).status_code == 403
    assert client.get(reverse("network:ip_checks", args=[ip_request.pk])).status_code == 403
    login(technician)
    assert client.post(reverse("network:ip_assign", args=[ip_request.pk]),
                       {"subnet": subnet.pk, "ip_address": "10.50.1.30"}).status_code == 403
    ip_request.refresh_from_db()
    assert ip_request.status == "submitted" and not IPAssignment.objects.exists()


def test_state_changing_urls_refuse_get(login, requester_a, network_admin, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    client = login(network_admin)
    for name in ("ip_return", "ip_cancel"):
        assert client.get(reverse(f"network:{name}", args=[ip_request.pk])).status_code == 405
    ip_request.refresh_from_db()
    assert ip_request.status == "submitted"


def test_requester_cancels_own_request(login, requester_a, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(requester_a).post(reverse("network:ip_cancel", args=[ip_request.pk]))
    ip_request.refresh_from_db()
    assert ip_request.status == "cancelled"


def test_memo_is_an_attachment_for_the_unit(login, requester_a, unit_a, make_ip_request):
    ip_request = make_ip_request(requester_a, unit_a)
    colleague = make_user("colleague", Role.REQUESTER, unit=unit_a)
    response = login(colleague).get(reverse("network:ip_memo", args=[ip_request.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_registry_events_record_who(login, requester_a, network_admin, subnet, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(network_admin).post(reverse("network:ip_assign", args=[ip_request.pk]),
                              {"subnet": subnet.pk, "ip_address": "10.50.1.30"})
    events = AssignmentEvent.objects.order_by("pk")
    assert [(e.kind, e.by) for e in events] == [("requested", requester_a), ("assigned", network_admin)]
