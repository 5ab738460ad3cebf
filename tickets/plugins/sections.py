"""Sections other apps add to the ticket page, without tickets importing them.

An app registers at start-up (in its AppConfig.ready):

    register_detail_section("parts", template="parts/includes/_ticket_section.html", context=my_context, order=10)

`context(request, ticket)` returns the section's template context, or None to leave the section out
(for example for a user who may not read it). It should run a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DetailSection:
    key: str
    template: str
    context: Callable  # (request, ticket) -> dict | None
    order: int = 100


_sections: dict[str, DetailSection] = {}


def register_detail_section(key: str, *, template: str, context: Callable, order: int = 100) -> None:
    _sections[key] = DetailSection(key, template, context, order)


def unregister_detail_section(key: str) -> None:
    _sections.pop(key, None)


def detail_sections_for(request, ticket) -> list[tuple[DetailSection, dict]]:
    """The registered sections this user sees on `ticket`'s page, each with its context, in order."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request, ticket)
        if context is not None:
            shown.append((section, context))
    return shown
