"""MAC change (3.2.4): after the admin applies the change a technician configures and tests MIS, Daily Plan and
Internet; the request closes only when all three pass."""

import pytest
from django.urls import reverse

from tickets.network.models import IPAssignment, MacChangeRequest
from tickets.network.services import mac_change_apply

pytestmark = pytest.mark.django_db

PASSED = {"configuration_note": "ตั้งค่าการ์ดใหม่ รับ IP เดิม", "mis_result": "passed", "mis_note": "",
          "daily_plan_result": "passed", "daily_plan_note": "", "internet_result": "passed", "internet_note": ""}


@pytest.fixture
def applied(subnet, unit_a, requester_a, network_admin):
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.31", mac_address="3c:52:82:00:00:01",
                                             unit=unit_a, device_user="สมศรี ใจดี")
    change = MacChangeRequest.objects.create(assignment=assignment, unit=unit_a, requested_by=requester_a,
                                             old_mac="3c:52:82:00:00:01", new_mac="3c:52:82:00:00:0b",
                                             reason="การ์ดเครือข่ายเสีย")
    return mac_change_apply(change=change, by=network_admin)


def test_applied_change_waits_for_the_tests_and_closes_when_all_pass(login, client, applied, technician):
    assert applied.status == "applied" and applied.finished_at is None
    login(technician)
    page = client.get(reverse("network:mac_detail", args=[applied.pk])).content.decode()
    assert reverse("network:mac_checks", args=[applied.pk]) in page
    assert 'data-letters="network_mac"' not in page
    response = client.post(reverse("network:mac_checks", args=[applied.pk]), PASSED)
    assert response.status_code == 302
    applied.refresh_from_db()
    assert applied.status == "closed" and applied.all_checks_passed
    assert applied.checked_by == technician and applied.checked_at and applied.finished_at
    assert applied.configuration_note == "ตั้งค่าการ์ดใหม่ รับ IP เดิม"
    assert list(applied.events.values_list("to_status", flat=True))[-1] == "closed"
    page = client.get(reverse("network:mac_detail", args=[applied.pk])).content.decode()
    assert 'id="checks"' in page and "เสร็จสิ้น" in page


def test_a_failed_test_keeps_it_open_until_a_retest_passes(login, client, applied, technician):
    login(technician)
    failed = {**PASSED, "daily_plan_result": "failed", "daily_plan_note": "เข้าระบบ Daily Plan ไม่ได้"}
    client.post(reverse("network:mac_checks", args=[applied.pk]), failed)
    applied.refresh_from_db()
    assert applied.status == "check_failed" and applied.finished_at is None
    assert applied.daily_plan_note == "เข้าระบบ Daily Plan ไม่ได้"
    client.post(reverse("network:mac_checks", args=[applied.pk]), PASSED)
    applied.refresh_from_db()
    assert applied.status == "closed"


def test_a_failure_without_a_reason_is_re_rendered_in_thai(login, client, applied, technician):
    login(technician)
    response = client.post(reverse("network:mac_checks", args=[applied.pk]), {**PASSED, "mis_result": "failed"})
    assert response.status_code == 200
    assert "กรุณาระบุสาเหตุที่ทดสอบไม่ผ่าน" in response.content.decode()
    applied.refresh_from_db()
    assert applied.status == "applied" and applied.checked_at is None


def test_requesters_cannot_record_and_other_units_do_not_see_it(login, client, applied, requester_a, requester_b):
    login(requester_a)
    assert client.post(reverse("network:mac_checks", args=[applied.pk]), PASSED).status_code == 403
    login(requester_b)
    assert client.post(reverse("network:mac_checks", args=[applied.pk]), PASSED).status_code == 404
    applied.refresh_from_db()
    assert applied.status == "applied" and applied.checked_at is None


def test_wrong_state_and_wrong_method(login, client, applied, technician):
    login(technician)
    MacChangeRequest.objects.filter(pk=applied.pk).update(status="submitted")
    response = client.post(reverse("network:mac_checks", args=[applied.pk]), PASSED, follow=True)
    assert "บันทึกผลทดสอบได้หลังจากเปลี่ยน MAC Address ในทะเบียนแล้วเท่านั้น" in response.content.decode()
    applied.refresh_from_db()
    assert applied.status == "submitted" and applied.checked_at is None
    assert client.put(reverse("network:mac_checks", args=[applied.pk])).status_code == 405


def test_the_result_letter_is_ready_only_when_closed(applied, technician):
    from helpdesk.correspondence.kinds import LetterNotReady
    from tickets.network.letters import compose_mac
    from tickets.network.services import mac_change_record_checks

    with pytest.raises(LetterNotReady):
        compose_mac(applied)
    closed = mac_change_record_checks(change=applied, by=technician, **PASSED)
    assert compose_mac(closed).record == closed
