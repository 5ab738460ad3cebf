"""Who may see and do what with a unit request. Every request fetched by id goes through get_unit_request_for_user."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import UnitRequest
from .services import CANCELLABLE, EDITABLE, can_decide, can_file, is_fulfiller, is_requester

__all__ = ["can_cancel", "can_decide", "can_edit", "can_file", "get_unit_request_for_user", "is_fulfiller",
           "require"]

S = UnitRequest.Status


def require(allowed: bool) -> None:
    """403 for users who may read the request but not take this step."""
    if not allowed:
        raise PermissionDenied


def get_unit_request_for_user(user, pk: int) -> UnitRequest:
    """The request when the user may read it; another unit's request is a 404."""
    queryset = UnitRequest.objects.visible_to(user).select_related(
        "unit", "unit__area", "requested_by", "decided_by", "fulfilled_by", "disbursement", "loan", "loan__asset")
    return get_object_or_404(queryset, pk=pk)


def can_edit(user, obj: UnitRequest) -> bool:
    return is_requester(user, obj) and obj.status in EDITABLE


def can_cancel(user, obj: UnitRequest) -> bool:
    return is_requester(user, obj) and obj.status in CANCELLABLE


def can_approve(user, obj: UnitRequest) -> bool:
    return obj.status == S.SUBMITTED and can_decide(user, obj)


def can_fulfil(user, obj: UnitRequest) -> bool:
    return obj.status == S.APPROVED and is_fulfiller(user)
