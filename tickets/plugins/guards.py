"""Vetoes on a ticket's status change from the apps that own part of its state.

An app registers at start-up (in its AppConfig.ready):

    register_transition_guard(my_guard)

`my_guard(ticket, to)` raises ValidationError (Thai message) to refuse. It runs inside
ticket_transition's transaction (the kernel's guards, helpdesk.workflow.transition), with the
ticket row locked and `ticket.status` still the current status.
"""

from collections.abc import Callable

_transition_guards: list[Callable] = []


def register_transition_guard(func: Callable) -> None:
    if func not in _transition_guards:
        _transition_guards.append(func)


def unregister_transition_guard(func: Callable) -> None:
    if func in _transition_guards:
        _transition_guards.remove(func)


def transition_guards() -> tuple[Callable, ...]:
    """The registered guards, in registration order."""
    return tuple(_transition_guards)
