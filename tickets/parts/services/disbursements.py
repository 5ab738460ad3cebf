"""Disbursing consumables to a unit (000 §1.1 steps 7–8): prepare, hand over with the unit's signature."""

import datetime as dt
import logging
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.counters import next_number
from helpdesk.roles import Role, has_role
from helpdesk.thai import fiscal_year
from tickets.parts.models import Disbursement, DisbursementCounter, DisbursementLine, Item
from tickets.parts.services.stock import balances, insufficient_message, lock_items, stock_issue
from tickets.plugins.disbursements import disbursement_cancelled, disbursement_handed_over

logger = logging.getLogger(__name__)


def can_disburse(user) -> bool:
    """Technicians prepare and install (step 7); the stock officer keeps the balance (step 8)."""
    return bool(user and (user.is_superuser or has_role(user, Role.TECHNICIAN, Role.STOCK_OFFICER)))


def next_disbursement_number(year: int) -> str:
    return f"บจ.{year}/{next_number(DisbursementCounter, fiscal_year=year):04d}"


def _check_lines(lines: Sequence[tuple[Item, int]]) -> list[tuple[Item, int]]:
    cleaned: dict[int, tuple[Item, int]] = {}
    for item, quantity in lines:
        if item is None:
            continue
        if not isinstance(quantity, int) or quantity < 1:
            raise ValidationError(_("จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป"), code="quantity")
        if not item.is_active:
            raise ValidationError(_("“%(item)s” ยกเลิกการใช้งานแล้ว") % {"item": item.name}, code="inactive")
        if item.pk in cleaned:
            raise ValidationError(_("“%(item)s” ซ้ำกันในใบเบิก") % {"item": item.name}, code="duplicate")
        cleaned[item.pk] = (item, quantity)
    if not cleaned:
        raise ValidationError(_("กรุณาระบุรายการที่เบิกอย่างน้อย 1 รายการ"), code="no_lines")
    return list(cleaned.values())


def _check_stock(items: dict[int, Item], wanted: dict[int, int]) -> None:
    on_hand = balances(wanted)
    problems = [
        insufficient_message(items[item_id], quantity, on_hand.get(item_id, 0))
        for item_id, quantity in wanted.items()
        if on_hand.get(item_id, 0) < quantity
    ]
    if problems:
        raise ValidationError(problems, code="insufficient")


def disbursement_create(
    *, unit, purpose: str, lines: Sequence[tuple[Item, int]], by, ticket=None, now: dt.datetime | None = None
) -> Disbursement:
    """Prepare a disbursement (draft); stock is checked now and again, under lock, at hand-over."""
    if not can_disburse(by):
        raise PermissionDenied(_("จัดทำใบเบิกได้เฉพาะเจ้าหน้าที่ผู้ให้บริการหรือเจ้าหน้าที่พัสดุ"))
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError(_("กรุณาระบุวัตถุประสงค์การเบิก"), code="purpose_required")
    if ticket is not None and ticket.unit_id != unit.pk:
        raise ValidationError(_("ใบแจ้งซ่อมที่อ้างอิงต้องเป็นของหน่วยงานที่เบิก"), code="ticket_unit")
    checked = _check_lines(lines)
    now = now or timezone.now()
    with transaction.atomic():
        _check_stock({item.pk: item for item, _q in checked}, {item.pk: quantity for item, quantity in checked})
        year = fiscal_year(now)
        disbursement = Disbursement.objects.create(
            number=next_disbursement_number(year), fiscal_year=year, unit=unit, ticket=ticket, purpose=purpose,
            prepared_by=by, created_at=now,
        )
        DisbursementLine.objects.bulk_create(
            DisbursementLine(disbursement=disbursement, item=item, quantity=quantity, unit_cost=item.standard_cost)
            for item, quantity in checked
        )
    logger.info("disbursement %s for unit %s by %s", disbursement.number, unit.pk, getattr(by, "pk", None))
    return disbursement


def disbursement_hand_over(
    *, disbursement: Disbursement, by, received_by_name: str, received_by_position: str = "",
    signed_at: dt.datetime | None = None,
) -> Disbursement:
    """The unit signs for the goods: the stock goes down for every line in this one transaction."""
    if not can_disburse(by):
        raise PermissionDenied(_("บันทึกการส่งมอบได้เฉพาะเจ้าหน้าที่ผู้ให้บริการหรือเจ้าหน้าที่พัสดุ"))
    received_by_name = (received_by_name or "").strip()
    if not received_by_name:
        raise ValidationError(_("กรุณาระบุชื่อผู้รับมอบของหน่วยงาน"), code="receiver_required")
    now = timezone.now()
    signed_at = signed_at or now
    if signed_at > now + dt.timedelta(minutes=5):
        raise ValidationError(_("วันที่ลงนามรับต้องไม่เป็นวันในอนาคต"), code="future")
    with transaction.atomic():
        locked = Disbursement.objects.select_for_update().get(pk=disbursement.pk)
        if locked.status != Disbursement.Status.DRAFT:
            raise ValidationError(
                _("ใบเบิกนี้อยู่ในสถานะ “%(status)s” แล้ว ส่งมอบซ้ำไม่ได้")
                % {"status": Disbursement.Status(locked.status).label},
                code="not_draft",
            )
        lines = list(locked.lines.all())
        items = lock_items(line.item_id for line in lines)
        _check_stock(items, {line.item_id: line.quantity for line in lines})
        for line in lines:
            stock_issue(item=items[line.item_id], quantity=line.quantity, by=by, disbursement=locked, at=signed_at,
                        unit_cost=line.unit_cost)
        locked.status = Disbursement.Status.HANDED_OVER
        locked.handed_over_by, locked.handed_over_at = by, now
        locked.received_by_name = received_by_name
        locked.received_by_position = (received_by_position or "").strip()
        locked.signed_at = signed_at
        locked.save()
        disbursement_handed_over(locked, by)  # a unit request it was prepared for is fulfilled with it
    logger.info("disbursement %s handed over by %s", locked.number, getattr(by, "pk", None))
    for field in Disbursement._meta.concrete_fields:
        setattr(disbursement, field.attname, getattr(locked, field.attname))
    return disbursement


def disbursement_cancel(*, disbursement: Disbursement, by, reason: str) -> Disbursement:
    if not can_disburse(by):
        raise PermissionDenied(_("ยกเลิกใบเบิกได้เฉพาะเจ้าหน้าที่ผู้ให้บริการหรือเจ้าหน้าที่พัสดุ"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("กรุณาระบุเหตุผลที่ยกเลิก"), code="reason_required")
    with transaction.atomic():
        locked = Disbursement.objects.select_for_update().get(pk=disbursement.pk)
        if locked.status != Disbursement.Status.DRAFT:
            raise ValidationError(_("ยกเลิกได้เฉพาะใบเบิกที่ยังไม่ส่งมอบ"), code="not_draft")
        locked.status = Disbursement.Status.CANCELLED
        locked.cancel_reason = reason
        locked.save()
        disbursement_cancelled(locked, by, reason)
    disbursement.status, disbursement.cancel_reason = locked.status, locked.cancel_reason
    return disbursement
