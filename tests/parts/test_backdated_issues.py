"""A hand-over or issue dated in the past is refused when the running balance would go negative at any
point from that date on; the stock card (and its PDF) never shows a negative running balance."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from helpdesk.thai import fiscal_year, format_date
from tickets.parts.models import Disbursement, Item, Movement
from tickets.parts.services import (
    disbursement_create,
    disbursement_hand_over,
    stock_adjust,
    stock_balance,
    stock_receive,
)
from tickets.parts.views.stock import stock_card_data

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate() - dt.timedelta(days=days), dt.time(9, 0)))


@pytest.fixture
def mouse(stock_officer):
    """5 received 20 days ago, 4 handed out 10 days ago (1 left for a week), 10 received 3 days ago."""
    item = Item.objects.create(code="MS-USB", name="เมาส์ USB", unit_of_measure="ตัว", reorder_level=1)
    stock_receive(item=item, quantity=5, vendor="ร้าน ก", reference="IV-1", by=stock_officer, at=_days_ago(20))
    stock_adjust(item=item, delta=-4, reason="จ่ายหน่วยงาน (บันทึกย้อนหลัง)", by=stock_officer, at=_days_ago(10))
    stock_receive(item=item, quantity=10, vendor="ร้าน ก", reference="IV-2", by=stock_officer, at=_days_ago(3))
    return item


def _running(item) -> list[int]:
    rows = []
    for year in {fiscal_year(m.at) for m in Movement.objects.filter(item=item)}:
        rows += [row.running for row in stock_card_data(item, year)["rows"]]
    return rows


def test_a_back_dated_hand_over_that_would_leave_the_card_negative_is_refused(
    login, technician, unit_a, mouse
):
    disbursement = disbursement_create(unit=unit_a, purpose="ห้องประชุม", lines=[(mouse, 3)], by=technician)
    day = timezone.localdate() - dt.timedelta(days=15)
    response = login(technician).post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]), {
        "received_by_name": "สมศรี ใจดี", "signed_date": f"{day.day:02d}/{day.month:02d}/{day.year + 543}"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "ต้องการ 3 ตัว แต่มีคงเหลือเพียง 1 ตัว" in body
    assert format_date(_days_ago(10)) in body  # the date from which it would be negative
    disbursement.refresh_from_db()
    assert disbursement.status == Disbursement.Status.DRAFT
    assert not Movement.objects.filter(disbursement=disbursement).exists()
    assert stock_balance(mouse) == 11 and min(_running(mouse)) >= 0


def test_the_service_refuses_it_too_and_allows_what_the_card_can_bear(technician, unit_a, mouse):
    too_many = disbursement_create(unit=unit_a, purpose="ก", lines=[(mouse, 2)], by=technician)
    with pytest.raises(ValidationError):
        disbursement_hand_over(disbursement=too_many, by=technician, received_by_name="ผู้รับ",
                               signed_at=_days_ago(15))
    with pytest.raises(ValidationError):  # an adjustment back-dated the same way
        stock_adjust(item=mouse, delta=-2, reason="ตรวจนับ", by=_officer(), at=_days_ago(15))
    fits = disbursement_create(unit=unit_a, purpose="ข", lines=[(mouse, 1)], by=technician)
    disbursement_hand_over(disbursement=fits, by=technician, received_by_name="ผู้รับ", signed_at=_days_ago(15))
    assert stock_balance(mouse) == 10
    assert min(_running(mouse)) == 0
    # Today the new stock is there: a hand-over of 10 dated today is fine.
    today = disbursement_create(unit=unit_a, purpose="ค", lines=[(mouse, 10)], by=technician)
    disbursement_hand_over(disbursement=today, by=technician, received_by_name="ผู้รับ")
    assert stock_balance(mouse) == 0 and min(_running(mouse)) == 0


def _officer():
    from django.contrib.auth.models import User

    return User.objects.get(username="stock")


def test_the_stock_card_pdf_preview_shows_no_negative_balance(login, stock_officer, technician, unit_a, mouse):
    disbursement = disbursement_create(unit=unit_a, purpose="ห้องประชุม", lines=[(mouse, 3)], by=technician)
    with pytest.raises(ValidationError):
        disbursement_hand_over(disbursement=disbursement, by=technician, received_by_name="ผู้รับ",
                               signed_at=_days_ago(15))
    for year in {fiscal_year(m.at) for m in Movement.objects.filter(item=mouse)}:
        preview = login(stock_officer).get(reverse("parts:stock_card_pdf", args=[mouse.pk]),
                                           {"fy": year, "preview": "1"}).content.decode()
        assert 'data-running="' in preview and 'data-running="-' not in preview
