"""The site's Django template engines (pages, form widgets): Django's, with tag libraries imported on their first
`{% load %}` and the common widgets written in Python.

Django imports every installed app's tag libraries when an engine starts: Django REST framework's (for its
browsable API, never served here: its renderers and serializers, ~7 MiB) and crispy-forms' (~6.5 MiB) in every
worker, although the API answers JSON only (helpdesk.lazyurls) and the busiest pages render no crispy form.
"""

import pkgutil
from importlib import import_module

from django.apps import apps
from django.forms import renderers
from django.template.backends.django import DjangoTemplates
from django.template.library import import_library
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeData, SafeString


class LazyLibraries(dict):
    """Library name → dotted module path; the module is imported when a template first loads it."""

    def __getitem__(self, name):
        library = super().__getitem__(name)
        if isinstance(library, str):
            library = import_library(library)
            self[name] = library
        return library


def library_paths() -> dict[str, str]:
    """Like django.template.backends.django.get_installed_libraries, without importing the libraries."""
    libraries = {}
    for package in ["django.templatetags", *(f"{config.name}.templatetags" for config in apps.get_app_configs())]:
        try:
            module = import_module(package)
        except ImportError:
            continue  # the app has no template tags
        if hasattr(module, "__path__"):
            for entry in pkgutil.walk_packages(module.__path__, f"{package}."):
                if not entry.ispkg:
                    libraries[entry.name.removeprefix(package).lstrip(".")] = entry.name
    return libraries


class SiteTemplates(DjangoTemplates):
    def __init__(self, params):
        self._libraries = {}
        super().__init__(params)  # get_templatetag_libraries below hands the engine nothing to import
        self.engine.libraries = self._libraries
        self.engine.template_libraries = LazyLibraries(self._libraries)

    def get_templatetag_libraries(self, custom_libraries):
        self._libraries = {**library_paths(), **custom_libraries}
        return {}


INPUT_TEMPLATES = frozenset(f"django/forms/widgets/{kind}.html" for kind in (
    "input", "text", "number", "hidden", "checkbox", "email", "url", "password", "search", "tel"))
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _formatted(value):
    """`{{ value|stringformat:'s' }}` (the filter keeps safe text safe)."""
    return conditional_escape(value if isinstance(value, SafeData) else str(value))


def _attrs(attrs: dict):
    """django/forms/widgets/attrs.html"""
    return format_html_join("", " {}{}", (
        (name, "" if value is True else format_html('="{}"', _formatted(value)))
        for name, value in attrs.items() if value is not False
    ))


def _input(widget: dict):
    value = "" if widget["value"] is None else format_html(' value="{}"', _formatted(widget["value"]))
    return format_html('<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value,
                       _attrs(widget["attrs"]))


def _textarea(widget: dict):
    return format_html('<textarea name="{}"{}>\n{}</textarea>', widget["name"], _attrs(widget["attrs"]),
                       widget["value"] or "")


def _select(widget: dict):
    parts = []
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(format_html('\n  <option value="{}"{}>{}</option>\n', _formatted(option["value"]),
                                     _attrs(option["attrs"]), option["label"]))
        if group_name:
            parts.append(SafeString("\n  </optgroup>"))
    return format_html('<select name="{}"{}>{}\n</select>', widget["name"], _attrs(widget["attrs"]),
                       format_html_join("", "{}", ((part,) for part in parts)))


class SiteFormRenderer(renderers.DjangoTemplates):
    """Django's default form renderer (its own engine for the widget templates) on the engine above; the
    common widgets (inputs, text areas, selects) are written in Python, with the same output as Django's
    templates for them (tests/helpdesk/test_form_renderer.py): rendering a widget through the template engine
    took most of a form's time on the ticket page."""

    backend = SiteTemplates

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None:
            html = None
            if template_name in INPUT_TEMPLATES:
                html = _input(widget)
            elif template_name == TEXTAREA_TEMPLATE:
                html = _textarea(widget)
            elif template_name == SELECT_TEMPLATE:
                html = _select(widget)
            if html is not None:
                return html
        return super().render(template_name, context, request)
