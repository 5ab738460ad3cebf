"""The registry of letter kinds: each app registers the letters its processes end with.

A kind knows how to find its record for a user (the record's own access helper, so another unit
gets 404), whether the record is ready for the letter, and what the letter says. The register and
the issued documents are the same for every kind.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from helpdesk.roles import is_service_staff


class LetterNotReady(ValidationError):
    """The record is not in a state this letter can be issued for (the message says why, in Thai)."""


@dataclass
class Letter:
    """What one letter says, composed from its record at the moment of issue."""

    subject: str
    addressee: str
    body_template: str
    context: dict = field(default_factory=dict)
    record: Any = None  # a model instance, or None for letters about a period
    record_key: str = ""
    record_label: str = ""
    unit: Any = None  # the unit the record belongs to (filters, access of unit users)
    team: Any = None  # the issuing team: its head signs
    # The person the process holds accountable for this letter (the deputy director who approved a data
    # request signs its reply), with the position printed under the name; None: the team's signer.
    signer: Any = None
    signer_position: str = ""
    form: str = ""  # memo / external; empty: the kind decides
    references: list[str] = field(default_factory=list)  # อ้างถึง
    enclosures: list[str] = field(default_factory=list)  # สิ่งที่ส่งมาด้วย
    recipients: list[str] = field(default_factory=list)  # e-mail addresses told of the issued letter
    closing: str = ""  # the purpose line before the signature ("จึงเรียนมาเพื่อโปรดทราบ")
    appendix_template: str = ""  # printed after the signature block (e.g. the hand-over receipt)


def _staff(user, target) -> bool:
    return is_service_staff(user)


def record_access(model, *related: str, fetch: Callable[[Any, int], Any] | None = None) -> tuple[Callable, Callable]:
    """A kind's ``resolve`` and ``visible`` for a record of `model` keyed by its id (a key that is not a number is
    a 404). ``resolve`` reads it through ``fetch(user, pk)``, the record's access helper, or else among
    ``model.objects.visible_to(user)`` with ``select_related(*related)`` (404 outside); ``visible`` asks whether
    it is among ``model.objects.visible_to(user)`` (one query)."""

    def resolve(user, key: str):
        if not key.isdigit():
            raise Http404
        if fetch is not None:
            return fetch(user, int(key))
        return get_object_or_404(model.objects.visible_to(user).select_related(*related), pk=int(key))

    def visible(user, record) -> bool:
        return model.objects.visible_to(user).filter(pk=record.pk).exists()

    return resolve, visible


@dataclass(frozen=True)
class LetterKind:
    code: str
    label: str
    # memo / external, or "unit": letters to a requesting unit, in the form the agency chose
    form: str
    # (user, key) → the record (or period) the letter is about; raises Http404 for what the user may not see
    resolve: Callable[[Any, str], Any]
    compose: Callable[[Any], Letter]
    # (user, record) → may this user read documents issued for the record (the record's access helper)
    visible: Callable[[Any, Any], bool]
    # (user, target) → may this user issue / cancel the letter
    may_issue: Callable[[Any, Any], bool] = _staff
    key: Callable[[Any], str] = lambda target: str(target.pk)
    # (issuer) → the demo records this kind writes a letter for (seed_demo); None: the kind has no demo letter
    demo_targets: Callable[[Any], Any] | None = None


_kinds: dict[str, LetterKind] = {}


def register_letter_kind(kind: LetterKind) -> None:
    _kinds[kind.code] = kind


def unregister_letter_kind(code: str) -> None:
    _kinds.pop(code, None)


def get_letter_kind(code: str) -> LetterKind | None:
    return _kinds.get(code)


def letter_kinds() -> list[LetterKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.label)


def kind_label(code: str) -> str:
    kind = _kinds.get(code)
    return str(kind.label) if kind else code
