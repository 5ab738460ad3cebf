"""The agency's e-document system, through the API alone: a memo becomes a ticket, is followed and closed."""

from rest_framework.test import APIClient

from tests.network.conftest import pdf_upload
from tickets.models import Status, Ticket


def test_a_memo_ticket_is_created_followed_and_closed_through_the_api(client, technician, unit_a_child, hw):
    # The technician makes a token on their profile page (the only step in a browser).
    client.force_login(technician)
    client.post("/accounts/api-tokens/", {"name": "ระบบสารบรรณอิเล็กทรอนิกส์", "days": 90})
    secret = client.get("/accounts/api-tokens/").context["secret"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")

    created = api.post("/api/v1/tickets/", {
        "unit": unit_a_child.code, "channel": "memo", "memo_number": "กท 7001/123", "memo_date": "2569-11-20",
        "memo_scan": pdf_upload(), "requester_name": "นางสาวสุดา ใจงาม", "requester_position": "เจ้าพนักงานธุรการ",
        "requester_phone": "02 453 0000", "device_description": "คอมพิวเตอร์ตั้งโต๊ะ Lenovo", "category": hw.code,
        "symptom": "เปิดเครื่องแล้วจอฟ้า",
    }, format="multipart")
    assert created.status_code == 201, created.json()
    ticket = created.json()
    url = f"/api/v1/tickets/{ticket['id']}/"
    assert ticket["status"] == "new" and ticket["number"].startswith("25")

    # Follow it: it appears in the list, its tracking status is public by the token in its tracking URL.
    listed = api.get("/api/v1/tickets/", {"q": ticket["number"], "scope": "all"}).json()["results"]
    assert [row["id"] for row in listed] == [ticket["id"]]
    token = ticket["tracking_url"].rstrip("/").rsplit("/", 1)[-1]
    assert APIClient().get(f"/api/v1/tracking/{token}/").json()["status"] == "new"

    def move(to, **extra):
        version = api.get(url).json()["version"]
        response = api.post(url + "transition/", {"to": to, "version": version, **extra}, format="json")
        assert response.status_code == 200, response.json()
        return response.json()

    move("received", note="รับเครื่องที่จุดบริการเบ็ดเสร็จ")
    move("in_progress")
    work = api.post(url + "work/", {"cause": "ไดรเวอร์การ์ดจอเสีย", "fix": "ติดตั้งไดรเวอร์ใหม่",
                                    "time_spent_minutes": 40}, format="json")
    assert work.status_code == 200, work.json()
    move("quality_check")
    move("ready_for_pickup", note="แจ้งหน่วยงานมารับแล้ว")
    move("delivered", received_by_name="นางสาวสุดา ใจงาม")
    closed = move("closed")

    assert closed["status"] == "closed"
    assert [e["to_status"] for e in closed["timeline"] if e["kind"] == "status"] == [
        "received", "in_progress", "quality_check", "ready_for_pickup", "delivered", "closed"]
    stored = Ticket.objects.get(pk=ticket["id"])
    assert stored.status == Status.CLOSED and stored.received_by_name == "นางสาวสุดา ใจงาม"
    assert stored.closed_at and stored.delivered_at and stored.technician == technician
    assert {record.history_user for record in stored.history.all()} == {technician}
    public = APIClient().get(f"/api/v1/tracking/{token}/").json()
    assert public["status"] == "closed" and public["fix"] == "ติดตั้งไดรเวอร์ใหม่"
