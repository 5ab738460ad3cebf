
from helpdesk.forms import run_step  # noqa: F401  (re-exported for the network views)
from helpdesk.roles import user_unit
from helpdesk.uploads import attachment  # noqa: F401  (re-exported for the network views)

from ..access import require


def requester_unit(user):
    """The unit a user files requests for; 403 when they have none."""
    unit = user_unit(user)
    require(unit is not None)
    return unit


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
