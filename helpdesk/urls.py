from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from helpdesk import views
from helpdesk.api import views as api_views
from helpdesk.forms import LoginForm
from helpdesk.lazyurls import lazy_include
from helpdesk.notifications import views as notification_views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    # Browsers ask for /favicon.ico whatever the page links; send them to the static file.
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/api-tokens/", api_views.api_tokens, name="api_tokens"),
    path("accounts/api-tokens/<int:pk>/revoke/", api_views.api_token_revoke_view, name="api_token_revoke"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    # The public tracking page (QR codes on slips) is the busiest URL: resolve it before the admin and apps.
    path("", include("tickets.tracking.urls")),
    path("admin/", admin.site.urls),
    # Django REST framework loads with the first /api/v1/ request, not in every worker (helpdesk.lazyurls).
    lazy_include("api/v1/", "helpdesk.api_urls", namespace="api_v1"),
    path("api/", include("helpdesk.api.urls")),
    path("s/", include("helpdesk.surveys.urls")),
    path("inbox/", include("helpdesk.notifications.urls")),
    path("line/webhook/", notification_views.line_webhook, name="line_webhook"),
    path("network/", include("tickets.network.urls")),
    path("publishing/", include("publishing.urls")),
    path("news/", include("publishing.news_urls")),
    path("knowledge/", include("publishing.knowledge.urls")),
    path("consultations/", include("tickets.consultations.urls")),
    path("assets/", include("assets.urls")),
    path("tickets/", include("tickets.urls")),
    path("parts/", include("tickets.parts.urls")),
    path("meetings/", include("tickets.meetings.urls")),
    path("data-requests/", include("tickets.datarequests.urls")),
    path("unit-requests/", include("tickets.unitrequests.urls")),
    path("systems/", include("tickets.systems.urls")),
    path("reports/", include("tickets.reports.urls")),
    path("documents/", include("helpdesk.correspondence.urls")),
]

handler400 = "helpdesk.limits.bad_request"
