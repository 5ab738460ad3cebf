from django.urls import path

from assets.views import loans, maintenance, registry, transfer

app_name = "assets"

urlpatterns = [
    path("", registry.asset_list, name="list"),
    path("export.csv", registry.asset_export, name="export"),
    path("new/", registry.asset_create, name="create"),
    path("import/", transfer.asset_import, name="import"),
    path("import/confirm/", transfer.asset_import_confirm, name="import_confirm"),
    path("labels/", transfer.asset_labels, name="labels"),
    path("<int:pk>/", registry.asset_detail, name="detail"),
    path("<int:pk>/edit/", registry.asset_edit, name="edit"),
    path("<int:pk>/report/", registry.asset_report, name="report"),
    path("<int:pk>/lend/", loans.loan_new, name="lend"),
    path("<int:pk>/maintenance/new/", maintenance.record_new, name="maintenance_record"),
    path("loans/", loans.loan_list, name="loans"),
    path("loans/<int:pk>/return/", loans.loan_receive, name="loan_return"),
    path("maintenance/", maintenance.plan, name="maintenance_plan"),
    path("maintenance/report/", maintenance.maintenance_report_view, name="maintenance_report"),
    path("maintenance/report.pdf", maintenance.maintenance_report_pdf, name="maintenance_report_pdf"),
    path("maintenance/items/new/", maintenance.plan_item_new, name="plan_item_new"),
    path("maintenance/items/<int:pk>/", maintenance.plan_item_detail, name="plan_item"),
    path("maintenance/items/<int:pk>/delete/", maintenance.plan_item_delete, name="plan_item_delete"),
]
