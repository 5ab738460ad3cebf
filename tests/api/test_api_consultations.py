"""The consultation log through the API: desk staff only (like the pages), recording through the quick form
and services.consultation_record."""

from tests.consultations.conftest import make_consultation  # noqa: F401
from tests.tickets.conftest import category
from tickets.consultations.models import Consultation

BASE = "/api/v1/consultations/"


def test_staff_list_and_read_others_get_403(api_as, anonymous_api, technician, it_head, requester_a, supervisor_a,
                                            executive, make_consultation):  # noqa: F811
    solved = make_consultation("ลืมรหัสผ่านอีเมล")
    open_one = make_consultation("เครื่องพิมพ์ไม่ออก", solved=False, answer="")
    assert anonymous_api.get(BASE).status_code == 401
    for user in (requester_a, supervisor_a, executive):
        client = api_as(user)
        assert client.get(BASE).status_code == 403
        assert client.get(f"{BASE}{solved.pk}/").status_code == 403
        assert client.post(BASE, {}, format="json").status_code == 403
    rows = api_as(technician).get(BASE).json()["results"]
    assert [r["question"] for r in rows] == ["เครื่องพิมพ์ไม่ออก", "ลืมรหัสผ่านอีเมล"]
    assert [r["id"] for r in api_as(it_head).get(BASE, {"show": "unsolved"}).json()["results"]] == [open_one.pk]
    detail = api_as(it_head).get(f"{BASE}{solved.pk}/")
    assert detail.status_code == 200 and detail["ETag"] and detail.json()["recorded_by"] == "วีระ ช่างซ่อม"
    assert api_as(it_head).get(f"{BASE}999999/").status_code == 404
    assert api_as(it_head).patch(f"{BASE}{solved.pk}/", {"answer": "x"}, format="json").status_code == 405


def test_staff_record_a_consultation_through_the_form_and_service(api_as, technician, unit_b, db):
    printer = category("hw-printer")
    response = api_as(technician).post(BASE, {
        "unit": unit_b.pk, "caller_name": " คุณมาลี ", "caller_phone": "02 111 2222", "channel": "line",
        "question": "สแกนเอกสารไม่ได้", "answer": "ติดตั้งไดรเวอร์ใหม่", "category": printer.pk, "minutes": 7,
        "solved": True,
    }, format="json")
    assert response.status_code == 201, response.json()
    obj = Consultation.objects.get(pk=response.json()["id"])
    assert (obj.unit, obj.caller_name, obj.channel, obj.category, obj.minutes, obj.solved, obj.recorded_by) == (
        unit_b, "คุณมาลี", "line", printer, 7, True, technician)
    assert response.json()["category"] == printer.code


def test_bad_input_is_a_400_with_the_forms_thai_messages(api_as, technician, unit_a):
    client = api_as(technician)
    empty = client.post(BASE, {}, format="json")
    assert empty.status_code == 400
    errors = empty.json()["errors"]
    assert errors["unit"] == ["กรุณาเลือกหน่วยงาน"] and errors["caller_name"] == ["กรุณาระบุชื่อผู้ติดต่อ"]
    assert errors["minutes"] == ["กรุณาระบุเวลาที่ใช้ (นาที)"]
    no_answer = client.post(BASE, {"unit": unit_a.pk, "caller_name": "ก", "question": "ถาม", "minutes": 3,
                                   "solved": True}, format="json")
    assert no_answer.json()["errors"]["answer"] == ["กรุณาบันทึกคำตอบที่ให้ไป (หรือยกเลิกเครื่องหมาย “แก้ไขได้ทันที”)"]
    too_long = client.post(BASE, {"unit": unit_a.pk, "caller_name": "ก", "question": "ถาม", "minutes": 999},
                           format="json")
    assert too_long.json()["errors"]["minutes"] == ["เวลาที่ใช้ต้องไม่เกิน 480 นาที"]
    assert Consultation.objects.count() == 0


def test_the_list_keeps_a_fixed_query_budget(api_as, technician, make_consultation,  # noqa: F811
                                             django_assert_max_num_queries):
    client = api_as(technician)
    make_consultation("คำถาม 0")
    client.get(BASE)
    with django_assert_max_num_queries(6):
        client.get(BASE)
    for i in range(1, 12):
        make_consultation(f"คำถาม {i}")
    with django_assert_max_num_queries(6):
        assert len(client.get(BASE).json()["results"]) == 12
