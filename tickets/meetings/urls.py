from django.urls import path

from helpdesk.routes import record_urls

from . import views

app_name = "meetings"

urlpatterns = [
    *record_urls(list=views.booking_list, create=views.booking_create, detail=views.booking_detail, steps={
        "edit": views.booking_edit, "confirm": views.booking_confirm, "setup": views.booking_setup,
        "held": views.booking_hold, "check": views.booking_check, "cancel": views.booking_cancel,
        "ics": views.booking_ics_download, "agenda": views.booking_agenda,
    }, names={"held": "hold"}),
    path("calendar/", views.calendar_day, name="calendar_day"),
    path("calendar/week/", views.calendar_week, name="calendar_week"),
]
