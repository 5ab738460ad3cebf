"""The loan / hand-over letter (หนังสือยืม/มอบ, 000 §1.1 step ๖) for equipment lent to a unit."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.services import loan_create
from helpdesk.correspondence.models import Agency, IssuedDocument
from tests.correspondence.conftest import norm, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def loan(spare_a, unit_b, technician):
    unit_b.email = "bangkhuntian@example.go.th"
    unit_b.save()
    return loan_create(asset=spare_a, borrower_unit=unit_b, borrower_name="นายประเสริฐ มั่นคง",
                       purpose="ใช้ทดแทนระหว่างส่งซ่อม", due_date=timezone.localdate() + dt.timedelta(days=14),
                       by=technician)


def test_the_hand_over_letter_goes_to_the_borrowing_unit(login, loan, technician, it_head, team_a, spare_a,
                                                         mailoutbox, django_capture_on_commit_callbacks):
    team_a.head = it_head
    team_a.save()
    agency = Agency.current()
    agency.unit_letter_form = "external"
    agency.save()
    page = reverse("assets:detail", args=[spare_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(technician).post(reverse("correspondence:issue", args=["asset_loan", loan.pk]),
                                          {"next": page})
    assert response["Location"] == page
    document = IssuedDocument.objects.get()
    assert (document.kind, document.form, document.record, document.unit) == (
        "asset_loan", "external", loan, loan.borrower_unit)
    assert document.signer == it_head and "สำนักงานเขตบางขุนเทียน" in document.addressee
    text = pdf_text(document.pdf.read())
    for words in ("ส่งมอบครุภัณฑ์ให้ยืมใช้งาน", "๗๔๔๐-๐๐๑-๐๐๙๙/๒๕๖๖", "ThinkCentre M70s", "นายประเสริฐ มั่นคง",
                  "ใช้ทดแทนระหว่างส่งซ่อม", "กำหนดส่งคืน", "ผู้ส่งมอบ", "ผู้รับมอบ", technician.get_full_name(),
                  "ขอแสดงความนับถือ"):
        assert norm(words) in text, words
    assert mailoutbox[-1].to == ["bangkhuntian@example.go.th"]
    assert mailoutbox[-1].attachments[0][1] == document.pdf.open("rb").read()
    assert document.number in login(technician).get(page).content.decode()


def test_the_borrowing_unit_fetches_it_and_a_third_unit_does_not(login, loan, technician, requester_b,
                                                                 requester_a, make_user_c):
    login(technician).post(reverse("correspondence:issue", args=["asset_loan", loan.pk]))
    document = IssuedDocument.objects.get()
    url = reverse("correspondence:pdf", args=[document.pk])
    assert login(requester_b).get(url).status_code == 200  # the borrower
    assert login(requester_a).get(url).status_code == 200  # the owner of the asset
    assert login(make_user_c).get(url).status_code == 404


def test_requesters_cannot_issue_it(login, loan, requester_b):
    assert login(requester_b).post(reverse("correspondence:issue", args=["asset_loan", loan.pk])).status_code == 403
    assert not IssuedDocument.objects.exists()


@pytest.fixture
def make_user_c(area_a):
    from helpdesk.models import Unit
    from helpdesk.roles import Role
    from tests.conftest import make_user

    unit_c = Unit.objects.create(code="80100", name="สำนักงานเขตดุสิต", kind=Unit.Kind.DISTRICT, area=area_a)
    return make_user("req_c", Role.REQUESTER, unit=unit_c)
