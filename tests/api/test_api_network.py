"""/api/v1/ip-requests/, /mac-changes/, /account-requests/: read only, the pages' visibility, no ID-card copies."""

import pytest

from tests.network.conftest import fake_pdf_upload, pdf_upload, png_upload
from tickets.network.models import AccountRequest, IPAssignment, MacChangeRequest
from tickets.network.services import account_request_create, mac_change_create


@pytest.fixture
def account_request(requester_a, unit_a, internet):
    request = AccountRequest(service=internet, kind=AccountRequest.Kind.NEW, unit=unit_a, requested_by=requester_a,
                             person_name="นายสมชาย รักงาน", person_position="นักวิชาการ", mobile="089 111 2222",
                             office_phone="02 111 2222", memo_number="กท 5001/77", memo_date="2026-11-02")
    request.memo_file.save("memo.pdf", pdf_upload(), save=False)
    request.id_card.save("card.png", png_upload(), save=False)
    return account_request_create(request=request, by=requester_a)


@pytest.fixture
def mac_change(requester_a, unit_a, subnet):
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:52:82:00:00:01",
                                             unit=unit_a, device_user="สมศรี ใจดี")
    change = MacChangeRequest(assignment=assignment, unit=unit_a, requested_by=requester_a,
                              old_mac="3c:52:82:00:00:01", new_mac="3c:52:82:00:00:0a", reason="การ์ดเสีย")
    change.id_card.save("card.png", png_upload(), save=False)
    return mac_change_create(change=change, by=requester_a)


def test_ip_requests_list_and_detail_follow_the_pages_visibility(api_as, anonymous_api, requester_a, requester_b,
                                                                  network_admin, make_ip_request, unit_a, unit_b):
    mine = make_ip_request(requester_a, unit_a)
    theirs = make_ip_request(requester_b, unit_b, mac="3c:52:82:10:00:02")
    assert anonymous_api.get("/api/v1/ip-requests/").status_code == 401
    rows = api_as(requester_a).get("/api/v1/ip-requests/").json()["results"]
    assert [row["reference"] for row in rows] == [mine.reference]
    assert api_as(requester_a).get(f"/api/v1/ip-requests/{theirs.pk}/").status_code == 404
    detail = api_as(network_admin).get(f"/api/v1/ip-requests/{theirs.pk}/").json()
    assert detail["mac_address"] == "3c:52:82:10:00:02"
    assert [event["to_status"] for event in detail["events"]] == ["submitted"]
    assert "memo_file" not in detail
    filtered = api_as(network_admin).get("/api/v1/ip-requests/", {"q": "10:00:02"}).json()["results"]
    assert [row["id"] for row in filtered] == [theirs.pk]
    assert api_as(network_admin).put(f"/api/v1/ip-requests/{theirs.pk}/", {}, format="json").status_code == 405


def test_account_requests_never_expose_id_cards_and_phones_only_to_those_allowed(
        api_as, requester_a, technician, network_admin, requester_b, account_request):
    url = f"/api/v1/account-requests/{account_request.pk}/"
    for user in (requester_a, network_admin):
        response = api_as(user).get(url)
        body = response.json()
        assert body["mobile"] == "089 111 2222"
        assert "id_card" not in response.content.decode()
    staff_view = api_as(technician).get(url).json()
    assert staff_view["mobile"] == "" and staff_view["office_phone"] == ""
    assert api_as(requester_b).get(url).status_code == 404
    assert api_as(requester_a).get("/api/v1/account-requests/").json()["results"][0]["kind"] == "new"


def test_mac_changes_without_id_cards(api_as, requester_a, requester_b, network_admin, mac_change):
    response = api_as(network_admin).get(f"/api/v1/mac-changes/{mac_change.pk}/")
    assert response.json()["new_mac"] == "3c:52:82:00:00:0a" and response.json()["assigned_ip"] == "10.50.1.30"
    assert "id_card" not in response.content.decode()
    assert api_as(requester_b).get(f"/api/v1/mac-changes/{mac_change.pk}/").status_code == 404
    assert api_as(requester_b).get("/api/v1/mac-changes/").json()["results"] == []


def test_lists_keep_a_fixed_query_budget(api_as, network_admin, requester_a, make_ip_request, unit_a,
                                         django_assert_max_num_queries):
    client = api_as(network_admin)
    make_ip_request(requester_a, unit_a)
    client.get("/api/v1/ip-requests/")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/ip-requests/")
    for i in range(10):
        make_ip_request(requester_a, unit_a, mac=f"3c:52:82:10:01:{i:02x}")
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/ip-requests/").json()["results"]) == 11


def test_the_supervisor_approves_and_returns_through_the_services(api_as, requester_a, supervisor_a, supervisor_b,
                                                                   network_admin, account_request):
    base = f"/api/v1/account-requests/{account_request.pk}"
    # The applicant may not approve their own request; another unit's supervisor does not see it.
    assert api_as(requester_a).post(f"{base}/approve/", {}, format="json").status_code == 403
    assert api_as(supervisor_b).post(f"{base}/approve/", {}, format="json").status_code == 404
    no_reason = api_as(supervisor_a).post(f"{base}/return/", {"reason": "  "}, format="json")
    assert no_reason.status_code == 400 and no_reason.json()["errors"]["reason"]
    approved = api_as(supervisor_a).post(f"{base}/approve/", {"note": "อนุมัติ"}, format="json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    account_request.refresh_from_db()
    assert account_request.approved_by == supervisor_a
    assert account_request.history.latest().history_user == supervisor_a
    assert [e.to_status for e in account_request.events.order_by("at", "pk")] == ["submitted", "approved"]
    # Approving twice is not a step of the table: 400 with the kernel's Thai message.
    again = api_as(supervisor_a).post(f"{base}/approve/", {}, format="json")
    assert again.status_code == 400 and again.json()["detail"]
    # After approval only a network admin may send it back.
    assert api_as(supervisor_a).post(f"{base}/return/", {"reason": "x"}, format="json").status_code == 403
    returned = api_as(network_admin).post(f"{base}/return/", {"reason": "แนบบันทึกไม่ครบ"}, format="json")
    assert returned.status_code == 200 and returned.json()["return_note"] == "แนบบันทึกไม่ครบ"
    cancelled = api_as(requester_a).post(f"{base}/cancel/", format="json")
    assert cancelled.status_code == 200
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.CANCELLED
    assert api_as(requester_a).get(f"{base}/approve/").status_code == 405


def test_a_unit_member_files_an_ip_request_with_the_pages_form(api_as, requester_a, unit_a, make_ip_request):
    from tickets.network.models import IPRequest

    client = api_as(requester_a)
    payload = {"device_description": "คอมพิวเตอร์ตั้งโต๊ะ", "device_user": "สมศรี ใจดี", "mac_address": "AA-BB-CC-00-11-22",
               "location": "ชั้น 2", "purpose": "ใช้ระบบ MIS", "memo_number": "กท 5001/99", "memo_date": "01/11/2569"}
    missing_pdf = client.post("/api/v1/ip-requests/", payload, format="multipart")
    assert missing_pdf.status_code == 400 and "memo_file" in missing_pdf.json()["errors"]
    fake = client.post("/api/v1/ip-requests/", {**payload, "memo_file": fake_pdf_upload()}, format="multipart")
    assert fake.status_code == 400 and "memo_file" in fake.json()["errors"]
    created = client.post("/api/v1/ip-requests/", {**payload, "memo_file": pdf_upload()}, format="multipart")
    assert created.status_code == 201, created.json()
    ip_request = IPRequest.objects.get(pk=created.json()["id"])
    assert (ip_request.unit, ip_request.requested_by, ip_request.mac_address, ip_request.status) == (
        unit_a, requester_a, "aa:bb:cc:00:11:22", "submitted")
    assert ip_request.history.latest().history_user == requester_a
    assert [e.to_status for e in ip_request.events.all()] == ["submitted"]


def test_a_user_without_a_unit_cannot_file_403(api_as, db):
    from tests.conftest import make_user

    nobody = make_user("nounit")
    assert api_as(nobody).post("/api/v1/ip-requests/", {}, format="multipart").status_code == 403
