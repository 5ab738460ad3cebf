"""Sections other apps add to the asset page (e.g. the tickets app's repair history).

    from assets.sections import register_asset_section
    register_asset_section("tickets/includes/_asset_repairs.html", repair_history_context)

``context_func(request, asset) -> dict`` runs when the page renders; its dict is available to the
template as ``section``. Register from an AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass

ContextFunc = Callable[..., dict]


@dataclass(frozen=True)
class AssetSection:
    template_name: str
    context_func: ContextFunc | None
    order: int


_registry: dict[str, AssetSection] = {}


def register_asset_section(template_name: str, context_func: ContextFunc | None = None, *, order: int = 100) -> None:
    """Add (or replace, by template name) a section of the asset page."""
    _registry[template_name] = AssetSection(template_name, context_func, order)


def unregister_asset_section(template_name: str) -> None:
    _registry.pop(template_name, None)


def asset_sections(request, asset) -> list[dict]:
    """The sections to render, in order, each as {"template_name", "context"}."""
    sections = sorted(_registry.values(), key=lambda section: (section.order, section.template_name))
    return [
        {"template_name": section.template_name,
         "context": section.context_func(request, asset) if section.context_func else {}}
        for section in sections
    ]
