from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import HistoryInline, ReadOnlyAdminMixin

from .models import DataFile, DataFileAccess, DataRequest, DataRequestEvent, DeputyApprover


@admin.register(DeputyApprover)
class DeputyApproverAdmin(admin.ModelAdmin):
    """The named approvers (รองผู้อำนวยการ) who may approve and sign replies, besides the deputy_director role."""

    list_display = ["user", "title", "is_active"]
    list_filter = ["is_active"]
    autocomplete_fields = ["user"]


class EventInline(HistoryInline):
    model = DataRequestEvent
    readonly_fields = ["at", "by", "from_status", "to_status", "note"]


class DataFileInline(HistoryInline):
    model = DataFile
    fields = ["name", "content_type", "size", "is_personal", "uploaded_by", "uploaded_at", "purged_at"]


@admin.register(DataRequest)
class DataRequestAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Read-only: status changes only through the workflow (one service function per step)."""

    list_display = ["__str__", "organisation", "letter_number", "received_at", "due_at", "status", "outcome"]
    list_filter = ["status", "outcome", "channel"]
    search_fields = ["organisation", "letter_number", "contact_name", "reply_number"]
    date_hierarchy = "received_at"
    inlines = [DataFileInline, EventInline]
    deletable = True


@admin.register(DataFileAccess)
class DataFileAccessAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The PDPA view log: read only, never deleted here."""

    list_display = ["at", "user", "data_file", "remote_addr"]
    list_select_related = ["user", "data_file"]
    date_hierarchy = "at"
