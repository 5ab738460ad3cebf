"""The API documentation page (Swagger UI); imported on the first request for it (helpdesk.lazyurls)."""

from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the vendored sidecar files; its start-up script is a separate same-origin request, so the
    page runs under a Content-Security-Policy without 'unsafe-inline' (no inline script or style)."""

    template_name = "helpdesk/api_docs.html"
    url_name = "api_schema"
