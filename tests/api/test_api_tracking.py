"""/api/v1/tracking/<token>/: the public tracking page's fields, no login, no personal data."""

from rest_framework.test import APIClient

from tickets.models import Status
from tickets.services import ticket_add_note, ticket_record_work, ticket_transition


def test_it_shows_the_pages_fields_without_personal_data(make_ticket, unit_a, hw, requester_a, technician, asset_a):
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a, requester_phone="081 999 8888")
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician, note="เริ่มซ่อม")
    ticket_add_note(ticket=ticket, by=technician, note="ภายใน: รหัสผ่านผู้ใช้ 1234", is_internal=True)
    ticket_record_work(ticket=ticket, by=technician, cause="ฮาร์ดดิสก์เสีย", fix="เปลี่ยนฮาร์ดดิสก์",
                       internal_notes="ลูกค้าบ่น")
    response = APIClient().get(f"/api/v1/tracking/{ticket.tracking_token}/")
    assert response.status_code == 200
    body = response.json()
    assert body["number"] == ticket.number and body["status"] == "in_progress"
    assert body["device"].startswith(asset_a.asset_number) and body["team"] == "ฝ่ายบริการ ๑"
    assert body["technician"] == "วีระ ช่างซ่อม"
    assert body["cause"] == "" and body["fix"] == ""  # shown only once resolved, like the page
    assert [event["label"] for event in body["timeline"]] == ["รับแจ้ง", "กำลังดำเนินการ"]
    text = response.content.decode()
    for private in ("081 999 8888", "สมศรี", "รหัสผ่าน", "ลูกค้าบ่น", requester_a.email):
        assert private not in text
    assert "ETag" in response


def test_a_resolved_ticket_shows_cause_and_fix(make_ticket, unit_a, hw, requester_a, technician):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    ticket_record_work(ticket=ticket, by=technician, cause="สายไฟหลวม", fix="เสียบสายใหม่", time_spent_minutes=20)
    ticket_transition(ticket=ticket, to=Status.QUALITY_CHECK, by=technician)
    body = APIClient().get(f"/api/v1/tracking/{ticket.tracking_token}/").json()
    assert (body["cause"], body["fix"], body["time_spent"]) == ("สายไฟหลวม", "เสียบสายใหม่", "20 นาที")


def test_an_unknown_token_is_404_and_writes_are_405(make_ticket, unit_a, hw, requester_a):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    client = APIClient()
    assert client.get("/api/v1/tracking/not-a-token/").status_code == 404
    assert client.get(f"/api/v1/tracking/{ticket.pk}/").status_code == 404
    assert client.post(f"/api/v1/tracking/{ticket.tracking_token}/", {}).status_code == 405


def test_it_is_rate_limited_per_address_like_the_page(settings, make_ticket, unit_a, hw, requester_a):
    settings.TRACKING_RATE_LIMIT = "2/m"
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    client = APIClient()
    codes = [client.get(f"/api/v1/tracking/{ticket.tracking_token}/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
