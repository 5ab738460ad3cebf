from django.urls import path

from . import views

app_name = "datarequests"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_create, name="create"),
    path("report/", views.report, name="report"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/edit/", views.request_edit, name="edit"),
    path("<int:pk>/letter-scan/", views.letter_scan, name="letter_scan"),
    path("<int:pk>/screening/start/", views.request_start_screening, name="start_screening"),
    path("<int:pk>/screening/", views.request_screen, name="screen"),
    path("<int:pk>/preparing/start/", views.request_start_preparing, name="start_preparing"),
    path("<int:pk>/files/", views.file_add, name="file_add"),
    path("<int:pk>/files/<int:file_pk>/", views.file_download, name="file_download"),
    path("<int:pk>/files/<int:file_pk>/remove/", views.file_remove, name="file_remove"),
    path("<int:pk>/submit/", views.request_submit, name="submit"),
    path("<int:pk>/review/", views.request_review, name="review"),
    path("<int:pk>/approval/", views.request_approve, name="approve"),
    path("<int:pk>/send/", views.request_send, name="send"),
    path("<int:pk>/close/", views.request_close, name="close"),
    path("<int:pk>/cancel/", views.request_cancel, name="cancel"),
    path("<int:pk>/letters/<str:kind>/", views.request_letter, name="letter"),
]
