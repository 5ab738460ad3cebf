from django.urls import path

from tickets.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.summary_view, name="summary"),
    path("summary.pdf", views.summary_pdf_view, name="summary_pdf"),
    path("summary.csv", views.summary_csv_view, name="summary_csv"),
    path("workload/", views.workload_view, name="workload"),
    path("workload.pdf", views.workload_pdf_view, name="workload_pdf"),
    path("workload.csv", views.workload_csv_view, name="workload_csv"),
    path("exports/", views.export_create_view, name="export_create"),
    path("exports/<int:pk>/", views.export_detail_view, name="export_detail"),
    path("exports/<int:pk>/download/", views.export_download_view, name="export_download"),
]
