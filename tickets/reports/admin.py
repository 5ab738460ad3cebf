from django.contrib import admin

from tickets.reports.models import ReportExport


@admin.register(ReportExport)
class ReportExportAdmin(admin.ModelAdmin):
    list_display = ("period_label", "scope_label", "requested_by", "status", "created_at", "finished_at")
    list_filter = ("status",)
    readonly_fields = ("requested_by", "params", "period_label", "scope_label", "status", "file", "error",
                       "created_at", "started_at", "finished_at")
