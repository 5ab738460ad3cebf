from django.urls import path

from . import views

app_name = "correspondence"

urlpatterns = [
    path("", views.register, name="register"),
    path("register.pdf", views.register_pdf, name="register_pdf"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/pdf/", views.document_pdf, name="pdf"),
    path("<int:pk>/cancel/", views.document_cancel, name="cancel"),
    path("<int:pk>/reissue/", views.document_reissue, name="reissue"),
    path("issue/<slug:kind>/<str:key>/", views.document_issue, name="issue"),
    path("draft/<slug:kind>/<str:key>/", views.document_draft, name="draft"),
]
