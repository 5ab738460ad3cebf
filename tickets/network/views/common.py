from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header

from helpdesk.roles import user_unit

from ..access import require


def run_step(http_request, step, /, **kwargs) -> bool:
    """Call a service function; a refusal becomes a flash message instead of an error page."""
    try:
        step(**kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(http_request, message)
        return False
    return True


def requester_unit(user):
    """The unit a user files requests for; 403 when they have none."""
    unit = user_unit(user)
    require(unit is not None)
    return unit


def attachment(field_file, download_name: str) -> FileResponse:
    """A stored file as an attachment (never inline, never from a public URL)."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    ext = field_file.name.rsplit(".", 1)[-1].lower()
    content_type = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}.get(
        ext, "application/octet-stream"
    )
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, f"{download_name}.{ext}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
