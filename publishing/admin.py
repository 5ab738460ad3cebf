from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import HistoryInline
from publishing.models import Approval, Attachment, Event, PublishingRequest, Section


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class AttachmentInline(HistoryInline):
    model = Attachment
    fields = ["original_name", "kind", "size", "sha256", "uploaded_by", "uploaded_at"]


class ApprovalInline(HistoryInline):
    model = Approval
    fields = ["approver", "approved_at", "text_sha256", "files", "voided_at", "void_reason"]


class EventInline(HistoryInline):
    model = Event
    fields = ["at", "actor", "action", "from_status", "to_status", "note"]


@admin.register(PublishingRequest)
class PublishingRequestAdmin(SimpleHistoryAdmin):
    """Read-mostly: status, text and files change only through the workflow pages (which void approvals)."""

    list_display = ["id", "title", "section", "unit", "requester", "status", "wanted_on", "expires_on", "published_at"]
    list_filter = ["status", "section"]
    search_fields = ["title", "unit__name", "requester__username", "requester__first_name"]
    date_hierarchy = "created_at"
    list_select_related = ["section", "unit", "requester"]
    inlines = [AttachmentInline, ApprovalInline, EventInline]
    fields = ["title", "section", "unit", "requester", "body_format", "body", "wanted_on", "expires_on", "status",
              "submitted_at", "reached_it_at", "due_at", "accepted_at", "published_at", "external_url",
              "return_reason", "withdrawn_reason"]
    # Editing the text here would bypass the approval fingerprint; expiry and the external URL are safe.
    readonly_fields = ["title", "section", "unit", "requester", "body_format", "body", "wanted_on", "status",
                       "submitted_at", "reached_it_at", "due_at", "accepted_at", "published_at",
                       "return_reason", "withdrawn_reason"]

    def has_add_permission(self, request):
        return False


admin.site.register(Event, list_display=["request", "at", "actor", "action", "from_status", "to_status"],
                    list_select_related=["request", "actor"], search_fields=["request__title"])
