"""The stock ledger: every receipt, issue, return and adjustment goes through `_move`.

The item row is locked (SELECT … FOR UPDATE) while its balance is read and the movement written, so
concurrent issues queue on the lock and the balance never goes below zero. The same transaction keeps
`Item.on_hand` (the sum of the item's ledger) current, so reading a balance never sums the ledger; rows
inserted in bulk (the benchmark seeding) are followed by `recount_on_hand`.
"""

import datetime as dt
import logging
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.roles import Role, has_role
from helpdesk.thai import format_date
from tickets.parts.models import Item, Movement

logger = logging.getLogger(__name__)


def can_keep_stock(user) -> bool:
    """The stock officer (ผู้ควบคุมวัสดุ) keeps the ledger."""
    return bool(user and (user.is_superuser or has_role(user, Role.STOCK_OFFICER)))


def balances(item_ids: Iterable[int]) -> dict[int, int]:
    """Current balance per item (the kept `on_hand`), one query."""
    return dict(Item.objects.filter(pk__in=list(item_ids)).values_list("pk", "on_hand"))


def stock_balance(item: Item) -> int:
    return item.current_balance()


def recount_on_hand(item_ids: Iterable[int] | None = None) -> int:
    """Set `on_hand` to the sum of the ledger in one set-based UPDATE (all items, or those given); after
    movements were inserted in bulk, bypassing `_move`. Returns the number of items updated."""
    ledger_sum = Coalesce(
        Subquery(Movement.objects.filter(item=OuterRef("pk")).order_by().values("item").annotate(total=Sum("quantity"))
                 .values("total")),
        Value(0),
    )
    items = Item.objects.all() if item_ids is None else Item.objects.filter(pk__in=list(item_ids))
    return items.update(on_hand=ledger_sum)


def lowest_balance_from(item: Item, at: dt.datetime) -> tuple[int, dt.datetime | None]:
    """The lowest running balance of the stock card from ``at`` on, and the date of the later movement
    where it is lowest (None when it is lowest at ``at`` itself). ``item`` must be freshly locked: the balance
    at ``at`` is its `on_hand` less the movements after ``at`` (none for a movement dated now), so only the
    item's later rows are read, through the card index.

    A movement dated ``at`` goes after everything already on the card up to ``at`` (it gets the highest id),
    so it may take out at most this much without the card going negative at any point — a back-dated
    hand-over must not leave the card at −3 for the week until the next receipt.
    """
    later = Movement.objects.filter(item=item, at__gt=at)
    after = later.aggregate(total=Sum("quantity"), count=Count("pk"))
    balance = item.on_hand - (after["total"] or 0)
    lowest, lowest_at = balance, None
    if not after["count"]:
        return lowest, lowest_at
    later = later.order_by("at", "pk").values_list("at", "quantity")
    for moment, quantity in later.iterator(chunk_size=2000):
        balance += quantity
        if balance < lowest:
            lowest, lowest_at = balance, moment
    return lowest, lowest_at


def lock_items(item_ids: Iterable[int]) -> dict[int, Item]:
    """Lock item rows in primary-key order (a fixed order, so two transactions cannot deadlock)."""
    ids = sorted(set(item_ids))
    return {item.pk: item for item in Item.objects.select_for_update().filter(pk__in=ids).order_by("pk")}


def insufficient_message(item: Item, wanted: int, available: int) -> str:
    return _("“%(item)s” คงเหลือไม่พอ: ต้องการ %(wanted)s %(uom)s แต่มีคงเหลือเพียง %(available)s %(uom)s") % {
        "item": item.name, "wanted": wanted, "available": available, "uom": item.unit_of_measure,
    }


def _check_quantity(quantity) -> int:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        raise ValidationError(_("จำนวนต้องเป็นจำนวนเต็มบวก"), code="quantity")
    return quantity


def _move(
    *, item: Item, kind: str, delta: int, by, at: dt.datetime | None = None, unit_cost: Decimal | None = None,
    **fields,
) -> Movement:
    with transaction.atomic():
        locked = lock_items([item.pk]).get(item.pk)
        if locked is None:
            raise ValidationError(_("ไม่พบรายการวัสดุ"), code="no_item")
        at = at or timezone.now()
        if delta < 0:
            available, short_on = lowest_balance_from(locked, at)
            if available + delta < 0:
                message = insufficient_message(locked, -delta, available)
                if short_on is not None:
                    message += " " + _("(ยอดคงเหลือในบัญชีคุมวัสดุตั้งแต่วันที่ %(date)s จะติดลบ)") % {
                        "date": format_date(short_on)}
                raise ValidationError(message, code="insufficient")
        movement = Movement.objects.create(
            item=locked, kind=kind, quantity=delta, at=at, unit_cost=unit_cost, created_by=by, **fields,
        )
        Item.objects.filter(pk=locked.pk).update(on_hand=F("on_hand") + delta)
    logger.info("stock %s %s %+d by %s", locked.code, kind, delta, getattr(by, "pk", None))
    return movement


def stock_receive(
    *, item: Item, quantity: int, vendor: str, reference: str, by, unit_cost: Decimal | None = None,
    at: dt.datetime | None = None, part_request=None,
) -> Movement:
    """Goods in from a vendor (with the delivery/purchase reference)."""
    quantity = _check_quantity(quantity)
    vendor, reference = (vendor or "").strip(), (reference or "").strip()
    if not vendor:
        raise ValidationError(_("กรุณาระบุผู้ขาย/แหล่งที่มา"), code="vendor_required")
    if not reference:
        raise ValidationError(_("กรุณาระบุเลขที่เอกสารอ้างอิง"), code="reference_required")
    return _move(item=item, kind=Movement.Kind.RECEIPT, delta=quantity, by=by, at=at, unit_cost=unit_cost,
                 vendor=vendor, reference=reference, part_request=part_request)


def stock_issue(
    *, item: Item, quantity: int, by, part_request=None, disbursement=None, at: dt.datetime | None = None,
    unit_cost: Decimal | None = None,
) -> Movement:
    """Goods out to a ticket's part request or to a unit's disbursement; refused beyond the balance."""
    quantity = _check_quantity(quantity)
    if (part_request is None) == (disbursement is None):
        raise ValidationError(_("การจ่ายออกต้องอ้างอิงคำขออะไหล่หรือใบเบิกจ่ายอย่างใดอย่างหนึ่ง"), code="target")
    reference = disbursement.number if disbursement is not None else part_request.ticket.number
    return _move(item=item, kind=Movement.Kind.ISSUE, delta=-quantity, by=by, at=at, reference=reference,
                 unit_cost=item.standard_cost if unit_cost is None else unit_cost,
                 part_request=part_request, disbursement=disbursement)


def stock_return(
    *, item: Item, quantity: int, by, reason: str, part_request=None, disbursement=None,
    at: dt.datetime | None = None,
) -> Movement:
    """Goods back into stock (an unused part, a cancelled request)."""
    quantity = _check_quantity(quantity)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("กรุณาระบุเหตุผลการรับคืน"), code="reason_required")
    return _move(item=item, kind=Movement.Kind.RETURN, delta=quantity, by=by, at=at, reason=reason,
                 part_request=part_request, disbursement=disbursement)


def stock_adjust(*, item: Item, delta: int, reason: str, by, at: dt.datetime | None = None) -> Movement:
    """A counted correction (ตรวจนับ); the stock officer only, with a reason; never below zero."""
    if not can_keep_stock(by):
        raise PermissionDenied(_("การปรับปรุงยอดทำได้เฉพาะเจ้าหน้าที่พัสดุ"))
    if not isinstance(delta, int) or isinstance(delta, bool) or delta == 0:
        raise ValidationError(_("จำนวนที่ปรับปรุงต้องเป็นจำนวนเต็มที่ไม่ใช่ศูนย์"), code="quantity")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("กรุณาระบุเหตุผลการปรับปรุงยอด"), code="reason_required")
    return _move(item=item, kind=Movement.Kind.ADJUSTMENT, delta=delta, by=by, at=at, reason=reason)
