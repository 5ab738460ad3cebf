"""Data requests through the API: the pages' visibility and DataRequestForm, data_request_create, and the
PDPA rule — a file the caller may not open is listed without its name or description, and no file content
is ever served here."""


import pytest
from django.utils import timezone

from helpdesk.roles import Role
from tests.conftest import make_user
from tests.datarequests.conftest import add_file, csv_upload, deputy, make_request, officer, walk  # noqa: F401
from tickets.datarequests import services
from tickets.datarequests.models import DataFileAccess, DataRequest

BASE = "/api/v1/data-requests/"

ONLINE = {
    "organisation": "มหาวิทยาลัยราชภัฏพระนคร", "parent_agency": "กระทรวง อว.", "contact_name": "ดร.สมชาย วิจัยดี",
    "contact_phone": "02 544 8000", "contact_email": "somchai@example.ac.th",
    "purpose": "ใช้ประกอบงานวิจัย", "data_requested": "จำนวนนักเรียนรายโรงเรียน", "scope": "ปีการศึกษา 2567",
    "data_owner": "กลุ่มนโยบายและแผน", "delivery_method": "email", "delivery_detail": "somchai@example.ac.th",
}


@pytest.fixture
def unit_request(make_request, requester_a, unit_a):  # noqa: F811
    return make_request(requester_a, channel="online", unit=unit_a)


@pytest.fixture
def with_personal_file(unit_request, walk, officer):  # noqa: F811
    obj = walk(unit_request, to="preparing")
    personal = add_file(obj, officer, csv_upload("รายชื่อครูและเลขบัตร.csv"), personal=True)
    personal.description = "เลขประจำตัวประชาชนครู"
    personal.save(update_fields=["description"])
    return obj, personal


def test_list_and_detail_follow_the_pages_visibility(api_as, anonymous_api, requester_a, requester_b, it_head,
                                                      make_request, unit_request):  # noqa: F811
    letter = make_request(it_head)  # recorded from an outside letter: no unit sees it
    assert anonymous_api.get(BASE).status_code == 401
    assert [r["id"] for r in api_as(requester_a).get(BASE).json()["results"]] == [unit_request.pk]
    assert api_as(requester_a).get(f"{BASE}{letter.pk}/").status_code == 404
    assert api_as(requester_b).get(BASE).json()["results"] == []
    assert api_as(requester_b).get(f"{BASE}{unit_request.pk}/").status_code == 404
    staff_rows = api_as(it_head).get(BASE).json()["results"]
    assert {r["id"] for r in staff_rows} == {letter.pk, unit_request.pk}
    assert [r["id"] for r in api_as(it_head).get(BASE, {"channel": "online"}).json()["results"]] == [unit_request.pk]
    detail = api_as(requester_a).get(f"{BASE}{unit_request.pk}/")
    assert detail.status_code == 200 and detail["ETag"]
    assert [e["to_status"] for e in detail.json()["events"]] == ["received"]
    assert api_as(requester_a).put(f"{BASE}{unit_request.pk}/", {}, format="json").status_code == 405


def test_a_unit_files_online_through_the_pages_form_and_service(api_as, requester_a, unit_a):
    before = timezone.now()
    response = api_as(requester_a).post(BASE, ONLINE, format="json")
    assert response.status_code == 201, response.json()
    obj = DataRequest.objects.get(pk=response.json()["id"])
    assert (obj.channel, obj.unit, obj.recorded_by, obj.status) == ("online", unit_a, requester_a, "received")
    assert obj.received_at >= before and obj.due_at > obj.received_at
    assert [(e.to_status, e.by) for e in obj.events.all()] == [("received", requester_a)]
    assert response.json()["files"] == []


def test_bad_input_is_a_400_with_the_forms_thai_messages_and_nothing_saved(api_as, requester_a):
    client = api_as(requester_a)
    no_detail = client.post(BASE, {**ONLINE, "delivery_detail": ""}, format="json")
    assert no_detail.status_code == 400
    assert no_detail.json()["errors"]["delivery_detail"] == ["กรุณาระบุอีเมล ที่อยู่ หรือรายละเอียดวิธีส่งข้อมูล"]
    bad_email = client.post(BASE, {**ONLINE, "delivery_detail": "not-an-email"}, format="json")
    assert bad_email.json()["errors"]["delivery_detail"] == ["กรุณาระบุอีเมลที่ถูกต้องสำหรับส่งข้อมูล"]
    missing = client.post(BASE, {"organisation": ""}, format="json")
    assert missing.status_code == 400 and {"organisation", "purpose", "scope"} <= set(missing.json()["errors"])
    assert client.post(BASE, ["x"], format="json").status_code == 400
    assert DataRequest.objects.count() == 0


def test_who_may_file(api_as, unit_a, technician):
    stock = make_user("stock_a", Role.STOCK_OFFICER, unit=unit_a)  # in a unit but neither requester nor supervisor
    assert api_as(stock).post(BASE, ONLINE, format="json").status_code == 403
    assert api_as(make_user("nounit", Role.REQUESTER)).post(BASE, ONLINE, format="json").status_code == 403
    # ICT staff record an incoming letter, as on the page: the letter's number, date and PDF are required.
    letter = api_as(technician).post(BASE, ONLINE, format="json")
    assert letter.status_code == 400 and {"letter_number", "letter_date", "letter_scan"} <= set(
        letter.json()["errors"])
    assert DataRequest.objects.count() == 0


def test_personal_data_files_are_never_named_to_those_who_may_not_open_them(
        api_as, requester_a, executive, officer, it_head, deputy, network_admin, with_personal_file):  # noqa: F811
    obj, personal = with_personal_file
    url = f"{BASE}{obj.pk}/"
    for user in (requester_a, executive):
        response = api_as(user).get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "รายชื่อครูและเลขบัตร" not in text and "เลขประจำตัวประชาชนครู" not in text
        row = next(f for f in response.json()["files"] if f["id"] == personal.pk)
        assert row == {**row, "visible": False, "is_personal": True, "name": "", "description": "",
                       "content_type": ""}
    for user in (officer, it_head, deputy, network_admin):
        row = next(f for f in api_as(user).get(url).json()["files"] if f["id"] == personal.pk)
        assert row["visible"] is True and row["name"].startswith("รายชื่อครูและเลขบัตร")
    assert not DataFileAccess.objects.exists()  # reading the record is not opening the file


def test_a_units_plain_files_are_named_only_once_the_reply_went_out(api_as, requester_a, officer, unit_request,  # noqa: F811
                                                                    walk):  # noqa: F811
    obj = walk(unit_request, to="approved")
    url = f"{BASE}{obj.pk}/"
    [row] = api_as(requester_a).get(url).json()["files"]
    assert row["visible"] is False and row["name"] == ""
    services.data_request_send_reply(request=obj, by=officer,
                                     sent_at=timezone.now(), sent_method="email")
    [row] = api_as(requester_a).get(url).json()["files"]
    assert row["visible"] is True and row["name"]


def test_the_list_keeps_a_fixed_query_budget(api_as, it_head, requester_a, make_request,  # noqa: F811
                                             django_assert_max_num_queries):
    client = api_as(it_head)
    make_request(it_head)
    client.get(BASE)
    with django_assert_max_num_queries(6):
        client.get(BASE)
    for _ in range(10):
        make_request(it_head)
    with django_assert_max_num_queries(6):
        assert len(client.get(BASE).json()["results"]) == 11
