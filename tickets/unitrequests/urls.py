from django.urls import path

from . import views

app_name = "unitrequests"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_create, name="create"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/edit/", views.request_edit, name="edit"),
    path("<int:pk>/approve/", views.request_approve, name="approve"),
    path("<int:pk>/return/", views.request_reason_step, {"step": "return"}, name="return"),
    path("<int:pk>/reject/", views.request_reason_step, {"step": "reject"}, name="reject"),
    path("<int:pk>/cancel/", views.request_reason_step, {"step": "cancel"}, name="cancel"),
    path("<int:pk>/prepare/", views.request_prepare, name="prepare"),
    path("<int:pk>/lend/", views.request_lend, name="lend"),
]
