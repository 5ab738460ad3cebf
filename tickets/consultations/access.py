"""One access helper per model: the consultation and question logs are the service desk's own records."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from tickets.consultations.models import Consultation, MemoRequest, Topic, is_desk_staff


def ensure_desk_staff(user) -> None:
    if not is_desk_staff(user):
        raise PermissionDenied


def get_consultation_for_user(user, pk: int) -> Consultation:
    ensure_desk_staff(user)
    return get_object_or_404(Consultation.objects.select_related("unit", "category", "topic", "ticket",
                                                                 "recorded_by"), pk=pk)


def get_topic_for_user(user, pk: int) -> Topic:
    ensure_desk_staff(user)
    return get_object_or_404(Topic.objects.with_question_counts(), pk=pk)


def get_memo_for_user(user, pk: int) -> MemoRequest:
    ensure_desk_staff(user)
    return get_object_or_404(MemoRequest.objects.select_related("unit", "topic", "recorded_by"), pk=pk)
