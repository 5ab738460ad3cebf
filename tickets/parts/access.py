"""One access helper per object fetched by id: outsiders get 404, read-only users 403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from helpdesk.roles import Role, has_role, is_service_staff
from tickets.models import Ticket
from tickets.parts.models import Disbursement, Item, PartRequest


def can_read_parts(user) -> bool:
    """Service-desk staff and executives read part requests and the stock; unit users do not."""
    return user.is_authenticated and (user.is_superuser or is_service_staff(user) or has_role(user, Role.EXECUTIVE))


def require_parts_reader(request) -> None:
    if not can_read_parts(request.user):
        raise PermissionDenied


def get_ticket_for_parts(request, pk: int) -> Ticket:
    ticket = get_object_or_404(Ticket.objects.visible_to(request.user).select_related("team", "unit"), pk=pk)
    require_parts_reader(request)
    return ticket


def get_part_request_for_user(request, pk: int) -> PartRequest:
    part_request = get_object_or_404(
        PartRequest.objects.visible_to(request.user).select_related("ticket", "ticket__team", "item"), pk=pk
    )
    require_parts_reader(request)
    return part_request


def get_item_for_user(request, pk: int) -> Item:
    require_parts_reader(request)
    return get_object_or_404(Item, pk=pk)


def get_disbursement_for_user(request, pk: int) -> Disbursement:
    """A unit's own people may read (and print) their disbursements; other units get 404."""
    return get_object_or_404(
        Disbursement.objects.visible_to(request.user).select_related("unit", "ticket", "prepared_by",
                                                                     "handed_over_by"),
        pk=pk,
    )
