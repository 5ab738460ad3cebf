"""MAC change (3.2): old MAC prefilled, new MAC, reason, ID card; the admin applies; history kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.network.models import IdCardAccess, IPAssignment, MacChangeRequest

from .conftest import pdf_upload, png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(subnet, unit_a):
    return IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:52:82:00:00:01",
                                       unit=unit_a, device_user="สมศรี ใจดี")


def file_change(client, assignment, **extra):
    data = {"new_mac": "3C:52:82:00:00:0A", "reason": "การ์ดเครือข่ายเสีย", "id_card": png_upload()}
    data.update(extra)
    return client.post(reverse("network:mac_create", args=[assignment.pk]), data)


def test_old_mac_is_prefilled_and_cannot_be_changed(login, requester_a, assignment):
    client = login(requester_a)
    page = client.get(reverse("network:mac_create", args=[assignment.pk]))
    assert page.context["form"]["old_mac"].value() == "3c:52:82:00:00:01"
    file_change(client, assignment, old_mac="aa:aa:aa:aa:aa:aa")
    change = MacChangeRequest.objects.get()
    assert (change.old_mac, change.new_mac, change.status) == ("3c:52:82:00:00:01", "3c:52:82:00:00:0a", "submitted")
    assert change.unit == assignment.unit


def test_admin_applies_and_the_registry_keeps_the_mac_history(login, client, requester_a, network_admin, assignment):
    file_change(login(requester_a), assignment)
    change = MacChangeRequest.objects.get()
    login(network_admin)
    assert client.get(reverse("network:mac_apply", args=[change.pk])).status_code == 405
    client.post(reverse("network:mac_apply", args=[change.pk]))
    change.refresh_from_db()
    assignment.refresh_from_db()
    assert change.status == "applied" and change.applied_at and change.decided_by == network_admin
    assert change.finished_at is None  # closes only after the technician tests MIS, Daily Plan and Internet
    assert (assignment.ip_address, assignment.mac_address, assignment.active) == ("10.50.1.30", "3c:52:82:00:00:0a",
                                                                                 True)
    event = assignment.events.get(kind="mac_changed")
    assert (event.old_mac, event.new_mac, event.by) == ("3c:52:82:00:00:01", "3c:52:82:00:00:0a", network_admin)
    page = client.get(reverse("network:registry_detail", args=[assignment.pk])).content.decode()
    assert "3c:52:82:00:00:01 → 3c:52:82:00:00:0a" in page


def test_bad_new_macs_and_files_are_refused(login, requester_a, assignment, subnet, unit_b):
    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.31", mac_address="3c:52:82:00:00:0b", unit=unit_b)
    client = login(requester_a)
    cases = [
        ({"new_mac": "3c:52:82:00:00:01"}, "new_mac", "ไม่ซ้ำกับ MAC Address เดิม"),
        ({"new_mac": "3c52.8200.000b"}, "new_mac", "ใช้งานอยู่แล้ว"),
        ({"new_mac": "01:00:5e:00:00:01"}, "new_mac", "multicast"),
        ({"new_mac": "zz"}, "new_mac", "ไม่ถูกต้อง"),
        ({"id_card": SimpleUploadedFile("card.png", b"GIF89a....", content_type="image/png")}, "id_card", "PDF, JPEG"),
        ({"id_card": SimpleUploadedFile("card.jpg", b"\xff\xd8\xff\xe0broken", content_type="image/jpeg")},
         "id_card", "อ่านไม่ได้"),
        ({"reason": ""}, "reason", ""),
    ]
    for data, field, words in cases:
        response = file_change(client, assignment, **data)
        assert response.status_code == 200
        assert words in response.context["form"].errors[field][0], data
    assert not MacChangeRequest.objects.exists()
    assert file_change(client, assignment, id_card=pdf_upload("card.pdf")).status_code == 302


def test_apply_refuses_a_mac_taken_meanwhile(login, requester_a, network_admin, assignment, subnet, unit_b):
    file_change(login(requester_a), assignment)
    change = MacChangeRequest.objects.get()
    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.31", mac_address="3c:52:82:00:00:0a", unit=unit_b)
    response = login(network_admin).post(reverse("network:mac_apply", args=[change.pk]), follow=True)
    assert "ใช้งานอยู่แล้ว" in response.content.decode()
    change.refresh_from_db()
    assignment.refresh_from_db()
    assert change.status == "submitted" and assignment.mac_address == "3c:52:82:00:00:01"


def test_id_card_is_private_and_every_view_is_logged(login, client, requester_a, requester_b, network_admin,
                                                     technician, unit_a, assignment):
    file_change(login(requester_a), assignment)
    change = MacChangeRequest.objects.get()
    url = reverse("network:mac_id_card", args=[change.pk])
    login(requester_b)
    assert client.get(url).status_code == 404
    assert client.get(reverse("network:mac_detail", args=[change.pk])).status_code == 404
    colleague = make_user("colleague", Role.REQUESTER, unit=unit_a)
    login(colleague)
    assert client.get(url).status_code == 403
    login(technician)
    assert client.get(url).status_code == 403
    assert client.post(reverse("network:mac_apply", args=[change.pk])).status_code == 403
    assert not IdCardAccess.objects.exists()
    for user in (requester_a, network_admin):
        login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert list(IdCardAccess.objects.order_by("pk").values_list("user", "mac_change")) == [
        (requester_a.pk, change.pk), (network_admin.pk, change.pk)]
    change.refresh_from_db()
    assert change.status == "submitted"


def test_return_edit_and_resubmit(login, client, requester_a, network_admin, assignment):
    file_change(login(requester_a), assignment)
    change = MacChangeRequest.objects.get()
    login(network_admin)
    client.post(reverse("network:mac_return", args=[change.pk]), {"reason": "สำเนาไม่ได้รับรอง"})
    change.refresh_from_db()
    assert change.status == "returned"
    login(requester_a)
    response = client.post(reverse("network:mac_edit", args=[change.pk]),
                           {"new_mac": "3c528200000c", "reason": "การ์ดเสีย", "id_card": pdf_upload("card.pdf")})
    assert response.status_code == 302
    change.refresh_from_db()
    assert (change.status, change.new_mac) == ("submitted", "3c:52:82:00:00:0c")
