"""HTML → PDF with WeasyPrint, fetching nothing but static files and data: URIs.

Templates extend ``pdf/base.html``; the same template serves as an HTML preview.

WeasyPrint is imported only when a PDF is made (about 27 MiB and half a second per worker otherwise):
every view module imports this one, so nothing here may import it at module level; a test checks that
loading the whole URL configuration leaves it unimported.
"""

import base64
import mimetypes
import os
import threading
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

# A host that can never resolve: root-relative URLs such as {% static %} output
# become absolute under it, and the fetcher maps them back to files.
BASE_URL = "https://helpdesk.invalid/"


def fetch_static_only(url: str) -> tuple[bytes, str]:
    """Serve ``data:`` URIs and static files as (body, content type); refuse everything else with ValueError.

    Templates may contain user-supplied URLs (e.g. ``<img src>`` in a description),
    so the renderer must not become a way to probe the network (SSRF) or to read
    server files into a PDF.
    """
    if url[:5].lower() == "data:":
        return _decode_data_uri(url)
    path = _static_path(url)
    if path is None:
        raise ValueError(f"PDF resource not allowed: {url[:200]}")
    found = _find_static(path)
    if found is None:
        raise ValueError(f"static file not found: {path}")
    with open(found, "rb") as file:
        body = file.read()
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if mime.startswith("text/"):
        mime += "; charset=utf-8"
    return body, mime


def _fetcher_class():
    """WeasyPrint's URL fetcher answering through :func:`fetch_static_only`, built on the first PDF."""
    cls = globals().get("StaticOnlyURLFetcher")
    if cls is None:
        import weasyprint

        class StaticOnlyURLFetcher(weasyprint.urls.URLFetcher):
            def fetch(self, url: str, headers: dict | None = None) -> weasyprint.urls.URLFetcherResponse:
                body, mime = fetch_static_only(url)
                return weasyprint.urls.URLFetcherResponse(url, body=body, headers={"Content-Type": mime})

        cls = globals()["StaticOnlyURLFetcher"] = StaticOnlyURLFetcher
    return cls


def __getattr__(name: str):
    if name == "StaticOnlyURLFetcher":
        return _fetcher_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _decode_data_uri(url: str) -> tuple[bytes, str]:
    # RFC 2397: data:[<mediatype>][;base64],<data>
    header, sep, data = url[5:].partition(",")
    if not sep:
        raise ValueError("malformed data: URI")
    params = [part.strip() for part in header.split(";")]
    is_base64 = params[-1].lower() == "base64"
    if is_base64:
        params.pop()
    mime = ";".join(params) if params and params[0] else "text/plain;charset=US-ASCII"
    body = unquote_to_bytes(data)
    if is_base64:
        try:
            body = base64.b64decode(body, validate=False)
        except ValueError as exc:
            raise ValueError("malformed base64 in data: URI") from exc
    return body, mime


def _static_path(url: str) -> str | None:
    """Return the static file name for ``url``, or None when it is not a static URL."""
    try:
        parts = urlsplit(url)
        prefix = urlsplit(urljoin(BASE_URL, settings.STATIC_URL))
    except ValueError:
        return None
    if (parts.scheme.lower(), parts.netloc.lower()) != (prefix.scheme.lower(), prefix.netloc.lower()):
        return None
    if not parts.path.startswith(prefix.path) or not prefix.path.endswith("/"):
        return None
    # Query and fragment (cache busters) are dropped by urlsplit; the path is
    # unquoted so that %2e%2e cannot sneak past the traversal check below.
    path = unquote(parts.path[len(prefix.path) :])
    segments = path.split("/")
    if not path or "\\" in path or "\0" in path or any(seg in ("", ".", "..") for seg in segments):
        return None
    return path


def _find_static(path: str) -> str | None:
    try:
        # Finders cover the source folders (no collectstatic needed); the storage
        # covers hashed names written by collectstatic for the manifest storage.
        found = finders.find(path)
        if found is None and staticfiles_storage.exists(path):
            found = staticfiles_storage.path(path)
    except (SuspiciousOperation, RuntimeError, ValueError):
        # A name the storage deems unsafe, or a remote storage without local paths
        # (storages raise a RuntimeError subclass for `path`).
        return None
    if found is None or not os.path.isfile(found):
        return None
    return str(found)


def render_html(template_name: str, context: dict, request: HttpRequest | None = None) -> str:
    return render_to_string(template_name, context, request=request)


_per_thread = threading.local()


def _font_config(fetcher_class: type):
    """The thread's WeasyPrint font configuration, kept from one PDF to the next.

    A new one per PDF costs a fontconfig load, the two Sarabun faces written to a temporary folder and
    registered again, and a cold Pango font map: about 0.5 s of CPU for the 16-page summary report.
    ``@font-face`` rules already registered are skipped, so a kept one only grows by new faces. One per
    thread because Pango's font map is not shared between threads; one per fetcher class because the
    fonts came through that fetcher (a test's recording fetcher gets its own and sees the fonts fetched).
    """
    kept = getattr(_per_thread, "font_config", None)
    if kept is None or kept[0] is not fetcher_class:
        from weasyprint.text.fonts import FontConfiguration

        kept = _per_thread.font_config = (fetcher_class, FontConfiguration())
    return kept[1]


def html_to_pdf(html: str) -> bytes:
    import weasyprint

    fetcher_class = _fetcher_class()
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher_class())
    return document.write_pdf(font_config=_font_config(fetcher_class))


def render_pdf(template_name: str, context: dict, request: HttpRequest | None = None) -> bytes:
    return html_to_pdf(render_html(template_name, context, request))


def pdf_response(
    request: HttpRequest,
    template_name: str,
    context: dict,
    filename: str,
    *,
    preview: bool = False,
) -> HttpResponse:
    """The PDF inline, or with ``preview`` the same template as an HTML page."""
    if preview:
        return HttpResponse(render_html(template_name, context, request), content_type="text/html; charset=utf-8")
    response = HttpResponse(render_pdf(template_name, context, request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response
