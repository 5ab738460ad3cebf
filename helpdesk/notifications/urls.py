from django.urls import path

from helpdesk.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("badge/", views.unread_badge, name="badge"),
    path("read-all/", views.mark_all_read, name="read_all"),
    path("<int:pk>/open/", views.open_notice, name="open"),
    path("<int:pk>/read/", views.mark_read, name="read"),
    path("settings/", views.channel_settings, name="settings"),
    path("settings/line-code/", views.line_code, name="line_code"),
    path("settings/line-unlink/", views.line_unlink, name="line_unlink"),
]
