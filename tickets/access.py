"""The one access helper every ticket view uses (SPEC §1 permissions)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

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
        if has_role(user, Role.TECHNICIAN) and _changed_since_loaded(request_or_user, ticket):
            # The form was loaded when the ticket was still the technician's: it moved to another team since.
            raise TicketMovedAway(ticket)
        raise PermissionDenied
    if withdraw and not may_withdraw(user, ticket):
        raise PermissionDenied
    return ticket


def _changed_since_loaded(request, ticket: Ticket) -> bool:
    """The posted form carries the ticket's version when it was loaded; another version means someone
    changed the ticket since."""
    from helpdesk.parsing import int_param

    posted = int_param(getattr(request, "POST", {}).get("version")) if hasattr(request, "POST") else None
    return posted is not None and posted != ticket.version


def holder_text(ticket: Ticket) -> str:
    """'ทีม ฝ่ายบริการ ๒ (วีระ ช่างซ่อม)' — who has the ticket now."""
    team = ticket.team.name if ticket.team_id else _("ยังไม่ได้กำหนดทีม")
    if ticket.technician_id:
        name = ticket.technician.get_full_name() or ticket.technician.get_username()
        return _("ทีม %(team)s (%(name)s)") % {"team": team, "name": name}
    return _("ทีม %(team)s") % {"team": team}


class TicketMovedAway(PermissionDenied):
    """A technician tried to work on a ticket that someone else moved to another team meanwhile."""

    def __init__(self, ticket: Ticket):
        self.ticket = ticket
        self.message = _(
            "ใบแจ้งซ่อม %(number)s ถูกเปลี่ยนแปลงโดยผู้อื่นระหว่างที่คุณแก้ไข ขณะนี้ย้ายไปอยู่ในความรับผิดชอบของ%(holder)s "
            "สิ่งที่คุณเพิ่งส่งยังไม่ได้บันทึก"
        ) % {"number": ticket.number, "holder": holder_text(ticket)}
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


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


def get_disposal_proposal_for_user(user, pk: int):
    """A disposal proposal the user may see (another unit's: 404); deciding is checked by the view."""
    from tickets.models import DisposalProposal

    queryset = DisposalProposal.objects.visible_to(user).select_related(
        "ticket", "ticket__unit", "asset", "proposed_by", "decided_by")
    return get_object_or_404(queryset, pk=pk)
