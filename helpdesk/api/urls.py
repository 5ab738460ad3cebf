"""/api/: the OpenAPI schema and its documentation page (the v1 resources live in helpdesk/api_urls.py).

Both views import drf-spectacular on their first request (helpdesk.lazyurls), not when the URLs load.
"""

from django.urls import path

from helpdesk.lazyurls import lazy_view

urlpatterns = [
    path("schema/", lazy_view("drf_spectacular.views.SpectacularAPIView"), name="api_schema"),
    path("docs/", lazy_view("helpdesk.api.docs.ApiDocsView"), name="api_docs"),
]
