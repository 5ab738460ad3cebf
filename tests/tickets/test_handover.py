"""Hand-over at delivery (000 §1.1 step ๑๑): the requester confirms receipt (name, position, time, works yes/no +
note) or staff record the signed paper receipt; "does not work" re-opens the job as a 30-day guarantee claim."""

import pytest
from django.urls import reverse

from tickets.models import HandOver, Status, Ticket

pytestmark = pytest.mark.django_db

WORKS = {"receiver_name": "สมศรี ใจดี", "receiver_position": "นักวิชาการ", "works": "yes", "note": ""}


@pytest.fixture
def delivered(make_ticket, deliver, unit_a, hw, technician, requester_a, asset_a):
    return deliver(make_ticket(unit_a, hw, requester=requester_a, asset=asset_a), technician)


def test_requester_confirms_on_their_phone_that_it_works(login, client, delivered, requester_a):
    login(requester_a)
    page = client.get(reverse("tickets:detail", args=[delivered.pk])).content.decode()
    assert 'id="handover-confirm"' in page and 'id="handover-paper"' not in page
    form = client.get(reverse("tickets:handover", args=[delivered.pk]), HTTP_USER_AGENT="iPhone").content.decode()
    assert "นายรับ เครื่อง" in form  # prefilled with the name recorded at delivery
    response = client.post(reverse("tickets:handover", args=[delivered.pk]), WORKS)
    assert response.status_code == 302
    handover = HandOver.objects.get(ticket=delivered)
    assert (handover.method, handover.works, handover.recorded_by, handover.receiver_position) == (
        "app", True, requester_a, "นักวิชาการ")
    assert handover.received_at and handover.reopened_as is None
    assert Ticket.objects.count() == 1
    page = client.get(reverse("tickets:detail", args=[delivered.pk])).content.decode()
    assert 'id="handover-confirm"' not in page and "ใช้งานได้ตามปกติ" in page
    # once only
    client.post(reverse("tickets:handover", args=[delivered.pk]), {**WORKS, "receiver_name": "คนอื่น"})
    assert HandOver.objects.get(ticket=delivered).receiver_name == "สมศรี ใจดี"


def test_does_not_work_reopens_as_a_guarantee_claim(login, client, delivered, technician, asset_a):
    login(technician)  # on the technician's device, filled in by the receiver
    response = client.post(reverse("tickets:handover", args=[delivered.pk]),
                           {**WORKS, "works": "no", "note": "เปิดเครื่องแล้วดับเองหลัง 5 นาที"})
    assert response.status_code == 302
    handover = HandOver.objects.get(ticket=delivered)
    claim = handover.reopened_as
    assert handover.works is False and claim is not None
    assert (claim.guarantee_of, claim.asset, claim.category, claim.status) == (
        delivered, asset_a, delivered.category, Status.NEW)
    assert claim.service_mode == "on_site" and "เปิดเครื่องแล้วดับเองหลัง 5 นาที" in claim.symptom
    delivered.refresh_from_db()
    assert delivered.status == Status.DELIVERED
    assert delivered.events.filter(kind="guarantee", note__contains=claim.number).exists()


def test_a_device_outside_the_register_is_linked_too(login, client, make_ticket, deliver, unit_a, hw, technician,
                                                     requester_a):
    ticket = deliver(make_ticket(unit_a, hw, requester=requester_a), technician)
    login(requester_a).post(reverse("tickets:handover", args=[ticket.pk]),
                            {**WORKS, "works": "no", "note": "พิมพ์ไม่ออก"})
    claim = HandOver.objects.get(ticket=ticket).reopened_as
    assert claim.guarantee_of == ticket and claim.asset is None


def test_staff_record_the_signed_paper_receipt(login, client, delivered, technician, requester_a):
    login(technician)
    assert 'id="handover-paper"' in client.get(reverse("tickets:detail", args=[delivered.pk])).content.decode()
    response = client.post(reverse("tickets:handover", args=[delivered.pk]) + "?paper=1", {
        **WORKS, "method": "paper", "signed_on": "32/13/2569"})
    assert response.status_code == 200 and not HandOver.objects.exists()
    client.post(reverse("tickets:handover", args=[delivered.pk]),
                {**WORKS, "method": "paper", "signed_on": "01/01/2569"})
    handover = HandOver.objects.get()
    assert (handover.method, handover.recorded_by) == ("paper", technician)
    assert handover.received_at.date().isoformat() == "2026-01-01"


def test_bad_input_is_re_rendered_in_thai(login, client, delivered, requester_a):
    login(requester_a)
    response = client.post(reverse("tickets:handover", args=[delivered.pk]), {**WORKS, "works": "no"})
    assert response.status_code == 200
    assert "กรุณาระบุอาการที่ยังใช้งานไม่ได้" in response.content.decode()
    response = client.post(reverse("tickets:handover", args=[delivered.pk]), {"receiver_name": "ก"})
    assert "กรุณาเลือกผลการใช้งาน" in response.content.decode()
    assert not HandOver.objects.exists()


def test_permissions_other_unit_wrong_state_and_method(login, client, delivered, requester_a, requester_b,
                                                       make_ticket, unit_a, hw, technician, technician_b):
    login(requester_a)
    assert client.post(reverse("tickets:handover", args=[delivered.pk]) + "?paper=1",
                       {**WORKS, "method": "paper", "signed_on": "01/01/2569"}).status_code == 403
    assert client.put(reverse("tickets:handover", args=[delivered.pk])).status_code == 405
    login(requester_b)
    assert client.post(reverse("tickets:handover", args=[delivered.pk]), WORKS).status_code == 404
    login(technician_b)  # another team's technician: may read, not act
    assert client.post(reverse("tickets:handover", args=[delivered.pk]), WORKS).status_code == 403
    open_ticket = make_ticket(unit_a, hw, requester=requester_a, device_description="จอภาพ")
    login(requester_a)
    response = client.post(reverse("tickets:handover", args=[open_ticket.pk]), WORKS, follow=True)
    assert "ยืนยันการรับมอบได้ครั้งเดียว เฉพาะงานที่ส่งมอบแล้ว" in response.content.decode()
    assert not HandOver.objects.exists()
