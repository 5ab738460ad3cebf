from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.admin import StatusEventInline

from .models import Booking, BookingEvent, Room, VCAccount


@admin.register(Room)
class RoomAdmin(SimpleHistoryAdmin):
    list_display = ["name", "location", "capacity", "unit", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "location", "equipment"]
    autocomplete_fields = ["unit"]


@admin.register(VCAccount)
class VCAccountAdmin(SimpleHistoryAdmin):
    list_display = ["name", "platform", "login", "capacity", "concurrent_limit", "is_active"]
    list_filter = ["platform", "is_active"]
    search_fields = ["name", "login"]


class BookingEventInline(StatusEventInline):
    model = BookingEvent


@admin.register(Booking)
class BookingAdmin(SimpleHistoryAdmin):
    """Read-only here: statuses change only through the booking pages (one transition function)."""

    list_display = ["reference", "title", "unit", "starts_at", "room", "vc_account", "status"]
    list_filter = ["status", "room", "vc_account__platform"]
    search_fields = ["title", "unit__name", "contact_name"]
    date_hierarchy = "starts_at"
    inlines = [BookingEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
