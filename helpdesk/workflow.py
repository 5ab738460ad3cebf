"""The request kernel: one way to change the status of any request, and the approval rule.

Every process (tickets, IP/MAC/account requests, publishing, meetings, data requests, systems …)
declares a transition table ``{from_status: {to_status, …}}`` on its model and changes status only
through :func:`transition`: it locks the row (``select_for_update``, through ``queryset`` when the
caller wants related rows with it), asks ``permitted`` (who may take the step: ``PermissionDenied``),
optionally checks the row's version, checks the table (:class:`TransitionNotAllowed`, a Thai
``ValidationError``), runs the process's guards, lets the caller set other fields (``apply``), saves,
writes the event row (who/when/from/to/note, :func:`write_event`) and schedules notifications after
the commit (``on_commit``). The event model subclasses :class:`helpdesk.models.StatusEvent` (or names
its actor field in ``actor_field``) and is reached through ``obj.events``.

:func:`ensure_not_own_request` is the one rule "nobody approves their own request", called by
every approval step in the product (with the role check the caller passes).

The rest of the kernel, one module each: :mod:`helpdesk.models` (``StatusEvent``, units, teams),
:mod:`helpdesk.roles` (roles, unit visibility), :mod:`helpdesk.uploads` (upload checks by content and
size), :mod:`helpdesk.notify` (e-mail through the task queue), :mod:`helpdesk.reminders` (due
notices), :mod:`helpdesk.dashboard` (home widgets and report sections), :mod:`helpdesk.pdf`,
:mod:`helpdesk.workdays`, :mod:`helpdesk.csvexport` (CSV writer) and :mod:`helpdesk.parsing`
(B.E. dates). docs/architecture.md shows how a process plugs in.
"""

from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STALE_MESSAGE = gettext_lazy("รายการนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง")
OWN_REQUEST_MESSAGE = gettext_lazy("ผู้ยื่นคำขอไม่สามารถอนุมัติคำขอของตนเองได้")

Guard = Callable[[models.Model, str], None]


class TransitionNotAllowed(ValidationError):
    """The request is not in a status from which this step may be taken."""


class SelfApprovalRefused(PermissionDenied):
    """Someone tried to approve a request they filed (or work they did)."""

    def __init__(self, message=None):
        self.message = str(message or OWN_REQUEST_MESSAGE)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def _status_label(model: type[models.Model], code: str) -> str:
    status = getattr(model, "Status", None)
    if status is not None and code in status.values:
        return str(status(code).label)
    return str(dict(model._meta.get_field("status").flatchoices).get(code, code))


def ensure_allowed(obj: models.Model, *, to: str, table: dict[str, set[str]]) -> None:
    """Raise :class:`TransitionNotAllowed` (Thai message) unless ``table`` allows ``obj.status → to``."""
    if to not in table.get(obj.status, set()):
        raise TransitionNotAllowed(
            _("ไม่สามารถเปลี่ยนสถานะจาก “%(from)s” เป็น “%(to)s” ได้")
            % {"from": _status_label(type(obj), obj.status), "to": _status_label(type(obj), to)},
            code="transition",
        )


def transition(
    model: type[models.Model],
    pk: int,
    *,
    to: str,
    by,
    note: str = "",
    table: dict[str, set[str]],
    apply: Callable[[models.Model], None] | None = None,
    guards: Iterable[Guard] = (),
    permitted: Callable[[models.Model], bool] | None = None,
    expected_version: int | None = None,
    version_field: str = "version",
    bump_version: bool = False,
    stale_message=None,
    queryset: models.QuerySet | None = None,
    on_commit: Callable[[models.Model], None] | None = None,
    event_fields: dict | None = None,
) -> models.Model:
    """Lock the row, check permission, version and ``table``, run ``guards``, ``apply`` other fields, save,
    write the event.

    - ``queryset``: where to lock the row from (``select_related`` for what ``apply``/``on_commit`` read);
      default ``model.objects``.
    - ``permitted``: ``permitted(obj) -> bool`` on the locked row, first of all checks; False raises
      ``PermissionDenied``.
    - ``expected_version``: when given, the row's ``version_field`` must still equal it (else a
      "changed by someone else" ``ValidationError`` with code ``stale``, text ``stale_message``); the
      version is then bumped (always with ``bump_version``).
    - ``guards``: callables ``guard(obj, to)`` that raise ``ValidationError`` (Thai message) to refuse;
      they run with the row locked and ``obj.status`` still the current status.
    - ``apply``: ``apply(obj)`` after ``obj.status`` is set to ``to``; ``obj.transition_from`` holds the
      status it leaves (also for ``on_commit``). It may raise to refuse: nothing is saved.
    - ``on_commit``: called with the saved object after the transaction commits (notifications).
    - ``event_fields``: extra fields for the event row (``at`` may be given to match ``apply``'s clock).

    Opens its own atomic block, so callers may add work (assignment rows …) in an outer transaction.
    """
    note = (note or "").strip()
    with transaction.atomic():
        obj = (queryset if queryset is not None else model.objects).select_for_update().get(pk=pk)
        if permitted is not None and not permitted(obj):
            raise PermissionDenied
        if expected_version is not None and getattr(obj, version_field) != expected_version:
            raise ValidationError(stale_message or STALE_MESSAGE, code="stale")
        current = obj.status
        ensure_allowed(obj, to=to, table=table)
        for guard in guards:
            guard(obj, to)
        obj.status = to
        obj.transition_from = current
        if apply is not None:
            apply(obj)
        if expected_version is not None or bump_version:
            setattr(obj, version_field, getattr(obj, version_field) + 1)
        obj.save()
        write_event(obj, from_status=current, to_status=to, by=by, note=note, **(event_fields or {}))
        if on_commit is not None:
            transaction.on_commit(lambda: on_commit(obj))
    return obj


def write_event(obj: models.Model, *, from_status: str, to_status: str, by, note: str = "", **fields) -> models.Model:
    """One row in ``obj.events``: who (the event model's ``actor_field``, default ``by``), when, from, to, note."""
    events = obj.events
    actor_field = getattr(events.model, "actor_field", "by")
    fields.setdefault("at", timezone.now())
    return events.create(from_status=from_status, to_status=to_status, note=note, **{actor_field: by}, **fields)


def record_created(obj: models.Model, *, by, note: str = "", **event_fields) -> None:
    """The first event of a new request (from nothing to its initial status)."""
    write_event(obj, from_status="", to_status=obj.status, by=by, note=(note or "").strip(), **event_fields)


def ensure_not_own_request(*, requested_by, by, allowed: bool = True, message=None) -> None:
    """The approval rule: ``by`` may approve only when ``allowed`` (the caller's role check) and when
    ``by`` is not ``requested_by`` (one user, or several: the filer, the person it is for, who did the work).

    Raises :class:`SelfApprovalRefused` (a ``PermissionDenied`` whose text is Thai) or ``PermissionDenied``.
    """
    if not allowed:
        raise PermissionDenied(_("คุณไม่มีสิทธิ์อนุมัติรายการนี้"))
    people = requested_by if isinstance(requested_by, list | tuple | set) else [requested_by]
    by_pk = getattr(by, "pk", None)
    if by_pk is not None and any(getattr(person, "pk", person) == by_pk for person in people if person):
        raise SelfApprovalRefused(message)
