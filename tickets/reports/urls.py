from django.urls import path

from tickets.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.summary_view, name="summary"),
    path("summary.pdf", views.summary_pdf_view, name="summary_pdf"),
    path("summary.csv", views.summary_csv_view, name="summary_csv"),
]
