"""Troubleshooting guides on the repair form and in the technician's work form, without tickets importing them.

The knowledge app registers at start-up (in its AppConfig.ready):

    register_guide_provider(guide_for=guide_for_category, choices=published_guides)

- ``guide_for(user, category)`` returns the guide the user may read for a category, or None;
- ``choices(current_id)`` returns the QuerySet of guides a technician may pick (the published guides
  and the one already chosen).

With no provider the repair form shows no guide and the work form offers none.
"""

from collections.abc import Callable

_provider: dict[str, Callable] = {}


def register_guide_provider(*, guide_for: Callable, choices: Callable) -> None:
    _provider["guide_for"] = guide_for
    _provider["choices"] = choices


def unregister_guide_provider() -> None:
    _provider.clear()


def guide_for(user, category):
    func = _provider.get("guide_for")
    return func(user, category) if func and category is not None else None


def guide_choices(current_id, default):
    """The guides to pick from, or ``default`` (an empty QuerySet) when no app provides them."""
    func = _provider.get("choices")
    return func(current_id) if func else default
