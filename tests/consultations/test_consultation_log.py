"""The quick path (003 §6.1): a question answered on the spot is recorded in seconds, counted, and turned into a
repair ticket only when it was not solved."""

import pytest

from tickets.consultations.models import Consultation
from tickets.models import Channel, Ticket


def _quick(for_unit, **overrides):
    data = {"unit": for_unit.pk, "caller_name": "คุณวิชัย", "caller_phone": "0 2521 0522", "channel": "phone",
            "question": "เปิด Excel แล้วค้าง", "answer": "ให้เปิดใน Safe Mode", "category": "", "topic": "",
            "minutes": "4", "solved": "on"}
    data.update(overrides)
    return data


def test_a_technician_records_a_consultation_in_one_post(client, technician, unit_a):
    client.force_login(technician)
    response = client.post("/consultations/new/", _quick(unit_a))
    assert response.status_code == 302 and response["Location"] == "/consultations/"
    c = Consultation.objects.get()
    assert (c.unit, c.caller_name, c.question, c.answer, c.minutes, c.solved, c.recorded_by, c.ticket) == (
        unit_a, "คุณวิชัย", "เปิด Excel แล้วค้าง", "ให้เปิดใน Safe Mode", 4, True, technician, None)
    assert not Ticket.objects.exists()  # no device invented, no repair chain walked


def test_bad_input_re_renders_with_thai_messages_and_keeps_the_text(client, technician, unit_a):
    client.force_login(technician)
    response = client.post("/consultations/new/", _quick(unit_a, unit="", minutes="0", answer=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "กรุณาเลือกหน่วยงาน" in page and "เวลาที่ใช้ต้องอย่างน้อย 1 นาที" in page
    assert "กรุณาบันทึกคำตอบที่ให้ไป" in page
    assert "เปิด Excel แล้วค้าง" in page
    assert not Consultation.objects.exists()


def test_unit_users_may_not_use_the_log_and_get_does_not_record(client, requester_a, technician, unit_a,
                                                              make_consultation):
    c = make_consultation()
    client.force_login(requester_a)
    assert client.get("/consultations/").status_code == 403
    assert client.post("/consultations/new/", _quick(unit_a)).status_code == 403
    assert client.get(f"/consultations/{c.pk}/").status_code == 403
    assert client.post(f"/consultations/{c.pk}/ticket/", {}).status_code == 403
    client.force_login(technician)
    assert client.get("/consultations/new/").status_code == 405
    assert client.get("/consultations/999999/").status_code == 404
    assert Consultation.objects.count() == 1


def test_an_unsolved_consultation_becomes_a_repair_ticket_once(client, technician, unit_a, printer,
                                                             make_consultation):
    c = make_consultation("อินเทอร์เน็ตใช้ไม่ได้ทั้งชั้น", solved=False, answer="")
    client.force_login(technician)
    response = client.post(f"/consultations/{c.pk}/ticket/", {"category": "", "device_description": ""})
    assert response.status_code == 400 and "กรุณาเลือกหมวดปัญหา" in response.content.decode()
    response = client.post(f"/consultations/{c.pk}/ticket/",
                           {"category": printer.pk, "device_description": "เครื่องพิมพ์ HP ชั้น 3"})
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response["Location"] == ticket.get_absolute_url()
    assert (ticket.unit, ticket.channel, ticket.category, ticket.requester_name) == (
        unit_a, Channel.PHONE, printer, "คุณสมศรี")
    assert "อินเทอร์เน็ตใช้ไม่ได้ทั้งชั้น" in ticket.symptom
    c.refresh_from_db()
    assert c.ticket == ticket and not c.solved
    response = client.post(f"/consultations/{c.pk}/ticket/",
                           {"category": printer.pk, "device_description": "อีกเครื่อง"})
    assert response.status_code == 400 and "เปิดใบแจ้งซ่อมแล้ว" in response.content.decode()
    assert Ticket.objects.count() == 1


def test_the_log_keeps_a_fixed_number_of_queries(client, technician, make_consultation,
                                                django_assert_max_num_queries):
    for index in range(3):
        make_consultation(f"คำถาม {index}")
    client.force_login(technician)
    client.get("/consultations/")
    with django_assert_max_num_queries(40) as few:
        client.get("/consultations/")
    for index in range(3, 40):
        make_consultation(f"คำถาม {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/consultations/")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/consultations/?show=ungrouped&page=2")


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("field", ["caller_name", "caller_phone", "question", "answer"])
def test_html_in_every_field_stays_inert(field, client, technician, unit_a):
    client.force_login(technician)
    client.post("/consultations/new/", _quick(unit_a, **{field: HOSTILE[:50]}))
    c = Consultation.objects.get()
    for url in ("/consultations/", f"/consultations/{c.pk}/"):
        page = client.get(url).content.decode()
        assert "<script>alert(1)" not in page and "<img src=x" not in page
