from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from publishing.knowledge.models import Article, ArticleAttachment, GuideFeedback, Publication


class AttachmentInline(admin.TabularInline):
    model = ArticleAttachment
    extra = 0
    fields = ("original_name", "kind", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    can_delete = False


class PublicationInline(admin.TabularInline):
    model = Publication
    extra = 0
    fields = ("channel", "published_on", "issue", "url", "recorded_by")
    readonly_fields = ("recorded_by",)


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    """Read and correct; status changes go through the editors' pages (the kernel transition)."""

    list_display = ("title", "kind", "category", "audience", "status", "published_at")
    list_filter = ("kind", "audience", "status")
    search_fields = ("title", "summary")
    readonly_fields = ("status", "author", "published_at", "archived_at", "created_at", "updated_at")
    inlines = [AttachmentInline, PublicationInline]


@admin.register(GuideFeedback)
class GuideFeedbackAdmin(admin.ModelAdmin):
    list_display = ("article", "outcome", "unit", "at")
    list_filter = ("outcome",)
    readonly_fields = ("article", "category", "unit", "user", "outcome", "at")
