from django.urls import path

from helpdesk.routes import record_urls
from publishing import reports, views

app_name = "publishing"

urlpatterns = [
    *record_urls(list=views.request_list, create=views.request_create, detail=views.request_detail, steps={
        "edit": views.request_edit, "prepare": views.request_prepare, "files/add": views.attachment_add,
        **{action: (views.request_action, {"action": action}) for action in views.ACTION_FORMS},
    }, names={"files/add": "attachment_add"}),
    path("report/", reports.monthly_report, name="report"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/files/<int:attachment_pk>/view/", views.attachment_view, name="attachment_view"),
    path("<int:pk>/files/<int:attachment_pk>/thumb/", views.attachment_view, {"size": "thumb"},
         name="attachment_thumb"),
    path("<int:pk>/files/<int:attachment_pk>/replace/", views.attachment_replace, name="attachment_replace"),
    path("<int:pk>/files/<int:attachment_pk>/delete/", views.attachment_delete, name="attachment_delete"),
]
