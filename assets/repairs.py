"""A plug-in point for opening a repair ticket from a maintenance finding (002 §2 step ๓).

The asset registry sits below the repair tickets in the layering, so it cannot import them: the tickets app
registers an opener here at start-up, and a maintenance result "needs repair" calls it in the same transaction.
"""

from collections.abc import Callable

from helpdesk.hooks import Registered

_openers: Registered = Registered()


def register_repair_opener(opener: Callable) -> None:
    """``opener(record, by)`` opens (or links) a repair ticket for a MaintenanceRecord and returns it."""
    _openers.add(opener)


def open_repair_for(record, *, by):
    """The ticket opened for ``record`` by the registered opener, or None when no repair app is installed."""
    for opener in _openers:
        ticket = opener(record, by)
        if ticket is not None:
            return ticket
    return None
