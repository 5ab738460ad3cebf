from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.booking_list, name="list"),
    path("new/", views.booking_create, name="create"),
    path("calendar/", views.calendar_day, name="calendar_day"),
    path("calendar/week/", views.calendar_week, name="calendar_week"),
    path("<int:pk>/", views.booking_detail, name="detail"),
    path("<int:pk>/edit/", views.booking_edit, name="edit"),
    path("<int:pk>/confirm/", views.booking_confirm, name="confirm"),
    path("<int:pk>/setup/", views.booking_setup, name="setup"),
    path("<int:pk>/held/", views.booking_hold, name="hold"),
    path("<int:pk>/check/", views.booking_check, name="check"),
    path("<int:pk>/cancel/", views.booking_cancel, name="cancel"),
    path("<int:pk>/ics/", views.booking_ics_download, name="ics"),
    path("<int:pk>/agenda/", views.booking_agenda, name="agenda"),
]
