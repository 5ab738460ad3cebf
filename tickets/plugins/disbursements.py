"""The consumables stock for processes other than the repair ticket, without importing the parts app.

tickets.parts (a process) owns the stock and registers its disbursement service at start-up (in its
AppConfig.ready):

    register_disbursement_provider(items=stock_items, create=prepare_disbursement)

- ``items()`` returns the QuerySet of catalogue items a unit may ask for;
- ``create(unit=, purpose=, lines=[(item, quantity)], by=)`` prepares a draft disbursement (the stock is
  checked again, under lock, when it is handed over) and returns it; a refusal is a Thai ``ValidationError``.

A process that hands consumables to a unit (tickets.unitrequests) registers what it wants to hear and show:

    register_disbursement_listener(handed_over=on_hand_over, cancelled=on_cancel, links=links_for)

- ``handed_over(disbursement, by)`` and ``cancelled(disbursement, by, reason)`` run inside the parts
  transaction, so the process's own status change commits, or rolls back, with the stock movement;
- ``links(disbursement)`` returns ``[(label, url)]`` of the records the disbursement was prepared for, shown
  on its page (the link back).

With no provider, processes offer no stock items and cannot prepare a disbursement.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from helpdesk.hooks import Registered

_provider: dict[str, Callable] = {}
_listeners: Registered = Registered()  # of {"handed_over": …, "cancelled": …, "links": …}


def register_disbursement_provider(*, items: Callable, create: Callable) -> None:
    _provider["items"] = items
    _provider["create"] = create


def unregister_disbursement_provider() -> None:
    _provider.clear()


def register_disbursement_listener(*, handed_over: Callable | None = None, cancelled: Callable | None = None,
                                   links: Callable | None = None) -> None:
    _listeners.add({"handed_over": handed_over, "cancelled": cancelled, "links": links})


def unregister_disbursement_listener(*, handed_over: Callable | None = None, cancelled: Callable | None = None,
                                     links: Callable | None = None) -> None:
    _listeners.discard({"handed_over": handed_over, "cancelled": cancelled, "links": links})


def stock_items():
    """The QuerySet of items a unit may ask for, or None when no app provides a stock."""
    func = _provider.get("items")
    return func() if func else None


def disbursement_prepare(*, unit, purpose: str, lines, by):
    """A draft disbursement of ``lines`` ``[(item, quantity)]`` for ``unit``, through the stock's own service."""
    func = _provider.get("create")
    if func is None:
        raise ValidationError(_("ระบบคลังวัสดุยังไม่เปิดใช้งาน จัดทำใบเบิกไม่ได้"), code="no_stock")
    return func(unit=unit, purpose=purpose, lines=lines, by=by)


def disbursement_handed_over(disbursement, by) -> None:
    """Called by the stock inside its hand-over transaction."""
    for listener in list(_listeners):
        if listener["handed_over"] is not None:
            listener["handed_over"](disbursement, by)


def disbursement_cancelled(disbursement, by, reason: str) -> None:
    """Called by the stock inside its cancellation transaction."""
    for listener in list(_listeners):
        if listener["cancelled"] is not None:
            listener["cancelled"](disbursement, by, reason)


def disbursement_links(disbursement) -> list[tuple[str, str]]:
    """``[(label, url)]`` of the records a disbursement was prepared for, from every listener."""
    result: list[tuple[str, str]] = []
    for listener in list(_listeners):
        if listener["links"] is not None:
            result.extend(listener["links"](disbursement))
    return result
