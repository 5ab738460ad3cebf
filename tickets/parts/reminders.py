"""Ordered parts past their expected delivery date, for the reminder job: to the technician who asked
for them and the stock officers."""

import datetime as dt

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.reminders import Due
from helpdesk.roles import Role
from helpdesk.thai import format_date
from tickets.parts.models import PartRequest


def part_overdue_notices(now: dt.datetime):
    today = timezone.localdate(now)
    late = PartRequest.objects.overdue_orders(today).select_related("ticket", "requested_by").order_by("pk")
    officers = None
    for part in late:
        if officers is None:
            officers = list(User.objects.filter(is_active=True, groups__name=Role.STOCK_OFFICER).distinct())
        recipients = list(officers)
        if part.requested_by is not None and part.requested_by.is_active and part.requested_by not in recipients:
            recipients.insert(0, part.requested_by)
        if not recipients:
            continue
        yield Due(
            key=f"parts.expected_overdue:{part.pk}:{part.expected_date.isoformat()}",
            kind="part_overdue",
            recipients=tuple(recipients),
            subject=_("อะไหล่ของใบแจ้งซ่อม %(number)s เลยกำหนดส่งของ") % {"number": part.ticket.number},
            message=_("%(part)s ผู้ขาย %(vendor)s กำหนดส่ง %(due)s") % {
                "part": str(part), "vendor": part.vendor or "-", "due": format_date(part.expected_date),
            },
            url=part.get_absolute_url(),
        )
