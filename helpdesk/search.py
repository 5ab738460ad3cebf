"""The navbar search (part of the request kernel): one box, results from every app that registers a provider.

Each app registers, from its ``AppConfig.ready()``, a provider per kind of record it owns::

    register_search_provider(SearchProvider(
        key="tickets", label=_("ใบแจ้งซ่อม"), order=10,
        search=search_tickets,   # (user, term, limit) -> list[Hit], or None when the user may not list this kind
        more_url=more_tickets,   # (term) -> the app's own list filtered by the term
    ))

``search`` scopes its queryset with the model's ``visible_to(user)`` (the same scoping as the model's one access
helper), reads at most ``limit`` rows in ONE query and returns them as :class:`Hit`. The results page shows the
first :data:`SHOWN` of each kind and, when there were more, a link to the app's filtered list, so the page costs
a fixed number of queries however many records match. helpdesk itself imports no domain app.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MIN_LENGTH = 2
MAX_LENGTH = 100
SHOWN = 10


@dataclass(frozen=True)
class Hit:
    title: str  # the reference or number, e.g. "2569-00042", "IP-00007"
    url: str
    text: str = ""  # one line: what it is about
    meta: str = ""  # unit, status, …
    badge: str = ""


@dataclass(frozen=True)
class SearchProvider:
    key: str
    label: str
    search: Callable  # (user, term: str, limit: int) -> list[Hit] | None
    more_url: Callable  # (term: str) -> str
    order: int = 100


@dataclass
class Group:
    provider: SearchProvider
    hits: list[Hit] = field(default_factory=list)
    more: bool = False
    more_url: str = ""


_providers: dict[str, SearchProvider] = {}


def register_search_provider(provider: SearchProvider) -> None:
    _providers[provider.key] = provider


def unregister_search_provider(key: str) -> None:
    _providers.pop(key, None)


def providers() -> list[SearchProvider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.key))


def run_search(user, term: str) -> list[Group]:
    """Every kind the user may list, each with up to SHOWN hits and whether there are more (one query each)."""
    groups = []
    for provider in providers():
        hits = provider.search(user, term, SHOWN + 1)
        if hits is None:
            continue
        hits = list(hits)
        groups.append(Group(provider, hits[:SHOWN], more=len(hits) > SHOWN,
                            more_url=provider.more_url(term) if len(hits) > SHOWN else ""))
    return groups


def reference_pk(term: str, prefix: str) -> int | None:
    """The id in a reference typed as ``IP-00042``, ``ip-42`` or ``IP42`` (None when `term` is not one)."""
    match = re.fullmatch(rf"{re.escape(prefix)}\s*-?\s*0*(\d{{1,9}})", term.strip(), flags=re.IGNORECASE)
    return int(match.group(1)) if match else None


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("ค้นหา"), min_length=MIN_LENGTH, max_length=MAX_LENGTH, strip=True,
        error_messages={
            "required": _("กรุณาพิมพ์คำที่ต้องการค้นหา"),
            "min_length": _("กรุณาพิมพ์คำค้นอย่างน้อย %(limit_value)d ตัวอักษร"),
            "max_length": _("คำค้นยาวได้ไม่เกิน %(limit_value)d ตัวอักษร (พิมพ์มา %(show_value)d ตัวอักษร)"),
        },
    )


def text_or_reference(term: str, *, prefix: str, fields) -> Q:
    """Records with `term` inside one of `fields`, or the one whose reference (``IP-00042``) it is."""
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": term})
    pk = reference_pk(term, prefix)
    return condition | Q(pk=pk) if pk is not None else condition


def register_request_search(*, key: str, label, order: int, visible: Callable, prefix: str, fields,
                            hit: Callable, list_url: str) -> None:
    """A provider for a process's requests: ``visible(user)`` (the model's ``visible_to``, with its joins) matched
    by :func:`text_or_reference`, newest first, each shown by ``hit(obj)``; "more" opens ``list_url`` (a URL name)
    with ``?q=``."""

    def search(user, term: str, limit: int) -> list[Hit]:
        rows = visible(user).filter(text_or_reference(term, prefix=prefix, fields=fields))
        return [hit(obj) for obj in rows.order_by("-created_at", "-pk")[:limit]]

    def more_url(term: str) -> str:
        return f"{reverse(list_url)}?{urlencode({'q': term})}"

    register_search_provider(SearchProvider(key=key, label=label, search=search, more_url=more_url, order=order))


@dataclass(frozen=True)
class RecordSearch:
    """A provider declared as data: ``rows(user, term)`` (the user's visible records matching the term, ordered,
    joins chosen) read up to the limit in one query, each shown as a :class:`Hit` of its ``title`` attribute,
    its ``detail_url`` (a URL name taking the pk), ``text(obj)``, ``meta(obj)`` (the parts, empty ones left out,
    joined by " · ") and its status; "more" opens ``list_url`` with ``?q=`` and ``more_params``.
    ``RecordSearch(...).register()`` from the app's ``ready()``."""

    key: str
    label: str
    order: int
    rows: Callable  # (user, term: str) -> QuerySet
    detail_url: str
    title: str
    text: Callable  # (obj) -> str
    meta: Callable  # (obj) -> iterable of str
    list_url: str
    more_params: dict = field(default_factory=dict)

    def hit(self, obj) -> Hit:
        return Hit(title=getattr(obj, self.title), url=reverse(self.detail_url, args=[obj.pk]), text=self.text(obj),
                   meta=" · ".join(part for part in self.meta(obj) if part), badge=obj.get_status_display())

    def search(self, user, term: str, limit: int) -> list[Hit]:
        return [self.hit(obj) for obj in self.rows(user, term)[:limit]]

    def more_url(self, term: str) -> str:
        return f"{reverse(self.list_url)}?{urlencode({'q': term, **self.more_params})}"

    def register(self) -> None:
        register_search_provider(SearchProvider(key=self.key, label=self.label, search=self.search,
                                                more_url=self.more_url, order=self.order))
