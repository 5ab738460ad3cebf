"""Request-size caps enforced by the app itself (not only by the reverse proxy), and query-string
hygiene.

- :class:`RequestLimitsMiddleware` answers a request whose declared ``Content-Length`` exceeds
  ``HELPDESK_MAX_REQUEST_BYTES`` with the Thai "too large" page (413) before anything reads the
  body; a body without a length (chunked) may not be larger either: it is refused with 411.
  It also drops NUL characters from the query string, which PostgreSQL refuses in text values, and
  answers 404 for a path that contains one.
- :class:`FileSizeUploadHandler` (first in ``FILE_UPLOAD_HANDLERS``) stops an upload as soon as one
  file passes ``HELPDESK_MAX_UPLOAD_FILE_BYTES``, while it streams, so no oversized file is ever
  read in full; :func:`bad_request` turns that (and Django's own ``RequestDataTooBig``) into the
  same Thai 413 page.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.files.uploadhandler import FileUploadHandler
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.views.defaults import bad_request as django_bad_request

from helpdesk.parsing import strip_nul


class UploadTooLarge(RequestDataTooBig):
    """One uploaded file is larger than HELPDESK_MAX_UPLOAD_FILE_BYTES."""


def _mb(size: int) -> int:
    return max(1, size // (1024 * 1024))


def too_large(request, *, status: int = 413):
    return render(
        request, "413.html", {"max_mb": _mb(settings.HELPDESK_MAX_REQUEST_BYTES),
                              "file_mb": _mb(settings.HELPDESK_MAX_UPLOAD_FILE_BYTES)}, status=status,
    )


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.HELPDESK_MAX_REQUEST_BYTES:
            return too_large(request)
        if not length and "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return too_large(request, status=411)
        if "\x00" in request.path:
            raise Http404  # no URL of the product contains NUL (PostgreSQL would refuse it as a token)
        if "\x00" in request.GET.urlencode() or "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(strip_nul(key), [strip_nul(value) for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class FileSizeUploadHandler(FileUploadHandler):
    """Counts the bytes of each uploaded file as they arrive and stops at the cap."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.HELPDESK_MAX_UPLOAD_FILE_BYTES:
            raise UploadTooLarge("uploaded file too large")
        return raw_data

    def file_complete(self, file_size):
        return None


def bad_request(request, exception=None, template_name="400.html"):
    """handler400: oversized bodies get the Thai 413 page, other bad requests Django's 400."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return too_large(request)
    return django_bad_request(request, exception, template_name=template_name)
