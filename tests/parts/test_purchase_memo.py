"""The purchase request memo to procurement (000 step ๕, 003 §6.2 step 3), issued through the outgoing register."""

from decimal import Decimal

import pytest
from django.urls import reverse

from helpdesk.correspondence.models import IssuedDocument
from tests.correspondence.conftest import norm, pdf_text
from tickets.parts.services import part_request_create, part_request_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def part_request(ticket, technician, stock_officer):
    return part_request_create(ticket=ticket, by=technician, quantity=2, reason="พาวเวอร์ซัพพลายเสีย",
                               description="พาวเวอร์ซัพพลาย 450W", estimated_cost=Decimal("1200"))


def test_the_memo_is_issued_once_the_part_goes_to_procurement(login, part_request, technician, stock_officer,
                                                              it_head, team_a, ticket):
    team_a.head = it_head
    team_a.save()
    url = reverse("correspondence:issue", args=["parts_purchase", part_request.pk])
    part_request_transition(part_request=part_request, to="approved", by=stock_officer)
    login(stock_officer).post(url)
    assert not IssuedDocument.objects.exists()  # approved, not yet sent to procurement
    part_request_transition(part_request=part_request, to="procurement", by=stock_officer, note="ไม่มีในคลัง")
    page = reverse("parts:ticket_parts", args=[ticket.pk])
    assert login(stock_officer).post(url, {"next": page})["Location"] == page
    document = IssuedDocument.objects.get()
    assert (document.kind, document.form, document.record, document.unit) == (
        "parts_purchase", "memo", part_request, ticket.unit)
    assert document.signer == it_head and document.addressee == "หัวหน้าเจ้าหน้าที่พัสดุ"
    text = pdf_text(document.pdf.read())
    for words in ("บันทึกข้อความ", "พาวเวอร์ซัพพลาย 450W", "๒ ชิ้น", "๑,๒๐๐.๐๐", "๒,๔๐๐.๐๐", "พาวเวอร์ซัพพลายเสีย",
                  technician.get_full_name(), "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการจัดซื้อต่อไป"):
        assert norm(words) in text, words
    assert document.number in login(technician).get(page).content.decode()


def test_only_parts_readers_fetch_the_memo(login, part_request, stock_officer, requester_a, requester_b, executive):
    part_request_transition(part_request=part_request, to="approved", by=stock_officer)
    part_request_transition(part_request=part_request, to="procurement", by=stock_officer)
    login(stock_officer).post(reverse("correspondence:issue", args=["parts_purchase", part_request.pk]))
    document = IssuedDocument.objects.get()
    url = reverse("correspondence:pdf", args=[document.pk])
    assert login(stock_officer).get(url).status_code == 200
    assert login(executive).get(url).status_code == 200
    for outsider in (requester_a, requester_b):  # unit users do not read part requests
        assert login(outsider).get(url).status_code == 404
    issue = reverse("correspondence:issue", args=["parts_purchase", part_request.pk])
    assert login(requester_a).post(issue).status_code == 403  # their unit's record, not theirs to issue
    assert login(requester_b).post(issue).status_code == 404
    assert IssuedDocument.objects.count() == 1
