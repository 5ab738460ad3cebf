"""/api/v1/tickets/: the board's filters, the ticket's access helper, the intake forms and the workflow services."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tickets.models import Channel, Status, Ticket, TicketEvent
from tickets.services import ticket_add_note, ticket_transition

LIST = "/api/v1/tickets/"


def detail_url(ticket) -> str:
    return f"/api/v1/tickets/{ticket.pk}/"


def png_upload(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def ticket_a(make_ticket, unit_a, hw, requester_a):
    return make_ticket(unit_a, hw, requester=requester_a)


@pytest.fixture
def ticket_b(make_ticket, unit_b, hw, requester_b):
    return make_ticket(unit_b, hw, requester=requester_b)


# --- authentication ---------------------------------------------------------------------------------------------


def test_it_answers_401_in_thai_without_credentials(anonymous_api, ticket_a):
    response = anonymous_api.get(LIST)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["code"] == "not_authenticated"
    assert "โทเคน" in response.json()["detail"]


def test_it_accepts_the_browser_session(client, requester_a, ticket_a):
    client.force_login(requester_a)
    response = client.get(LIST)
    assert response.status_code == 200
    assert [row["number"] for row in response.json()["results"]] == [ticket_a.number]


# --- list -------------------------------------------------------------------------------------------------------


def test_requester_lists_only_their_units_tickets(api_as, requester_a, ticket_a, ticket_b):
    response = api_as(requester_a).get(LIST)
    assert response.status_code == 200
    body = response.json()
    assert [row["number"] for row in body["results"]] == [ticket_a.number]
    assert body["results"][0]["unit"]["code"] == "50100"
    assert body["results"][0]["status_label"] == "รับแจ้ง"


def test_list_uses_the_boards_filters_and_search(api_as, technician, make_ticket, unit_a, hw, sw, requester_a):
    printer = make_ticket(unit_a, hw, requester=requester_a, symptom="กระดาษติดบ่อย")
    make_ticket(unit_a, sw, requester=requester_a, symptom="วินโดวส์ค้าง")
    ticket_transition(ticket=printer, to=Status.RECEIVED, by=technician)
    client = api_as(technician)
    assert [r["number"] for r in client.get(LIST, {"q": "กระดาษ"}).json()["results"]] == [printer.number]
    assert [r["number"] for r in client.get(LIST, {"status": "received"}).json()["results"]] == [printer.number]
    assert [r["number"] for r in client.get(LIST, {"category": "software"}).json()["results"]] != [printer.number]
    # An unknown filter value is ignored, as on the board (an allowlist, never passed to the ORM as is).
    assert len(client.get(LIST, {"status": "drop table", "sort": "-pk;"}).json()["results"]) == 2


def test_list_pages_by_cursor(api_as, technician, make_ticket, unit_a, hw, requester_a):
    numbers = {make_ticket(unit_a, hw, requester=requester_a, symptom=f"อาการ {i}").number for i in range(5)}
    client = api_as(technician)
    first = client.get(LIST, {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"]
    seen = [r["number"] for r in first["results"]]
    url = first["next"]
    while url:
        page = client.get(url).json()
        seen += [r["number"] for r in page["results"]]
        url = page["next"]
    assert sorted(seen) == sorted(numbers) and len(seen) == 5


def test_list_keeps_a_fixed_query_budget(api_as, technician, make_ticket, unit_a, hw, requester_a,
                                         django_assert_max_num_queries):
    client = api_as(technician)
    make_ticket(unit_a, hw, requester=requester_a)
    client.get(LIST)  # token's last-use stamp written once
    with django_assert_max_num_queries(7):
        assert len(client.get(LIST).json()["results"]) == 1
    for i in range(20):
        make_ticket(unit_a, hw, requester=requester_a, symptom=f"อาการ {i}")
    with django_assert_max_num_queries(7):
        assert len(client.get(LIST).json()["results"]) == 21


# --- detail -----------------------------------------------------------------------------------------------------


def test_detail_shows_the_timeline_without_internal_notes_to_the_unit(api_as, requester_a, technician, ticket_a):
    ticket_add_note(ticket=ticket_a, by=technician, note="รหัสผ่าน BIOS คือ 1234", is_internal=True)
    ticket_add_note(ticket=ticket_a, by=technician, note="รับเครื่องพรุ่งนี้", is_internal=False)
    body = api_as(requester_a).get(detail_url(ticket_a)).json()
    notes = [event["note"] for event in body["timeline"]]
    assert "รับเครื่องพรุ่งนี้" in notes and "รหัสผ่าน BIOS คือ 1234" not in notes
    assert body["can_act"] is False and body["allowed_transitions"] == []
    staff = api_as(technician).get(detail_url(ticket_a)).json()
    assert "รหัสผ่าน BIOS คือ 1234" in [event["note"] for event in staff["timeline"]]
    assert staff["allowed_transitions"] == ["received", "in_progress", "cancelled"]


def test_detail_of_another_units_ticket_is_404(api_as, requester_b, ticket_a):
    response = api_as(requester_b).get(detail_url(ticket_a))
    assert response.status_code == 404
    assert response.json() == {"detail": "ไม่พบข้อมูล หรือท่านไม่มีสิทธิ์เข้าถึง", "code": "not_found"}


def test_detail_answers_304_to_a_matching_etag(api_as, technician, ticket_a):
    client = api_as(technician)
    first = client.get(detail_url(ticket_a))
    etag = first["ETag"]
    assert etag.startswith('"') and "Authorization" in first["Vary"]
    again = client.get(detail_url(ticket_a), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    ticket_transition(ticket=ticket_a, to=Status.RECEIVED, by=technician)
    changed = client.get(detail_url(ticket_a), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_detail_refuses_put_with_405(api_as, technician, ticket_a):
    response = api_as(technician).put(detail_url(ticket_a), {"symptom": "x"}, format="json")
    assert response.status_code == 405
    assert "PUT" in response.json()["detail"]


# --- create -----------------------------------------------------------------------------------------------------


def test_requester_files_a_ticket_for_their_own_unit(api_as, requester_a, unit_a, asset_a):
    response = api_as(requester_a).post(LIST, {
        "asset_number": asset_a.asset_number, "category": "hw-computer", "symptom": "เปิดไม่ติด มีเสียงบี๊บ",
        "requester_phone": "02 123 4567",
    }, format="json")
    assert response.status_code == 201, response.json()
    ticket = Ticket.objects.get(pk=response.json()["id"])
    assert (ticket.unit, ticket.requester, ticket.asset, ticket.channel) == (unit_a, requester_a, asset_a, Channel.WEB)
    assert ticket.events.filter(kind=TicketEvent.Kind.CREATED, actor=requester_a).exists()
    assert ticket.history.latest().history_user == requester_a
    assert response["Content-Type"] == "application/json"


def test_requester_cannot_file_on_behalf_of_a_unit(api_as, requester_a, unit_b):
    response = api_as(requester_a).post(LIST, {
        "unit": unit_b.code, "channel": "memo", "requester_name": "x", "device_description": "พีซี",
        "category": "hw-computer", "symptom": "เสีย", "requester_phone": "1",
    }, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == "ท่านไม่มีสิทธิ์ดำเนินการนี้"
    assert not Ticket.objects.exists()


def test_bad_input_is_400_with_thai_field_messages(api_as, requester_a):
    response = api_as(requester_a).post(LIST, {"category": "no-such", "requester_phone": ""}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert {"category", "symptom", "requester_phone", "device_description"} <= set(body["errors"])
    assert "กรุณาระบุเลขครุภัณฑ์" in body["errors"]["device_description"][0]
    assert not Ticket.objects.exists()


def test_malformed_json_is_400(api_as, requester_a):
    response = api_as(requester_a).post(LIST, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_desk_records_a_memo_ticket_with_scan_and_photo(api_as, technician, unit_b):
    from tests.network.conftest import pdf_upload

    response = api_as(technician).post(LIST, {
        "unit": unit_b.code, "channel": "memo", "memo_number": "กท 7001/55", "memo_date": "15/11/2569",
        "memo_scan": pdf_upload(), "photos": [png_upload()], "requester_name": "นายสมชาย ดีงาม",
        "requester_phone": "02 555 0000", "device_description": "เครื่องพิมพ์ Canon", "category": "hw-printer",
        "symptom": "กระดาษติด",
    }, format="multipart")
    assert response.status_code == 201, response.json()
    ticket = Ticket.objects.get(pk=response.json()["id"])
    assert (ticket.unit, ticket.channel, ticket.memo_number, str(ticket.memo_date)) == (
        unit_b, Channel.MEMO, "กท 7001/55", "2026-11-15")
    assert ticket.requester is None and ticket.created_by == technician and ticket.memo_scan
    kinds = [item["kind"] for item in response.json()["attachments"]]
    assert kinds == ["photo", "memo"]


def test_memo_ticket_needs_memo_number_and_date(api_as, technician, unit_b):
    response = api_as(technician).post(LIST, {
        "unit_id": unit_b.pk, "channel": "memo", "requester_name": "x", "requester_phone": "1",
        "device_description": "พีซี", "category": "hw-computer", "symptom": "เสีย",
    }, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["memo_number"] == ["กรุณาระบุเลขที่หนังสือ"]


# --- transitions and work ---------------------------------------------------------------------------------------


def transition_url(ticket) -> str:
    return reverse("api_v1:ticket-transition", args=[ticket.pk])


def test_technician_moves_a_ticket_and_history_names_the_token_owner(api_as, technician, ticket_a):
    response = api_as(technician).post(transition_url(ticket_a), {"to": "received", "note": "รับเครื่องแล้ว"},
                                       format="json")
    assert response.status_code == 200, response.json()
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.RECEIVED and ticket_a.received_at is not None
    event = ticket_a.events.get(kind=TicketEvent.Kind.STATUS)
    assert (event.actor, event.from_status, event.to_status, event.note) == (technician, "new", "received",
                                                                             "รับเครื่องแล้ว")
    assert ticket_a.history.latest().history_user == technician
    assert response.json()["status"] == "received"


def test_illegal_transition_is_400_with_the_services_thai_message(api_as, technician, ticket_a):
    response = api_as(technician).post(transition_url(ticket_a), {"to": "delivered"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "transition"
    assert body["detail"] == "ไม่สามารถเปลี่ยนสถานะจาก “รับแจ้ง” เป็น “ส่งมอบแล้ว” ได้"
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.NEW


def test_unknown_status_is_400(api_as, technician, ticket_a):
    response = api_as(technician).post(transition_url(ticket_a), {"to": "fixed"}, format="json")
    assert response.status_code == 400 and "to" in response.json()["errors"]


def test_field_for_another_status_is_400(api_as, technician, ticket_a):
    response = api_as(technician).post(transition_url(ticket_a), {"to": "received", "received_by_name": "x"},
                                       format="json")
    assert response.status_code == 400 and "received_by_name" in response.json()["errors"]


def test_stale_version_is_409(api_as, technician, ticket_a):
    response = api_as(technician).post(transition_url(ticket_a), {"to": "received", "version": ticket_a.version - 1
                                                                  if ticket_a.version > 1 else 99}, format="json")
    assert response.status_code == 409
    assert "ถูกแก้ไขโดยผู้อื่นแล้ว" in response.json()["detail"]


def test_requester_may_not_move_their_ticket_403(api_as, requester_a, ticket_a):
    response = api_as(requester_a).post(transition_url(ticket_a), {"to": "received"}, format="json")
    assert response.status_code == 403
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.NEW


def test_technician_of_another_team_gets_403(api_as, technician_b, ticket_a):
    assert api_as(technician_b).post(transition_url(ticket_a), {"to": "received"}, format="json").status_code == 403


def test_other_units_requester_gets_404(api_as, requester_b, ticket_a):
    assert api_as(requester_b).post(transition_url(ticket_a), {"to": "received"}, format="json").status_code == 404


def test_transition_refuses_get_with_405(api_as, technician, ticket_a):
    assert api_as(technician).get(transition_url(ticket_a)).status_code == 405


def test_work_record_saves_only_the_fields_sent(api_as, technician, ticket_a):
    ticket_transition(ticket=ticket_a, to=Status.IN_PROGRESS, by=technician)
    client = api_as(technician)
    url = reverse("api_v1:ticket-work", args=[ticket_a.pk])
    response = client.post(url, {"cause": "พาวเวอร์ซัพพลายเสีย", "time_spent_minutes": 45}, format="json")
    assert response.status_code == 200, response.json()
    ticket_a.refresh_from_db()
    assert (ticket_a.cause, ticket_a.time_spent_minutes, ticket_a.fix) == ("พาวเวอร์ซัพพลายเสีย", 45, "")
    assert ticket_a.events.filter(kind=TicketEvent.Kind.WORK, actor=technician).exists()
    too_long = client.post(url, {"time_spent_minutes": 60 * 24 * 365}, format="json")
    assert too_long.status_code == 400 and too_long.json()["errors"]["time_spent_minutes"] == ["เวลาที่ใช้มากเกินไป"]


def test_notes_are_added_by_staff_and_refused_to_requesters(api_as, technician, requester_a, ticket_a):
    url = reverse("api_v1:ticket-notes", args=[ticket_a.pk])
    response = api_as(technician).post(url, {"note": "โทรนัดรับเครื่องแล้ว", "is_internal": False}, format="json")
    assert response.status_code == 201
    assert ticket_a.events.filter(kind=TicketEvent.Kind.NOTE, note="โทรนัดรับเครื่องแล้ว", is_internal=False).exists()
    assert api_as(requester_a).post(url, {"note": "x"}, format="json").status_code == 403
    assert api_as(technician).post(url, {"note": ""}, format="json").status_code == 400


def test_assign_without_technician_takes_the_job(api_as, technician, requester_a, requester_b, ticket_a):
    url = reverse("api_v1:ticket-assign", args=[ticket_a.pk])
    assert api_as(requester_a).post(url, {}, format="json").status_code == 403
    assert api_as(requester_b).post(url, {}, format="json").status_code == 404
    not_a_technician = api_as(technician).post(url, {"technician": requester_a.pk}, format="json")
    assert not_a_technician.status_code == 400
    assert not_a_technician.json()["detail"] == "ผู้ที่เลือกไม่ใช่เจ้าหน้าที่ผู้ให้บริการ"
    assert api_as(technician).post(url, {"technician": "x"}, format="json").status_code == 400
    response = api_as(technician).post(url, {}, format="json")
    assert response.status_code == 200
    ticket_a.refresh_from_db()
    assert ticket_a.technician == technician
    assert ticket_a.events.filter(kind=TicketEvent.Kind.ASSIGNED, actor=technician).exists()


def test_at_vendor_is_offered_only_with_vendor_support(api_as, technician, make_ticket, unit_a, hw, requester_a,
                                                        asset_a):
    import datetime as dt

    from django.utils import timezone

    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    client = api_as(technician)
    assert "at_vendor" not in client.get(detail_url(ticket)).json()["allowed_transitions"]
    asset_a.warranty_end = timezone.localdate() + dt.timedelta(days=100)
    asset_a.save()
    assert "at_vendor" in client.get(detail_url(ticket)).json()["allowed_transitions"]


def test_requester_withdraws_a_new_request(api_as, requester_a, requester_b, ticket_a):
    url = reverse("api_v1:ticket-withdraw", args=[ticket_a.pk])
    assert api_as(requester_b).post(url, {"reason": "x"}, format="json").status_code == 404
    assert api_as(requester_a).post(url, {}, format="json").status_code == 400
    response = api_as(requester_a).post(url, {"reason": "ซ่อมเองได้แล้ว"}, format="json")
    assert response.status_code == 200
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.CANCELLED


# --- attachments ------------------------------------------------------------------------------------------------


def test_attachments_list_and_download_go_through_the_access_helper(api_as, make_ticket, unit_a, hw, requester_a,
                                                                    requester_b):
    from tickets.uploads import validate_image

    upload = png_upload()
    ticket = make_ticket(unit_a, hw, requester=requester_a, photos=[(upload, validate_image(upload))])
    client = api_as(requester_a)
    items = client.get(reverse("api_v1:ticket-attachments", args=[ticket.pk])).json()
    assert [item["kind"] for item in items] == ["photo"]
    download = client.get(items[0]["url"])
    assert download.status_code == 200 and download["Content-Type"] == "image/png"
    assert download["Content-Disposition"].startswith("attachment")
    assert api_as(requester_b).get(items[0]["url"]).status_code == 404
    assert client.get(reverse("api_v1:ticket-memo", args=[ticket.pk])).status_code == 404


def test_detail_keeps_a_fixed_query_budget(api_as, technician, ticket_a, django_assert_max_num_queries):
    client = api_as(technician)
    client.get(detail_url(ticket_a))
    with django_assert_max_num_queries(8):
        client.get(detail_url(ticket_a))
    for i in range(15):
        ticket_add_note(ticket=ticket_a, by=technician, note=f"บันทึก {i}")
    with django_assert_max_num_queries(8):
        assert len(client.get(detail_url(ticket_a)).json()["timeline"]) == 16


def test_a_large_memo_scan_is_taken_from_a_temporary_file(api_as, technician, unit_a_child, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # any upload above 1 KB goes to a temporary file
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n" + b"%" + b"x" * 20_000 + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    response = api_as(technician).post(LIST, {
        "unit": unit_a_child.code, "channel": "memo", "memo_number": "กท 1/2", "memo_date": "01/11/2569",
        "memo_scan": SimpleUploadedFile("memo.pdf", pdf, content_type="application/pdf"),
        "requester_name": "ก", "requester_phone": "1", "device_description": "พีซี", "category": "hw-computer",
        "symptom": "เสีย",
    }, format="multipart")
    assert response.status_code == 201, response.json()
    assert Ticket.objects.get(pk=response.json()["id"]).memo_scan.size == len(pdf)
