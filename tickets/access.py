"""The one access helper every ticket view uses (SPEC §1 permissions)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from helpdesk.roles import Role, has_role
from tickets.models import Ticket


def get_ticket_for_user(request_or_user, pk: int, *, act: bool = False, withdraw: bool = False,
                        queryset=None) -> Ticket:
    """The ticket `pk` if the user may read it, else 404; with `act`, 403 unless they may work on it; with
    `withdraw`, 403 unless they may withdraw it (`may_withdraw`).

    Requesters read their own unit's tickets, supervisors their units', technicians and other
    service staff every ticket; technicians act on their team's tickets, the IT head on all.
    """
    user = getattr(request_or_user, "user", request_or_user)
    base = queryset if queryset is not None else Ticket.objects.all()
    ticket = get_object_or_404(base.visible_to(user), pk=pk)
    if act and not ticket.can_act(user):
        raise PermissionDenied
    if withdraw and not may_withdraw(user, ticket):
        raise PermissionDenied
    return ticket


def may_withdraw(user, ticket: Ticket) -> bool:
    """Who may withdraw a request they no longer need: the person it was filed for, or a supervisor over the
    unit (the caller has already checked the ticket is visible to them). Whether it is still possible is the
    service's rule (tickets.services.ticket_withdraw: only before the desk receives it)."""
    return user.is_authenticated and (ticket.requester_id == user.pk or has_role(user, Role.SUPERVISOR))


def can_record_for_units(user) -> bool:
    """Service-desk staff who record tickets on behalf of a unit (memo, paper form, phone)."""
    return user.is_superuser or has_role(user, Role.TECHNICIAN, Role.IT_HEAD)


def can_file_for_own_unit(user) -> bool:
    from helpdesk.roles import user_unit

    return user_unit(user) is not None and (
        has_role(user, Role.REQUESTER, Role.SUPERVISOR) or can_record_for_units(user)
    )
