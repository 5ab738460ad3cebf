"""/api/: the OpenAPI schema and its documentation page (the v1 resources live in helpdesk/api_urls.py)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from helpdesk.api.views import ApiDocsView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", ApiDocsView.as_view(), name="api_docs"),
]
