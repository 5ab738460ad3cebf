"""Publishing requests near their 2-working-day limit (002 §1), for the reminder job: to the IT staff who
checked the request, or the IT heads while nobody has."""

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext as _

from helpdesk.reminders import Due, with_owner_or_it_heads
from helpdesk.thai import format_date
from publishing.models import PublishingRequest


def publishing_due_notices(now: dt.datetime):
    horizon = now + dt.timedelta(hours=settings.REMINDER_PUBLISHING_WARNING_HOURS)
    near = (
        PublishingRequest.objects.at_it()
        .filter(due_at__gt=now, due_at__lte=horizon)
        .select_related("checked_by")
        .order_by("pk")
    )
    for req, recipients in with_owner_or_it_heads(near, lambda req: req.checked_by):
        yield Due(
            key=f"publishing.due_soon:{req.pk}:{int(req.due_at.timestamp())}",
            kind="publishing_due",
            recipients=recipients,
            subject=_("คำขอเผยแพร่ %(number)s ใกล้ครบ 2 วันทำการ") % {"number": req.number},
            message=_("%(title)s ต้องเผยแพร่ภายใน %(due)s") % {
                "title": req.title, "due": format_date(req.due_at, short=True, with_time=True),
            },
            url=req.get_absolute_url(),
        )
