"""Vetoes on a ticket's status change from the apps that own part of its state.

An app registers at start-up (in its AppConfig.ready):

    register_transition_guard(my_guard)

`my_guard(ticket, to)` raises ValidationError (Thai message) to refuse. It runs inside
ticket_transition's transaction (the kernel's guards, helpdesk.workflow.transition), with the
ticket row locked and `ticket.status` still the current status.
"""

from collections.abc import Callable

from helpdesk.hooks import Registered

_transition_guards: Registered = Registered()


def register_transition_guard(func: Callable) -> None:
    _transition_guards.add(func)


def unregister_transition_guard(func: Callable) -> None:
    _transition_guards.discard(func)


def transition_guards() -> tuple[Callable, ...]:
    """The registered guards, in registration order."""
    return tuple(_transition_guards)
