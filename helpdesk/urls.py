from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from helpdesk import views
from helpdesk.forms import LoginForm
from tickets import tracking_views

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    # The public tracking page (QR codes on slips) is the busiest URL: resolve it before the admin and apps.
    path("t/<str:token>/", tracking_views.tracking, name="tracking"),
    path("t/<str:token>/survey/", tracking_views.survey, name="tracking_survey"),
    path("admin/", admin.site.urls),
    path("network/", include("tickets.network.urls")),
    path("publishing/", include("publishing.urls")),
    path("news/", include("publishing.news_urls")),
    path("assets/", include("assets.urls")),
    path("tickets/", include("tickets.urls")),
    path("parts/", include("tickets.parts.urls")),
    path("meetings/", include("tickets.meetings.urls")),
    path("systems/", include("tickets.systems.urls")),
    path("reports/", include("tickets.reports.urls")),
]
