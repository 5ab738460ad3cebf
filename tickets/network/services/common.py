"""Network requests' recipients and notices; status changes go through the kernel (helpdesk.workflow)."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.notify import notify
from helpdesk.roles import Role, supervisors_of
from helpdesk.workflow import (  # noqa: F401  (TransitionNotAllowed re-exported)
    TransitionNotAllowed,
    ensure_allowed,
    ensure_not_own_request,
    record_created,
    transition,
)


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


def checked_request_transitions(status, *, done: str) -> dict[str, set[str]]:
    """The table of a request the admin carries out (``done``: assigned, applied) and the technician then
    configures and tests: all three tests passed closes it, a failed test waits for another round."""
    return {
        "": {status.SUBMITTED},
        status.SUBMITTED: {done, status.RETURNED, status.CANCELLED},
        status.RETURNED: {status.SUBMITTED, status.CANCELLED},
        done: {status.CLOSED, status.CHECK_FAILED},
        status.CHECK_FAILED: {status.CLOSED, status.CHECK_FAILED},
        status.CLOSED: set(),
        status.CANCELLED: set(),
    }


class CheckedRequestSteps:
    """The steps an IP request and a MAC change share: file, return to the unit, resubmit, cancel, record the
    technician's checks. Each step takes the request under the kind's own keyword (``request=`` for an IP
    request, ``change=`` for a MAC change), so ``ip_request_cancel`` (``IP_STEPS.cancel``) keeps its callers.

    ``done`` is the status the admin's step reaches (the technician tests from it or from a failed test);
    ``finished_field`` is stamped when the request ends (cancelled, or closed by passed checks); ``survey`` is
    the service code and the words of the survey the requester gets when it closes.
    """

    def __init__(self, model, *, keyword: str, done: str, url_name: str, finished_field: str,
                 survey: tuple[str, str]):
        self.model = model
        self.keyword = keyword
        self.table = checked_request_transitions(model.Status, done=done)
        self.checks_from = (done, model.Status.CHECK_FAILED)
        self.url_name = url_name
        self.finished_field = finished_field
        self.survey = survey

    def functions(self) -> tuple:
        """The steps as the kind's service functions are named: ``<kind>_create, _resubmit, _return, _cancel,
        _record_checks`` (tickets.network.services)."""
        return self.create, self.resubmit, self.send_back, self.cancel, self.record_checks

    def shared_steps(self) -> dict:
        """The steps by the names the request pages use (tickets.network.views.kinds.RequestKind)."""
        return {"keyword": self.keyword, "create": self.create, "resubmit": self.resubmit,
                "send_back": self.send_back, "cancel": self.cancel, "record_checks": self.record_checks,
                "checks_from": self.checks_from}

    def _target(self, given: dict):
        if set(given) != {self.keyword}:
            raise TypeError(f"expected the request as {self.keyword}=")
        return given[self.keyword]

    def create(self, *, by, **given):
        return request_file(self._target(given), by=by, recipients=network_admin_emails(), url_name=self.url_name)

    def resubmit(self, *, by, **given):
        """After the unit fixed what was returned (the edit form saved the fields)."""
        return request_step(self.model, self._target(given), to=self.model.Status.SUBMITTED, by=by,
                            table=self.table, note=_("แก้ไขและส่งคำขออีกครั้ง"), fields={"return_reason": ""},
                            recipients=network_admin_emails(), url_name=self.url_name)

    def send_back(self, *, by, reason: str, **given):
        obj = self._target(given)
        return request_step(self.model, obj, to=self.model.Status.RETURNED, by=by, table=self.table, note=reason,
                            fields={"return_reason": reason}, recipients=[obj.requested_by.email],
                            url_name=self.url_name, notice_note=reason)

    def cancel(self, *, by, note: str = "", **given):
        with transaction.atomic():
            return transition(self.model, self._target(given).pk, to=self.model.Status.CANCELLED, by=by, note=note,
                              table=self.table, apply=lambda r: setattr(r, self.finished_field, timezone.now()))

    def record_checks(self, *, by, configuration_note: str, mis_result: str, mis_note: str, daily_plan_result: str,
                      daily_plan_note: str, internet_result: str, internet_note: str, **given):
        """The technician's configuration and MIS / Daily Plan / Internet tests (3.1.5, 3.2.4); the request
        closes only when all three pass."""
        values = {
            "configuration_note": configuration_note, "mis_result": mis_result, "mis_note": mis_note,
            "daily_plan_result": daily_plan_result, "daily_plan_note": daily_plan_note,
            "internet_result": internet_result, "internet_note": internet_note,
        }
        passed = all(value == "passed" for value in (mis_result, daily_plan_result, internet_result))
        now = timezone.now()

        def apply(r):
            for name, value in values.items():
                setattr(r, name, value)
            r.checked_by = by
            r.checked_at = now
            if passed:
                setattr(r, self.finished_field, now)

        status = self.model.Status
        with transaction.atomic():
            obj = transition(
                self.model, self._target(given).pk, to=status.CLOSED if passed else status.CHECK_FAILED, by=by,
                table=self.table,
                note=_("ทดสอบ MIS / Daily Plan / Internet ผ่านทั้งหมด") if passed else _("ทดสอบไม่ผ่านบางรายการ"),
                apply=apply,
            )
            if passed:
                service_code, what = self.survey
                invite_survey(obj, service_code=service_code, by=by, what=what)
        if passed:
            notify_status(obj, recipients=[obj.requested_by.email], url_name=self.url_name)
        return obj

    def carry_out(self, obj, *, by, to: str, note, check, apply):
        """The admin's step (assign an address, apply a MAC): under the request's lock, refuse self-approval,
        run ``check(locked)`` (the registry work; it raises a Thai ``ValidationError`` to refuse and returns
        what the step produced), move to ``to`` setting ``apply(locked, produced)``, tell the requester."""
        with transaction.atomic():
            locked = self.model.objects.select_for_update().get(pk=obj.pk)
            ensure_allowed(locked, to=to, table=self.table)
            ensure_not_own_request(requested_by=locked.requested_by, by=by)
            produced = check(locked)
            obj = transition(self.model, locked.pk, to=to, by=by, table=self.table, note=note(produced),
                             apply=lambda r: apply(r, produced))
        notify_status(obj, recipients=[obj.requested_by.email], url_name=self.url_name)
        return obj, produced
