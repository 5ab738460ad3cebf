from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assets.models import Asset, AssetLoan, MaintenancePlanItem, MaintenanceRecord


@admin.register(Asset)
class AssetAdmin(SimpleHistoryAdmin):
    list_display = ["asset_number", "asset_type", "brand", "model_name", "serial_number", "unit", "status",
                    "warranty_end", "acquisition"]
    list_filter = ["asset_type", "status", "acquisition", "budget_year"]
    search_fields = ["asset_number", "serial_number", "brand", "model_name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    date_hierarchy = "warranty_end"


@admin.register(AssetLoan)
class AssetLoanAdmin(SimpleHistoryAdmin):
    """Read-mostly: lend and return from the asset pages, which keep the asset's status in step."""

    list_display = ["asset", "borrower_name", "borrower_unit", "lent_on", "due_date", "returned_at"]
    list_filter = ["returned_at", "due_date"]
    search_fields = ["asset__asset_number", "borrower_name"]
    list_select_related = ["asset", "borrower_unit"]
    readonly_fields = ["asset", "borrower_unit", "lent_on", "lent_by", "previous_status", "returned_at",
                       "received_by"]

    def has_add_permission(self, request):
        return False


@admin.register(MaintenancePlanItem)
class MaintenancePlanItemAdmin(SimpleHistoryAdmin):
    list_display = ["fiscal_year", "month", "unit", "asset_type"]
    list_filter = ["fiscal_year", "month", "asset_type"]
    search_fields = ["unit__name", "unit__code"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]


@admin.register(MaintenanceRecord)
class MaintenanceRecordAdmin(SimpleHistoryAdmin):
    list_display = ["asset", "performed_on", "result", "performed_by", "plan_item"]
    list_filter = ["result", "performed_on"]
    search_fields = ["asset__asset_number"]
    list_select_related = ["asset", "performed_by", "plan_item__unit"]
    raw_id_fields = ["asset", "plan_item"]
