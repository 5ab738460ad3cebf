"""Who may see and do what with a data request. Every object fetched by id goes through one helper here."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from helpdesk.roles import Role, has_role, user_unit

from .models import DataFile, DataRequest, is_deputy_director, is_ict_staff

S = DataRequest.Status

__all__ = [
    "can_approve", "can_prepare", "can_read_letter", "can_record", "can_review", "can_screen", "can_see_file",
    "can_see_personal_data",
    "get_data_file_for_user", "get_data_request_for_user", "is_deputy_director", "require",
]


def require(allowed: bool) -> None:
    """403 for users who may read the record but not take this step."""
    if not allowed:
        raise PermissionDenied


def get_data_request_for_user(user, pk: int) -> DataRequest:
    queryset = DataRequest.objects.visible_to(user).select_related(
        "unit", "recorded_by", "officer", "screened_by", "reviewed_by", "approved_by", "sent_by"
    )
    return get_object_or_404(queryset, pk=pk)


def get_data_file_for_user(user, request_pk: int, pk: int) -> DataFile:
    request = get_data_request_for_user(user, request_pk)
    data_file = get_object_or_404(DataFile.objects.filter(request=request), pk=pk)
    data_file.request = request
    return data_file


def is_it_head(user) -> bool:
    return user.is_superuser or has_role(user, Role.IT_HEAD)


def can_record(user) -> bool:
    """ICT staff record letters that came in."""
    return is_ict_staff(user)


def can_file_online(user) -> bool:
    """A unit of the agency files a request online."""
    return user_unit(user) is not None and has_role(user, Role.REQUESTER, Role.SUPERVISOR)


def can_edit_letter(user, obj: DataRequest) -> bool:
    if obj.status not in (S.RECEIVED, S.SCREENING):
        return False
    return is_ict_staff(user) or (obj.recorded_by_id == user.pk and obj.status == S.RECEIVED)


def can_screen(user, obj: DataRequest) -> bool:
    return is_it_head(user)


def is_officer(user, obj: DataRequest) -> bool:
    return obj.officer_id is not None and obj.officer_id == user.pk


def can_prepare(user, obj: DataRequest) -> bool:
    return is_officer(user, obj)


def can_review(user, obj: DataRequest) -> bool:
    """The head of ICT checks the officer's work; nobody checks their own."""
    return is_it_head(user) and not is_officer(user, obj)


def can_approve(user, obj: DataRequest) -> bool:
    return is_deputy_director(user) and not is_officer(user, obj)


def can_send(user, obj: DataRequest) -> bool:
    return is_officer(user, obj) or is_it_head(user)


def is_reviewer(user) -> bool:
    return is_it_head(user) or is_deputy_director(user)


def can_see_personal_data(user, obj: DataRequest) -> bool:
    """Personal data files (PDPA): the officer, the reviewers (head of ICT, deputy director), network admins."""
    return is_officer(user, obj) or is_reviewer(user) or user.is_superuser or has_role(user, Role.NETWORK_ADMIN)


def can_see_file(user, data_file: DataFile) -> bool:
    obj = data_file.request
    if data_file.is_personal:
        return can_see_personal_data(user, obj)
    # Other prepared data: the desk and the approvers; the filing unit once the reply went out.
    return is_ict_staff(user) or is_reviewer(user) or obj.status in (S.REPLIED, S.CLOSED)


def can_read_letter(user, obj: DataRequest, kind: str) -> bool:
    """The unnumbered draft of a letter (ร่าง): the desk and the approvers, the reply while it is checked and
    approved, the summary once closed. An issued letter is read by whoever sees the request."""
    from .services import REPLY_DRAFT_STATUSES

    statuses = REPLY_DRAFT_STATUSES if kind == "reply" else (S.CLOSED,)
    return obj.status in statuses and (is_ict_staff(user) or is_deputy_director(user))
