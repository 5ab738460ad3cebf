"""E-mail on the events that matter: a new ticket to its team, status changes to the requester."""

from django.utils.translation import gettext as _

from helpdesk.correspondence.models import IssuedDocument
from helpdesk.notify import notify
from tickets.models import Status, Ticket

# The e-mails that tell a unit its job is done carry the job's summary letter once it is issued (000 §1.1).
JOB_DONE = {Status.READY_FOR_PICKUP, Status.DELIVERED}


def notify_new_ticket(ticket: Ticket) -> None:
    if ticket.team is None:
        return
    recipients = [ticket.team.email]
    if ticket.team.head_id:
        recipients.append(ticket.team.head.email)
    notify(
        recipients=recipients,
        subject=_("ใบแจ้งซ่อมใหม่ %(number)s") % {"number": ticket.number},
        template="email/tickets/new_ticket.txt",
        context={"ticket": ticket},
        kind="ticket",
        url=ticket.get_absolute_url(),
    )


def notify_status_change(ticket: Ticket, from_status: str, note: str) -> None:
    recipients = [ticket.requester_email]
    if ticket.requester_id:
        recipients.append(ticket.requester.email)
    if ticket.status == Status.READY_FOR_PICKUP:
        recipients.append(ticket.unit.email)
        subject = _("เครื่องพร้อมส่งมอบ กรุณามารับ: ใบแจ้งซ่อม %(number)s") % {"number": ticket.number}
        template = "email/tickets/ready_for_pickup.txt"
    else:
        subject = _("ใบแจ้งซ่อม %(number)s: %(status)s") % {
            "number": ticket.number, "status": ticket.get_status_display()
        }
        template = "email/tickets/status_changed.txt"
    letter = None
    if ticket.status in JOB_DONE:
        letter = (
            IssuedDocument.objects.for_record(ticket).current().filter(kind="ticket_summary")
            .select_related("register").first()
        )
    survey_url = None
    if ticket.status == Status.DELIVERED:
        from tickets.services.survey import ticket_survey_url

        survey_url = ticket_survey_url(ticket, absolute=True)
    notify(
        recipients=recipients,
        subject=subject,
        template=template,
        context={"ticket": ticket, "from_status": Status(from_status).label if from_status else "", "note": note,
                 "letter": letter, "survey_url": survey_url},
        kind="ticket",
        url=ticket.get_absolute_url(),
        attachments=[(letter.pdf.name, letter.filename, "application/pdf")] if letter else (),
    )
