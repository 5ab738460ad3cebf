"""Fulfilment: consumables through the stock's disbursement (stock goes down at hand-over, never below zero), a loan
through the asset loans; each record links back to the request and the request shows it."""

import pytest
from django.urls import reverse

from assets.models import Asset, AssetLoan
from tickets.parts.models import Disbursement, Movement
from tickets.parts.services import stock_balance
from tickets.unitrequests.models import UnitRequest
from tickets.unitrequests.services import unit_request_approve

S = UnitRequest.Status


def url(name, obj):
    return reverse(f"unitrequests:{name}", args=[obj.pk])


@pytest.fixture
def approved(consumables_request, supervisor_a):
    return unit_request_approve(request=consumables_request, by=supervisor_a)


@pytest.fixture
def approved_loan(loan_request, supervisor_a):
    return unit_request_approve(request=loan_request, by=supervisor_a)


def prepare_post(obj, **items):
    lines = list(obj.lines.order_by("pk"))
    return {f"line_{line.pk}": items.get(line.description or line.item.code, line.item_id or "") for line in lines}


def test_consumables_go_out_through_a_disbursement_that_links_back(login, approved, stock_officer, toner, mouse,
                                                                   requester_a, unit_a):
    staff = login(stock_officer)
    assert 'id="prepare-form"' in staff.get(url("detail", approved)).content.decode()
    # The free-text line ("แผ่นรองเมาส์") is given out as the stock's USB mouse item.
    response = staff.post(url("prepare", approved), prepare_post(approved, **{"แผ่นรองเมาส์": mouse.pk}))
    assert response.status_code == 302
    obj = UnitRequest.objects.get(pk=approved.pk)
    disbursement = Disbursement.objects.get()
    assert obj.status == S.PREPARING and obj.disbursement == disbursement
    assert disbursement.unit == unit_a and disbursement.status == "draft" and obj.reference in disbursement.purpose
    assert sorted(disbursement.lines.values_list("item_id", "quantity")) == sorted([(toner.pk, 2), (mouse.pk, 1)])
    assert stock_balance(toner) == 10  # a draft takes nothing yet
    assert obj.lines.get(description="แผ่นรองเมาส์").item == mouse

    # The disbursement page links back to the request; the unit signs there and the stock goes down.
    page = staff.get(disbursement.get_absolute_url()).content.decode()
    assert 'id="source-links"' in page and url("detail", obj) in page and obj.reference in page
    response = staff.post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]),
                          {"received_by_name": "นางสาวพรทิพย์ แสงทอง", "received_by_position": "เจ้าพนักงานธุรการ"})
    assert response.status_code == 302
    assert stock_balance(toner) == 8 and stock_balance(mouse) == 2
    assert Movement.objects.filter(disbursement=disbursement, kind="issue").count() == 2
    obj.refresh_from_db()
    assert obj.status == S.FULFILLED and obj.fulfilled_by == stock_officer and obj.fulfilled_at is not None
    assert "นางสาวพรทิพย์ แสงทอง" in obj.events.last().note

    # The requester's page shows the disbursement, who received it, and the whole timeline.
    page = login(requester_a).get(url("detail", obj)).content.decode()
    assert disbursement.number in page and "นางสาวพรทิพย์ แสงทอง" in page
    assert [e.to_status for e in obj.events.all()] == [S.SUBMITTED, S.APPROVED, S.PREPARING, S.FULFILLED]


def test_a_free_text_line_needs_a_stock_item(login, approved, stock_officer):
    response = login(stock_officer).post(url("prepare", approved), prepare_post(approved))
    assert response.status_code == 400
    assert "กรุณาเลือกรายการในคลังสำหรับ “แผ่นรองเมาส์”" in response.content.decode()
    assert UnitRequest.objects.get(pk=approved.pk).status == S.APPROVED and not Disbursement.objects.exists()


def test_more_than_the_stock_holds_is_refused_and_nothing_is_prepared(login, approved, stock_officer, toner, mouse):
    approved.lines.filter(item=toner).update(quantity=11)
    response = login(stock_officer).post(url("prepare", approved),
                                         prepare_post(approved, **{"แผ่นรองเมาส์": mouse.pk}))
    assert response.status_code == 400
    assert "มีคงเหลือเพียง 10 ตลับ" in response.content.decode()
    assert UnitRequest.objects.get(pk=approved.pk).status == S.APPROVED
    assert not Disbursement.objects.exists() and approved.lines.get(description="แผ่นรองเมาส์").item is None
    assert stock_balance(toner) == 10


def test_a_cancelled_disbursement_puts_the_request_back_to_approved(login, approved, stock_officer, mouse):
    staff = login(stock_officer)
    staff.post(url("prepare", approved), prepare_post(approved, **{"แผ่นรองเมาส์": mouse.pk}))
    disbursement = Disbursement.objects.get()
    staff.post(reverse("parts:disbursement_cancel", args=[disbursement.pk]), {"reason": "หน่วยงานขอเลื่อนรับ"})
    obj = UnitRequest.objects.get(pk=approved.pk)
    assert obj.status == S.APPROVED and obj.disbursement is None
    assert "หน่วยงานขอเลื่อนรับ" in obj.events.last().note


def test_a_loan_is_lent_from_the_asset_register_and_links_back(login, approved_loan, technician, spare_notebook,
                                                               requester_a, unit_a):
    staff = login(technician)
    page = staff.get(url("detail", approved_loan)).content.decode()
    assert 'id="lend-form"' in page and spare_notebook.asset_number in page
    response = staff.post(url("lend", approved_loan), {"asset": spare_notebook.pk, "borrower_name": "สมศรี ใจดี"})
    assert response.status_code == 302
    loan = AssetLoan.objects.get()
    obj = UnitRequest.objects.get(pk=approved_loan.pk)
    assert obj.status == S.FULFILLED and obj.loan == loan and obj.fulfilled_by == technician
    assert (loan.asset, loan.borrower_unit, loan.due_date) == (spare_notebook, unit_a, approved_loan.loan_until)
    assert obj.reference in loan.purpose
    assert Asset.objects.get(pk=spare_notebook.pk).status == Asset.Status.ON_LOAN
    # The request shows the loan; the asset's page links back to the request.
    assert spare_notebook.asset_number in login(requester_a).get(url("detail", obj)).content.decode()
    asset_page = staff.get(reverse("assets:detail", args=[spare_notebook.pk])).content.decode()
    assert 'id="asset-unit-requests"' in asset_page and url("detail", obj) in asset_page


def test_only_a_device_of_the_requested_type_may_be_lent(login, approved_loan, technician, unit_a):
    printer = Asset.objects.create(asset_number="7440-005-0001/2566", asset_type=Asset.Type.PRINTER, unit=unit_a,
                                   status=Asset.Status.SPARE)
    response = login(technician).post(url("lend", approved_loan), {"asset": printer.pk, "borrower_name": "สมศรี"})
    assert response.status_code == 400 and "เลือกตัวเลือกที่ถูกต้อง" in response.content.decode()
    assert not AssetLoan.objects.exists() and UnitRequest.objects.get(pk=approved_loan.pk).status == S.APPROVED


def test_fulfilment_waits_for_approval_and_for_the_right_people(login, consumables_request, loan_request, requester_a,
                                                                stock_officer, spare_notebook, mouse):
    staff = login(stock_officer)
    response = staff.post(url("prepare", consumables_request),
                          prepare_post(consumables_request, **{"แผ่นรองเมาส์": mouse.pk}))
    assert response.status_code == 400 and "ไม่สามารถเปลี่ยนสถานะจาก" in response.content.decode()
    assert staff.post(url("lend", loan_request), {"asset": spare_notebook.pk, "borrower_name": "x"}
                      ).status_code == 400
    assert login(requester_a).post(url("lend", loan_request), {"asset": spare_notebook.pk, "borrower_name": "x"}
                                   ).status_code == 403
    assert not Disbursement.objects.exists() and not AssetLoan.objects.exists()


def test_staff_may_refuse_an_approved_request_with_the_reason(login, approved, stock_officer, requester_a):
    response = login(stock_officer).post(url("reject", approved), {"reject-reason": "ตลับหมึกรุ่นนี้เลิกผลิตแล้ว"})
    assert response.status_code == 302
    assert UnitRequest.objects.get(pk=approved.pk).status == S.REJECTED
    assert "ตลับหมึกรุ่นนี้เลิกผลิตแล้ว" in login(requester_a).get(url("detail", approved)).content.decode()


def test_two_requests_cannot_take_more_than_the_stock_holds(login, requester_a, supervisor_a, stock_officer, toner):
    """Both drafts fit the balance on their own; the second hand-over is refused and its request stays waiting."""
    from tickets.unitrequests.services import unit_request_create

    staff = login(stock_officer)
    requests = []
    for purpose in ("งานทะเบียน", "งานโยธา"):
        obj = unit_request_create(kind="consumables", by=requester_a, purpose=purpose, lines=[(toner, "", 6)])
        unit_request_approve(request=obj, by=supervisor_a)
        assert staff.post(url("prepare", obj), prepare_post(obj)).status_code == 302
        requests.append(UnitRequest.objects.get(pk=obj.pk))
    first, second = (obj.disbursement for obj in requests)
    hand_over = {"received_by_name": "ผู้รับมอบ"}
    assert staff.post(reverse("parts:disbursement_hand_over", args=[first.pk]), hand_over).status_code == 302
    response = staff.post(reverse("parts:disbursement_hand_over", args=[second.pk]), hand_over)
    assert "มีคงเหลือเพียง 4 ตลับ" in response.content.decode()
    assert stock_balance(toner) == 4
    assert [UnitRequest.objects.get(pk=obj.pk).status for obj in requests] == [S.FULFILLED, S.PREPARING]
    assert Disbursement.objects.get(pk=second.pk).status == "draft"
