from django.contrib import messages
from django.core.exceptions import ValidationError

from helpdesk.roles import user_unit
from helpdesk.uploads import attachment  # noqa: F401  (re-exported for the network views)

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


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
