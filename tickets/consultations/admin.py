from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tickets.consultations.models import Consultation, MemoRequest, Topic


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ("recorded_at", "unit", "caller_name", "category", "topic", "minutes", "solved", "ticket")
    list_filter = ("solved", "channel")
    search_fields = ("question", "answer", "caller_name")
    raw_id_fields = ("unit", "topic", "ticket", "category")
    readonly_fields = ("recorded_by",)


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    """Status changes go through the question log's pages (the kernel transition)."""

    list_display = ("title", "status", "accepted_at", "due_at", "answered_at")
    list_filter = ("status",)
    search_fields = ("title",)
    readonly_fields = ("status", "accepted_at", "due_at", "answered_at", "created_by")
    filter_horizontal = ("articles",)


@admin.register(MemoRequest)
class MemoRequestAdmin(SimpleHistoryAdmin):
    list_display = ("memo_number", "memo_date", "unit", "topic", "accepted_at")
    search_fields = ("memo_number", "subject")
    raw_id_fields = ("unit", "topic")
    readonly_fields = ("recorded_by", "accepted_at")
