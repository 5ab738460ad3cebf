"""The disposal proposal to the stock officer for an asset that cannot be repaired, from the unrepairable ticket."""

import pytest
from django.urls import reverse

from helpdesk.correspondence.models import IssuedDocument
from tests.correspondence.conftest import norm, pdf_text
from tickets.models import Status
from tickets.services import ticket_record_work, ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def unrepairable(make_ticket, unit_a, hw, technician, make_asset):
    asset = make_asset(unit_a, price="25900.00", brand="Acer", model_name="Veriton M200")
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    ticket_record_work(ticket=ticket, by=technician, diagnosis="เปิดไม่ติด ตรวจพบเมนบอร์ดช็อต")
    ticket_transition(ticket=ticket, to=Status.UNREPAIRABLE, by=technician, cause="เมนบอร์ดเสีย ไม่มีอะไหล่",
                      note="ไม่คุ้มค่าซ่อม")
    ticket.refresh_from_db()
    assert ticket.status == Status.UNREPAIRABLE
    return ticket


def test_the_proposal_is_a_memo_to_the_stock_officer(login, unrepairable, technician, it_head, team_a):
    team_a.head = it_head
    team_a.save()
    detail = reverse("tickets:detail", args=[unrepairable.pk])
    page = login(technician).get(detail).content.decode()
    assert 'data-letters="ticket_disposal"' in page
    login(technician).post(reverse("correspondence:issue", args=["ticket_disposal", unrepairable.pk]))
    document = IssuedDocument.objects.get()
    assert (document.form, document.addressee, document.signer) == ("memo", "หัวหน้าเจ้าหน้าที่พัสดุ", it_head)
    text = pdf_text(document.pdf.read())
    for words in ("ขอเสนอจำหน่ายครุภัณฑ์ชำรุด", unrepairable.asset.asset_number.translate(str.maketrans(
            "0123456789", "๐๑๒๓๔๕๖๗๘๙")), "Acer", "Veriton M200", "๒๕,๙๐๐.๐๐ บาท", "เมนบอร์ดเสีย ไม่มีอะไหล่",
            "เปิดไม่ติด ตรวจพบเมนบอร์ดช็อต", technician.get_full_name(), "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการจำหน่าย"):
        assert norm(words) in text, words
    assert document.number in login(technician).get(detail).content.decode()


def test_a_repaired_ticket_has_no_disposal_proposal(login, make_ticket, deliver, unit_a, hw, technician, asset_a):
    ticket = deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a), technician)
    response = login(technician).post(reverse("correspondence:issue", args=["ticket_disposal", ticket.pk]),
                                      follow=True)
    assert "เสนอจำหน่ายได้เฉพาะงานที่บันทึกว่าซ่อมไม่ได้" in response.content.decode()
    assert not IssuedDocument.objects.exists()
    assert 'data-letters="ticket_disposal"' not in login(technician).get(
        reverse("tickets:detail", args=[ticket.pk])).content.decode()


def test_the_units_requester_reads_it_and_cannot_issue_it(login, unrepairable, technician, requester_a, requester_b):
    assert login(requester_a).post(
        reverse("correspondence:issue", args=["ticket_disposal", unrepairable.pk])).status_code == 403
    login(technician).post(reverse("correspondence:issue", args=["ticket_disposal", unrepairable.pk]))
    document = IssuedDocument.objects.get()
    assert login(requester_a).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 200
    assert login(requester_b).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 404
