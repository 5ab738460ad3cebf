from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import HistoryInline, ReadOnlyAdminMixin
from tickets.models import Category, FiscalYearCounter, Ticket, TicketEvent


@admin.register(Category)
class CategoryAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "kind", "parent", "sla_working_days", "is_active", "sort_order")
    list_editable = ("sla_working_days", "is_active", "sort_order")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name", "guide_title")


class TicketEventInline(HistoryInline):
    model = TicketEvent
    fields = ("at", "kind", "actor", "from_status", "to_status", "note", "is_internal")


@admin.register(Ticket)
class TicketAdmin(SimpleHistoryAdmin):
    """Read-mostly: status changes go through the workflow screens (tickets.services)."""

    list_display = ("number", "unit", "category", "status", "team", "technician", "created_at", "due_at")
    list_filter = ("status", "channel", "service_mode", "team", "category")
    search_fields = ("number", "symptom", "asset__asset_number", "requester_name")
    list_select_related = ("unit", "category", "category__parent", "team", "technician")
    raw_id_fields = ("asset", "requester", "technician", "guarantee_of", "created_by", "unit")
    readonly_fields = ("number", "fiscal_year", "sequence", "status", "version", "created_at", "received_at",
                       "resolved_at", "delivered_at", "closed_at")
    exclude = ("tracking_token",)
    inlines = [TicketEventInline]


@admin.register(FiscalYearCounter)
class FiscalYearCounterAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("fiscal_year", "last_number")
