"""Who may see and do what with a booking. Every booking fetched by id goes through get_booking_for_user."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from helpdesk.roles import Role, has_role, user_unit

from .models import Booking
from .services import CANCELLABLE, EDITABLE, is_meeting_staff

__all__ = ["can_cancel", "can_edit", "get_booking_for_user", "is_meeting_staff", "require"]


def require(allowed: bool) -> None:
    """403 for users who may read the booking but not take this step."""
    if not allowed:
        raise PermissionDenied


def get_booking_for_user(user, pk: int) -> Booking:
    queryset = Booking.objects.visible_to(user).select_related(
        "unit", "requested_by", "room", "vc_account", "assigned_to", "confirmed_by", "setup_by", "checked_by"
    )
    return get_object_or_404(queryset, pk=pk)


def is_unit_booker(user, booking: Booking) -> bool:
    """The person who booked, or a requester/supervisor of the booking's unit."""
    if booking.requested_by_id == user.pk:
        return True
    unit = user_unit(user)
    return unit is not None and unit.pk == booking.unit_id and has_role(user, Role.REQUESTER, Role.SUPERVISOR)


def can_edit(user, booking: Booking) -> bool:
    return booking.status in EDITABLE and is_unit_booker(user, booking)


def can_cancel(user, booking: Booking) -> bool:
    return booking.status in CANCELLABLE and (is_unit_booker(user, booking) or is_meeting_staff(user))
