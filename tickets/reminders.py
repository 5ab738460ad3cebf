"""The ticket's due work for the reminder job (helpdesk/reminders.py): service level about to pass (to the
technician), overdue (to the team head, then to the IT head after REMINDER_ESCALATE_AFTER_HOURS), and
promised call-backs that are due (003 §6.1)."""

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Q
from django.utils.translation import gettext as _

from helpdesk.reminders import Due
from helpdesk.roles import Role
from helpdesk.thai import format_date
from tickets.models import Ticket
from tickets.models.ticket import WORK_STATUSES


def _stamp(moment: dt.datetime) -> int:
    # A due time moved (e.g. waiting for parts) makes a new key, so the new deadline is reminded too.
    return int(moment.timestamp())


def _it_heads() -> tuple:
    return tuple(User.objects.filter(is_active=True, groups__name=Role.IT_HEAD).distinct().order_by("pk"))


def ticket_due_notices(now: dt.datetime):
    warning = dt.timedelta(minutes=settings.REMINDER_SLA_WARNING_MINUTES)
    escalate = dt.timedelta(hours=settings.REMINDER_ESCALATE_AFTER_HOURS)
    horizon = now + warning
    open_work = (
        Ticket.objects.filter(status__in=WORK_STATUSES)
        .filter(Q(due_at__lte=horizon) | Q(parts_due_at__lte=horizon))
        .select_related("technician", "team__head")
        .order_by("pk")
    )
    it_heads = None
    for ticket in open_work:
        due = ticket.effective_due_at
        if due is None:
            continue
        url = ticket.get_absolute_url()
        if now < due <= horizon and ticket.technician and ticket.technician.is_active:
            yield Due(
                key=f"tickets.sla_warning:{ticket.pk}:{_stamp(due)}",
                kind="ticket_sla_warning",
                recipients=(ticket.technician,),
                subject=_("ใบแจ้งซ่อม %(number)s ใกล้ครบกำหนดเวลาให้บริการ") % {"number": ticket.number},
                message=_("กำหนดแล้วเสร็จ %(due)s") % {"due": _local(due)},
                url=url,
            )
        elif due < now:
            head = ticket.team.head if ticket.team_id else None
            if head is not None and head.is_active:
                yield Due(
                    key=f"tickets.overdue.team_head:{ticket.pk}:{_stamp(due)}",
                    kind="ticket_overdue",
                    recipients=(head,),
                    subject=_("ใบแจ้งซ่อม %(number)s เกินกำหนดเวลาให้บริการ") % {"number": ticket.number},
                    message=_("กำหนดแล้วเสร็จ %(due)s ผู้รับผิดชอบ: %(tech)s") % {
                        "due": _local(due),
                        "tech": ticket.technician.get_full_name() if ticket.technician else _("ยังไม่มอบหมาย"),
                    },
                    url=url,
                )
            if due + escalate <= now:
                if it_heads is None:
                    it_heads = _it_heads()
                if it_heads:
                    yield Due(
                        key=f"tickets.overdue.it_head:{ticket.pk}:{_stamp(due)}",
                        kind="ticket_overdue",
                        recipients=it_heads,
                        subject=_("ยกระดับ: ใบแจ้งซ่อม %(number)s เกินกำหนดเกิน %(hours)s ชั่วโมง") % {
                            "number": ticket.number, "hours": settings.REMINDER_ESCALATE_AFTER_HOURS,
                        },
                        message=_("กำหนดแล้วเสร็จ %(due)s ทีม: %(team)s") % {
                            "due": _local(due), "team": ticket.team.name if ticket.team_id else "-",
                        },
                        url=url,
                    )


def callback_due_notices(now: dt.datetime):
    """The technician (or, before one is assigned, the team head) is reminded of a promised call-back."""
    for ticket in Ticket.objects.callbacks_due(now).select_related("technician", "team__head").order_by("pk"):
        person = ticket.technician or (ticket.team.head if ticket.team_id else None)
        if person is None or not person.is_active:
            continue
        yield Due(
            key=f"tickets.callback:{ticket.pk}:{_stamp(ticket.callback_due_at)}",
            kind="callback_due",
            recipients=(person,),
            subject=_("ถึงเวลาโทรกลับ: ใบแจ้งซ่อม %(number)s") % {"number": ticket.number},
            message=_("นัดโทรกลับภายใน %(due)s โทร %(phone)s") % {
                "due": _local(ticket.callback_due_at), "phone": ticket.requester_phone or "-",
            },
            url=ticket.get_absolute_url(),
        )


def _local(moment: dt.datetime) -> str:
    return format_date(moment, short=True, with_time=True)
