"""Who may read the register and fetch an issued document."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from helpdesk.roles import is_service_staff

from .kinds import get_letter_kind
from .models import IssuedDocument


def can_keep_register(user) -> bool:
    """Service-desk staff read the register and every document; they issue and cancel letters."""
    return user.is_authenticated and (user.is_superuser or is_service_staff(user))


def require_register_keeper(request) -> None:
    if not can_keep_register(request.user):
        raise PermissionDenied


def get_document_for_user(request_or_user, pk: int) -> IssuedDocument:
    """The document `pk` for staff, or for a user who may read its record (the record's own access rule); else 404."""
    user = getattr(request_or_user, "user", request_or_user)
    document = get_object_or_404(IssuedDocument.objects.select_related("register", "unit"), pk=pk)
    if can_keep_register(user):
        return document
    kind = get_letter_kind(document.kind)
    record = document.record if document.content_type_id else None
    if kind is None or record is None or not user.is_authenticated or not kind.visible(user, record):
        raise Http404
    return document
