from django.contrib import admin

from helpdesk.admin import ReadOnlyAdminMixin

from .models import ChangeRequest, DevRequest, Project, StepStandard, SurveyRound, System


@admin.register(StepStandard)
class StepStandardAdmin(admin.ModelAdmin):
    """The agency edits its time standards here (seeded from 004 §7)."""

    list_display = ["kind", "rule", "days", "quality", "source"]
    list_editable = ["rule", "days"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnly(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Statuses change only through the pages (one transition function); a whole record may be deleted."""

    deletable = True


@admin.register(DevRequest)
class DevRequestAdmin(ReadOnly):
    list_display = ["reference", "title", "unit", "status", "created_at"]
    list_filter = ["status", "trigger"]


@admin.register(Project)
class ProjectAdmin(ReadOnly):
    list_display = ["reference", "title", "unit", "track", "status"]
    list_filter = ["status", "track"]


@admin.register(System)
class SystemAdmin(ReadOnly):
    list_display = ["name", "owner_unit", "go_live_on", "vendor", "status"]
    list_filter = ["status"]


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnly):
    list_display = ["reference", "title", "system", "kind", "status", "created_at"]
    list_filter = ["status", "kind"]


@admin.register(SurveyRound)
class SurveyRoundAdmin(ReadOnly):
    """Yearly satisfaction surveys (started from the register page; questions are edited under surveys)."""

    list_display = ["system", "fiscal_year", "started_at", "closes_at", "started_by"]
    list_filter = ["fiscal_year"]
    exclude = ["public_token"]
