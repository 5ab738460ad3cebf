from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import HistoryInline

from .models import UnitRequest, UnitRequestEvent, UnitRequestLine


class LineInline(HistoryInline):
    model = UnitRequestLine
    fields = ["item", "description", "quantity"]
    verbose_name_plural = _("รายการวัสดุที่ขอ")


class EventInline(HistoryInline):
    model = UnitRequestEvent
    fields = ["at", "by", "from_status", "to_status", "note"]
    verbose_name_plural = _("ประวัติการดำเนินการ")


@admin.register(UnitRequest)
class UnitRequestAdmin(SimpleHistoryAdmin):
    """Read-only here: statuses change only through the request pages (one transition function)."""

    list_display = ["reference", "kind", "unit", "requested_by", "created_at", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["purpose", "equipment_detail", "unit__name", "unit__code"]
    date_hierarchy = "created_at"
    inlines = [LineInline, EventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
