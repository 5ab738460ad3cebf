"""One way to change a request's status: check the table, lock the row, write the event."""

from collections.abc import Callable

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.notify import notify
from helpdesk.roles import Role


class TransitionNotAllowed(ValidationError):
    """The request is not in a status from which this step may be taken."""


def ensure_allowed(obj: models.Model, *, to: str, table: dict[str, set[str]]) -> None:
    if to not in table.get(obj.status, set()):
        raise TransitionNotAllowed(
            _("ไม่สามารถเปลี่ยนสถานะจาก “%(from)s” เป็น “%(to)s” ได้")
            % {"from": obj.get_status_display(), "to": type(obj).Status(to).label},
            code="transition",
        )


def transition(
    model: type[models.Model],
    pk: int,
    *,
    to: str,
    by: User | None,
    note: str = "",
    table: dict[str, set[str]],
    apply: Callable[[models.Model], None] | None = None,
) -> models.Model:
    """Lock the row, check ``table``, let ``apply`` set other fields, save and write the event.

    Must run inside ``transaction.atomic``; the caller's work (assignment rows …) joins the same transaction.
    """
    obj = model.objects.select_for_update().get(pk=pk)
    current = obj.status
    ensure_allowed(obj, to=to, table=table)
    obj.status = to
    if apply is not None:
        apply(obj)
    obj.save()
    obj.events.create(from_status=current, to_status=to, by=by, note=note, at=timezone.now())
    return obj


def network_admin_emails() -> list[str]:
    group = Group.objects.filter(name=Role.NETWORK_ADMIN).first()
    if group is None:
        return []
    return list(group.user_set.filter(is_active=True).values_list("email", flat=True))


def supervisor_emails(unit) -> list[str]:
    """Supervisors of the unit or of a unit above it (their unit's path is a prefix of this one's)."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    return list(
        User.objects.filter(
            is_active=True, groups__name=Role.SUPERVISOR, profile__unit_id__in=ids
        ).values_list("email", flat=True)
    )


def notify_status(obj, *, recipients: list[str], url_name: str, note: str = "") -> None:
    notify(
        recipients=recipients,
        subject=_("[%(ref)s] %(status)s") % {"ref": obj.reference, "status": obj.get_status_display()},
        template="email/network/status.txt",
        context={"obj": obj, "note": note, "path": reverse(url_name, args=[obj.pk])},
    )
