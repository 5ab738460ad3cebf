"""Master data in the admin: the catalogue. Ledger rows, requests and disbursements are read-only here:
they change only through tickets.parts.services (balance checks, row locks, events)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import ReadOnlyAdminMixin
from tickets.parts.models import Disbursement, DisbursementLine, Item, Movement, PartRequest, PartRequestEvent


@admin.register(Item)
class ItemAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "kind", "unit_of_measure", "balance", "reorder_level", "standard_cost",
                    "is_active")
    list_editable = ("reorder_level", "standard_cost", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name")

    @admin.display(description=_("คงเหลือ"), ordering="on_hand")
    def balance(self, obj):
        return obj.on_hand


@admin.register(Movement)
class MovementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("at", "item", "kind", "quantity", "reference", "vendor", "created_by")
    list_filter = ("kind",)
    search_fields = ("item__code", "item__name", "reference", "vendor", "reason")
    list_select_related = ("item", "created_by")
    date_hierarchy = "at"


class PartRequestEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PartRequestEvent
    extra = 0
    fields = ("at", "actor", "from_status", "to_status", "note")
    readonly_fields = fields


@admin.register(PartRequest)
class PartRequestAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("ticket", "part_name", "quantity", "status", "cost", "expected_date", "created_at")
    list_filter = ("status",)
    search_fields = ("ticket__number", "item__name", "description", "order_reference", "vendor")
    list_select_related = ("ticket", "item")
    inlines = [PartRequestEventInline]


class DisbursementLineInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = DisbursementLine
    extra = 0
    fields = ("item", "quantity", "unit_cost")
    readonly_fields = fields


@admin.register(Disbursement)
class DisbursementAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("number", "unit", "status", "created_at", "received_by_name", "signed_at")
    list_filter = ("status",)
    search_fields = ("number", "unit__name", "purpose", "received_by_name")
    list_select_related = ("unit",)
    inlines = [DisbursementLineInline]
