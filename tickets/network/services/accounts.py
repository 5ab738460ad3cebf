"""Service-account requests: supervisor approval, then the admin issues the account (no passwords)."""

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.workflow import ensure_not_own_request

from ..models import AccountRequest, ServiceAccount
from .common import (
    invite_survey,
    network_admin_emails,
    notify_status,
    request_file,
    request_step,
    supervisor_emails,
    transition,
)

S = AccountRequest.Status
ACCOUNT_REQUEST_TRANSITIONS: dict[str, set[str]] = {
    "": {S.SUBMITTED},
    S.SUBMITTED: {S.APPROVED, S.RETURNED, S.CANCELLED},
    S.RETURNED: {S.SUBMITTED, S.CANCELLED},
    # The admin may still find the request incomplete and send it back (003 §6.7).
    S.APPROVED: {S.COMPLETED, S.RETURNED},
    S.COMPLETED: set(),
    S.CANCELLED: set(),
}


def account_request_create(*, request: AccountRequest, by: User) -> AccountRequest:
    return request_file(request, by=by, recipients=supervisor_emails(request.unit),
                        url_name="network:account_request_detail")


def account_request_resubmit(*, request: AccountRequest, by: User) -> AccountRequest:
    return request_step(AccountRequest, request, to=S.SUBMITTED, by=by, table=ACCOUNT_REQUEST_TRANSITIONS,
                        note=_("แก้ไขและส่งคำขออีกครั้ง"), fields={"return_note": ""},
                        recipients=supervisor_emails(request.unit), url_name="network:account_request_detail")


def _not_own_request(by: User):
    def guard(obj: AccountRequest, to: str) -> None:
        ensure_not_own_request(requested_by=obj.requested_by, by=by)

    return guard


def account_request_approve(*, request: AccountRequest, by: User, note: str = "") -> AccountRequest:
    return request_step(AccountRequest, request, to=S.APPROVED, by=by, table=ACCOUNT_REQUEST_TRANSITIONS, note=note,
                        fields={"approved_by": by, "approved_at": timezone.now()},
                        recipients=network_admin_emails(), url_name="network:account_request_detail",
                        guards=[_not_own_request(by)])


def account_request_return(*, request: AccountRequest, by: User, note: str) -> AccountRequest:
    """Incomplete: back to the requester with what to fix; approval must be given again."""
    return request_step(AccountRequest, request, to=S.RETURNED, by=by, table=ACCOUNT_REQUEST_TRANSITIONS, note=note,
                        fields={"return_note": note, "approved_by": None, "approved_at": None},
                        recipients=[request.requested_by.email], url_name="network:account_request_detail",
                        notice_note=note)


def account_request_cancel(*, request: AccountRequest, by: User) -> AccountRequest:
    with transaction.atomic():
        return transition(AccountRequest, request.pk, to=S.CANCELLED, by=by, table=ACCOUNT_REQUEST_TRANSITIONS,
                          apply=lambda r: setattr(r, "finished_at", timezone.now()))


def account_request_complete(
    *,
    request: AccountRequest,
    by: User,
    user_id: str = "",
    email: str = "",
    delivery_method: str = "",
    delivered_at: dt.datetime | None = None,
    note: str = "",
) -> AccountRequest:
    """new: open the account; reset: record the new delivery; close: deactivate the account.

    Only the user ID, the e-mail address and how/when/by whom the credentials reached the person are kept.
    """
    with transaction.atomic():
        locked = AccountRequest.objects.select_for_update().get(pk=request.pk)
        now = timezone.now()
        account = None
        if locked.kind == AccountRequest.Kind.NEW:
            try:
                with transaction.atomic():
                    account = ServiceAccount.objects.create(
                        service=locked.service, unit=locked.unit, person_name=locked.person_name,
                        person_position=locked.person_position, user_id=user_id, email=email, opened_at=now,
                    )
            except IntegrityError as error:
                raise ValidationError(
                    _("ชื่อผู้ใช้ %(user_id)s มีผู้ใช้งานอยู่แล้วในบริการ %(service)s")
                    % {"user_id": user_id, "service": locked.service.name},
                    code="user_id_taken",
                ) from error
        else:
            account = ServiceAccount.objects.select_for_update().filter(pk=locked.account_id).first()
            if account is None or not account.is_active:
                raise ValidationError(_("บัญชีผู้ใช้ที่ระบุไม่อยู่ในสถานะใช้งาน"), code="account_inactive")
            if locked.kind == AccountRequest.Kind.CLOSE:
                account.is_active = False
                account.closed_at = now
                account.save(update_fields=["is_active", "closed_at"])
            elif email and email != account.email:
                account.email = email
                account.save(update_fields=["email"])

        def apply(r):
            r.account = account
            r.finished_at = now
            if r.kind != AccountRequest.Kind.CLOSE:
                r.issued_user_id = account.user_id
                r.issued_email = account.email
                r.delivery_method = delivery_method
                r.delivered_by = by
                r.delivered_at = delivered_at or now

        request = transition(AccountRequest, locked.pk, to=S.COMPLETED, by=by, note=note,
                             table=ACCOUNT_REQUEST_TRANSITIONS, apply=apply)
        invite_survey(request, service_code="network_account", by=by,
                      what=f"{request.get_kind_display()} {request.service.name}")
    notify_status(request, recipients=[request.requested_by.email], url_name="network:account_request_detail")
    return request
