"""Network requests' recipients and notices; status changes go through the kernel (helpdesk.workflow)."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from helpdesk.notify import notify
from helpdesk.roles import Role, supervisors_of
from helpdesk.workflow import TransitionNotAllowed, ensure_allowed, record_created, transition  # noqa: F401


def network_admin_emails() -> list[str]:
    group = Group.objects.filter(name=Role.NETWORK_ADMIN).first()
    if group is None:
        return []
    return list(group.user_set.filter(is_active=True).values_list("email", flat=True))


def supervisor_emails(unit) -> list[str]:
    """Supervisors of the unit or of a unit above it (their unit's path is a prefix of this one's)."""
    return list(supervisors_of(unit).values_list("email", flat=True))


def invite_survey(obj, *, service_code: str, what: str, by) -> None:
    """The person who asked is invited to rate the completed request (helpdesk.surveys)."""
    from helpdesk.surveys.services import survey_invite

    survey_invite(record=obj, service_code=service_code, label=f"{obj.reference} {what}"[:255], unit=obj.unit,
                  team=obj.unit.team, served=obj.requested_by, provider=by)


def notify_status(obj, *, recipients: list[str], url_name: str, note: str = "") -> None:
    notify(
        recipients=recipients,
        subject=_("[%(ref)s] %(status)s") % {"ref": obj.reference, "status": obj.get_status_display()},
        template="email/network/status.txt",
        context={"obj": obj, "note": note, "path": reverse(url_name, args=[obj.pk])},
        kind="network",
        url=reverse(url_name, args=[obj.pk]),
    )


def request_file(obj, *, by, recipients: list[str], url_name: str):
    """File a new request: status submitted, its first event, a notice to whoever acts next."""
    with transaction.atomic():
        obj.status = obj.Status.SUBMITTED
        obj.save()
        record_created(obj, by=by)
    notify_status(obj, recipients=recipients, url_name=url_name)
    return obj


def request_step(model, obj, *, to: str, by, table, recipients: list[str], url_name: str, note: str = "",
                 fields: dict | None = None, notice_note: str = "", guards=()):
    """One status change through the kernel (setting `fields` on the way), then the notice to `recipients`."""

    def apply(locked):
        for name, value in (fields or {}).items():
            setattr(locked, name, value)

    obj = transition(model, obj.pk, to=to, by=by, note=note, table=table, apply=apply, guards=guards)
    notify_status(obj, recipients=recipients, url_name=url_name, note=notice_note)
    return obj
