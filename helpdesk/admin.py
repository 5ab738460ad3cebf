from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from helpdesk.models import Area, Holiday, Profile, Team, Unit


class HistoryInline(admin.TabularInline):
    """A request's history rows (events, approvals, files) shown read-only under it: no adding, no deleting,
    every listed field read-only — they change only through the process's services."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields or self.readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


admin.site.site_header = _("ระบบบริการงานเทคโนโลยีสารสนเทศ")
admin.site.site_title = _("ผู้ดูแลระบบ")
admin.site.index_title = _("ข้อมูลหลัก")


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "head", "email", "phone"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["head"]


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "team"]
    list_filter = ["team"]
    search_fields = ["code", "name"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "parent", "area", "phone", "is_active"]
    list_filter = ["kind", "area", "is_active"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent", "area"]


@admin.register(Holiday)
class HolidayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    autocomplete_fields = ["unit"]
    verbose_name_plural = _("ข้อมูลผู้ใช้")


admin.site.unregister(User)


@admin.register(User)
class HelpdeskUserAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "first_name", "last_name", "email", "unit_name", "is_active", "is_staff"]
    list_filter = ["groups", "is_active", "is_staff", "profile__unit__area"]
    list_select_related = ["profile__unit"]

    @admin.display(description=_("หน่วยงาน"), ordering="profile__unit__name")
    def unit_name(self, obj):
        profile = getattr(obj, "profile", None)
        return profile.unit if profile and profile.unit_id else "—"


class ReadOnlyAdminMixin:
    """An admin (or inline) that only shows rows: nothing is added, changed or deleted here (``deletable = True``
    lets the admin delete a whole record) — the rows change only through the process's services."""

    deletable = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.deletable and super().has_delete_permission(request, obj)


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """A register the application keeps (access logs, issued records): shown here, never added, changed or
    deleted by hand."""


class StatusEventInline(HistoryInline):
    """A request's kernel events (helpdesk.models.StatusEvent) under it; the subclass names the `model`."""

    fields = ["at", "by", "from_status", "to_status", "note"]
    verbose_name_plural = _("ประวัติการดำเนินการ")
