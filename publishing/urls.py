from django.urls import path

from publishing import reports, views

app_name = "publishing"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_create, name="create"),
    path("report/", reports.monthly_report, name="report"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/edit/", views.request_edit, name="edit"),
    path("<int:pk>/prepare/", views.request_prepare, name="prepare"),
    path("<int:pk>/files/add/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/files/<int:attachment_pk>/view/", views.attachment_view, name="attachment_view"),
    path("<int:pk>/files/<int:attachment_pk>/thumb/", views.attachment_view, {"size": "thumb"},
         name="attachment_thumb"),
    path("<int:pk>/files/<int:attachment_pk>/replace/", views.attachment_replace, name="attachment_replace"),
    path("<int:pk>/files/<int:attachment_pk>/delete/", views.attachment_delete, name="attachment_delete"),
    *[
        path(f"<int:pk>/{action}/", views.request_action, {"action": action}, name=action)
        for action in views.ACTION_FORMS
    ],
]
