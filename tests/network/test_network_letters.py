"""The summary letters of the IP, MAC change and account processes, issued through the outgoing register."""

import hashlib

import pytest
from django.urls import reverse

from helpdesk.correspondence.models import IssuedDocument
from tests.correspondence.conftest import norm, pdf_text
from tickets.network.models import AccountRequest, IPAssignment, MacChangeRequest

from .conftest import pdf_upload, png_upload

pytestmark = pytest.mark.django_db
PASSWORD_WORDS = ("password", "passwd", "รหัสผ่าน")


def issue(client, kind, pk, next_url=""):
    return client.post(reverse("correspondence:issue", args=[kind, pk]), {"next": next_url})


def fetch(client, document) -> bytes:
    response = client.get(reverse("correspondence:pdf", args=[document.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def closed_ip_request(login, requester_a, network_admin, technician, subnet, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    login(network_admin).post(reverse("network:ip_assign", args=[ip_request.pk]),
                              {"subnet": subnet.pk, "ip_address": "10.50.1.30"})
    login(technician).post(reverse("network:ip_checks", args=[ip_request.pk]), {
        "configuration_note": "ตั้งค่า IP คงที่", "mis_result": "passed", "daily_plan_result": "passed",
        "internet_result": "passed"})
    ip_request.refresh_from_db()
    assert ip_request.status == "closed"
    return ip_request


def test_the_ip_letter_is_issued_once_and_reprinted_byte_for_byte(login, requester_a, requester_b, technician,
                                                                  it_head, team_a, closed_ip_request):
    team_a.head = it_head
    team_a.save()
    letter_url = reverse("network:ip_letter", args=[closed_ip_request.pk])
    assert login(requester_a).get(letter_url).status_code == 404  # nothing issued yet
    draft = login(technician).get(letter_url + "?preview=1").content.decode()
    assert "(ยังไม่ออกเลข)" in draft and "10.50.1.30" in draft
    detail = reverse("network:ip_detail", args=[closed_ip_request.pk])
    assert issue(login(technician), "network_ip", closed_ip_request.pk, detail)["Location"] == detail
    document = IssuedDocument.objects.get(kind="network_ip")
    assert document.record == closed_ip_request and document.unit == closed_ip_request.unit
    assert document.signer == it_head  # the technician's team head signs
    stored = document.pdf.read()
    client = login(requester_a)
    assert fetch(client, document) == stored
    assert b"".join(client.get(letter_url).streaming_content) == stored
    assert hashlib.sha256(stored).hexdigest() == document.sha256
    text = pdf_text(stored)
    for words in ("บันทึกข้อความ", f"ที่ {document.number}", "10.50.1.30", "กท ๕๐๐๑/๑๒๓",
                  technician.get_full_name(), "ผ่าน"):
        assert norm(words) in text, words
    assert document.number in client.get(detail).content.decode()
    assert login(requester_b).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 404


@pytest.fixture
def applied_mac_change(login, requester_a, network_admin, subnet, unit_a):
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:52:82:00:00:01",
                                             unit=unit_a, device_user="สมศรี ใจดี")
    login(requester_a).post(reverse("network:mac_create", args=[assignment.pk]),
                            {"new_mac": "3C:52:82:00:00:0A", "reason": "การ์ดเครือข่ายเสีย", "id_card": png_upload()})
    change = MacChangeRequest.objects.get()
    login(network_admin).post(reverse("network:mac_apply", args=[change.pk]))
    change.refresh_from_db()
    assert change.status == "applied"
    # the letter goes out once the technician's MIS / Daily Plan / Internet tests have passed (3.2.4)
    login(network_admin).post(reverse("network:mac_checks", args=[change.pk]), {
        "configuration_note": "ตั้งค่าการ์ดใหม่", "mis_result": "passed", "daily_plan_result": "passed",
        "internet_result": "passed"})
    change.refresh_from_db()
    assert change.status == "closed"
    return change


def test_the_mac_change_letter(login, requester_a, requester_b, network_admin, applied_mac_change):
    client = login(network_admin)
    assert issue(client, "network_mac", applied_mac_change.pk).status_code == 302
    document = IssuedDocument.objects.get(kind="network_mac")
    text = pdf_text(document.pdf.read())
    for words in ("3c:52:82:00:00:01", "3c:52:82:00:00:0a", "10.50.1.30", "การ์ดเครือข่ายเสีย",
                  network_admin.get_full_name()):
        assert norm(words) in text, words
    assert fetch(login(requester_a), document) == document.pdf.open("rb").read()
    assert login(requester_b).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 404
    page = login(requester_a).get(reverse("network:mac_detail", args=[applied_mac_change.pk])).content.decode()
    assert document.number in page


def test_a_mac_letter_before_the_change_is_applied_is_refused(login, requester_a, network_admin, subnet, unit_a):
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.31", mac_address="3c:52:82:00:00:02",
                                             unit=unit_a)
    login(requester_a).post(reverse("network:mac_create", args=[assignment.pk]),
                            {"new_mac": "3C:52:82:00:00:0B", "reason": "เปลี่ยนการ์ด", "id_card": png_upload()})
    change = MacChangeRequest.objects.get()
    issue(login(network_admin), "network_mac", change.pk)
    assert not IssuedDocument.objects.exists()


def test_the_account_letter_names_the_user_id_and_never_a_password(login, client, requester_a, supervisor_a,
                                                                    network_admin, email_service, mailoutbox,
                                                                    django_capture_on_commit_callbacks):
    login(requester_a).post(reverse("network:account_request_create"), {
        "service": email_service.pk, "kind": "new", "person_name": "นายสมชาย ขยันงาน", "person_position": "นิติกร",
        "id_card": png_upload(), "mobile": "081-234-5678", "office_phone": "0 2521 0522 ต่อ 12",
        "memo_number": "กท 5001/77", "memo_date": "10/11/2569", "memo_file": pdf_upload()})
    account_request = AccountRequest.objects.get()
    login(supervisor_a).post(reverse("network:account_request_approve", args=[account_request.pk]))
    login(network_admin).post(reverse("network:account_request_complete", args=[account_request.pk]), {
        "user_id": "somchai.k", "email": "somchai.k@bangkok.go.th", "delivery_method": "sealed_document",
        "delivered_at": "2026-11-20T10:30"})
    account_request.refresh_from_db()
    assert account_request.status == "completed"
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert issue(login(network_admin), "network_account", account_request.pk).status_code == 302
    document = IssuedDocument.objects.get(kind="network_account")
    text = pdf_text(document.pdf.read())
    for words in ("somchai.k", "somchai.k@bangkok.go.th", "นายสมชาย ขยันงาน", "เอกสารลับ (ซองปิดผนึก)",
                  "กท ๕๐๐๑/๗๗"):
        assert norm(words) in text, words
    assert not [word for word in PASSWORD_WORDS if word in text.lower()]
    message = mailoutbox[-1]
    assert message.attachments and message.attachments[0][1] == document.pdf.open("rb").read()
    assert not [word for word in PASSWORD_WORDS if word in (message.subject + message.body).lower()]
