from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import HistoryInline, ReadOnlyAdmin

from .models import (
    AccountRequest,
    AssignmentEvent,
    IdCardAccess,
    IPAssignment,
    IPRequest,
    MacChangeRequest,
    ReservedRange,
    Service,
    ServiceAccount,
    Subnet,
)


class ReservedRangeInline(admin.TabularInline):
    model = ReservedRange
    extra = 1
    verbose_name = _("ช่วงหมายเลขที่สงวนไว้")
    verbose_name_plural = _("ช่วงหมายเลขที่สงวนไว้สำหรับอุปกรณ์โครงสร้างพื้นฐาน")


@admin.register(Subnet)
class SubnetAdmin(SimpleHistoryAdmin):
    list_display = ["name", "cidr", "gateway", "vlan", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "cidr"]
    inlines = [ReservedRangeInline]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "issues_email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]


class AssignmentEventInline(HistoryInline):
    model = AssignmentEvent
    readonly_fields = ["kind", "at", "by", "old_mac", "new_mac", "note"]


@admin.register(IPAssignment)
class IPAssignmentAdmin(SimpleHistoryAdmin):
    """Read-only here: assignments change only through the workflow (one service function each)."""

    list_display = ["ip_address", "mac_address", "subnet", "unit", "device_user", "active", "assigned_at"]
    list_filter = ["active", "subnet"]
    search_fields = ["ip_address", "mac_address", "unit__name", "device_user", "asset__asset_number"]
    list_select_related = ["subnet", "unit"]
    inlines = [AssignmentEventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class ReadOnlyWorkflowAdmin(SimpleHistoryAdmin):
    """Requests move only through their service functions; admin shows them for reference."""

    list_filter = ["status"]
    list_select_related = ["unit"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(IPRequest)
class IPRequestAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["__str__", "unit", "mac_address", "assigned_ip", "status", "created_at"]
    search_fields = ["mac_address", "assigned_ip", "unit__name"]


@admin.register(MacChangeRequest)
class MacChangeRequestAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["__str__", "unit", "old_mac", "new_mac", "status", "created_at"]
    search_fields = ["old_mac", "new_mac", "unit__name"]
    exclude = ["id_card"]


@admin.register(AccountRequest)
class AccountRequestAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["__str__", "service", "kind", "person_name", "unit", "status", "created_at"]
    list_filter = ["status", "kind", "service"]
    search_fields = ["person_name", "issued_user_id", "unit__name"]
    list_select_related = ["unit", "service"]
    # Personal data is shown only through the access-logged views.
    exclude = ["id_card", "mobile", "office_phone"]


@admin.register(ServiceAccount)
class ServiceAccountAdmin(SimpleHistoryAdmin):
    list_display = ["user_id", "service", "person_name", "unit", "email", "is_active"]
    list_filter = ["is_active", "service"]
    search_fields = ["user_id", "person_name", "email", "unit__name"]
    list_select_related = ["unit", "service"]


@admin.register(IdCardAccess)
class IdCardAccessAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "account_request", "mac_change", "remote_addr"]
    list_select_related = ["user", "account_request", "mac_change"]
    date_hierarchy = "at"
