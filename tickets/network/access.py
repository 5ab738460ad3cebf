"""Who may see and do what. Every object fetched by id goes through one helper here."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from helpdesk.roles import Role, has_role, is_supervisor_of, user_unit

from .models import AccountRequest, IPAssignment, IPRequest, MacChangeRequest
from .models.common import is_network_admin, is_technician

__all__ = [
    "can_open_id_card", "can_see_personal_data", "get_account_request_for_user", "get_assignment_for_user",
    "get_ip_request_for_user", "get_mac_change_for_user", "is_applicant", "is_network_admin", "is_technician",
    "is_unit_member", "require",
]


def require(allowed: bool) -> None:
    """403 for users who may read the record but not take this step."""
    if not allowed:
        raise PermissionDenied


def get_ip_request_for_user(user, pk: int) -> IPRequest:
    queryset = IPRequest.objects.visible_to(user).select_related(
        "unit", "requested_by", "asset", "subnet", "checked_by"
    )
    return get_object_or_404(queryset, pk=pk)


def get_assignment_for_user(user, pk: int) -> IPAssignment:
    queryset = IPAssignment.objects.visible_to(user).select_related("subnet", "unit", "asset", "request")
    return get_object_or_404(queryset, pk=pk)


def get_mac_change_for_user(user, pk: int) -> MacChangeRequest:
    queryset = MacChangeRequest.objects.visible_to(user).select_related(
        "unit", "requested_by", "assignment", "assignment__subnet", "decided_by"
    )
    return get_object_or_404(queryset, pk=pk)


def get_account_request_for_user(user, pk: int) -> AccountRequest:
    queryset = AccountRequest.objects.visible_to(user).select_related(
        "unit", "requested_by", "service", "account", "approved_by", "delivered_by"
    )
    return get_object_or_404(queryset, pk=pk)


def is_applicant(user, obj) -> bool:
    return obj.requested_by_id == user.pk


def is_unit_member(user, obj) -> bool:
    unit = user_unit(user)
    return unit is not None and unit.pk == obj.unit_id


def supervises(user, obj) -> bool:
    """A supervisor of the request's unit or of a unit above it."""
    return is_supervisor_of(user, obj.unit)


def can_open_id_card(user, obj) -> bool:
    """ID-card copies (PDPA): only the applicant and the network admins. The supervisor approves on the
    form data and never opens the copy."""
    return is_applicant(user, obj) or is_network_admin(user)


def can_see_personal_data(user, obj) -> bool:
    """Phone numbers: the applicant, the approving supervisor, network admins."""
    if is_applicant(user, obj) or is_network_admin(user):
        return True
    if isinstance(obj, AccountRequest):
        if obj.approved_by_id:
            return obj.approved_by_id == user.pk
        return supervises(user, obj)
    return False


def can_edit_request(user, obj) -> bool:
    """The applicant (or a colleague of the same unit) fixes a returned request."""
    return is_applicant(user, obj) or (is_unit_member(user, obj) and has_role(user, Role.REQUESTER, Role.SUPERVISOR))


def can_approve_account(user, obj: AccountRequest) -> bool:
    """The unit's supervisor approves; nobody approves their own request."""
    if is_applicant(user, obj):
        return False
    return supervises(user, obj) or user.is_superuser
