"""The 30-day guarantee check (ตรวจสอบการันตีภายใน ๓๐ วัน บนเงื่อนไขปัญหาเดิม, 000 §1.1 steps 3–4)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from helpdesk.thai import local_date
from tickets.models import ACTIVE_STATUSES, ServiceMode, Ticket
from tickets.models.ticket import DELIVERED_STATUSES

GUARANTEE_DAYS = 30


@dataclass(frozen=True)
class GuaranteeResult:
    previous: Ticket | None  # the delivered ticket this one re-opens, when inside the guarantee
    open_ticket: Ticket | None  # a ticket of the same asset and category still being worked on
    days_since_delivery: int | None

    @property
    def is_claim(self) -> bool:
        return self.previous is not None

    @property
    def service_mode(self) -> str:
        return ServiceMode.ON_SITE if self.is_claim else ServiceMode.ONE_STOP


def guarantee_check(
    asset, category, at: dt.datetime | None = None, *, exclude_pk: int | None = None
) -> GuaranteeResult:
    """Is a new ticket for `asset` in `category` at `at` a guarantee claim?

    Calendar days in Asia/Bangkok from the delivery date of the previous ticket: day 30 is still
    inside, day 31 is not. Cancelled and unrepairable tickets never count; another category never
    counts. Uses the (asset, category, delivered_at) index.
    """
    if asset is None or category is None:
        return GuaranteeResult(previous=None, open_ticket=None, days_since_delivery=None)
    at = at or timezone.now()
    today = local_date(at)
    window_start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=GUARANTEE_DAYS), dt.time.min))
    same_problem = Ticket.objects.filter(asset=asset, category=category)
    if exclude_pk:
        same_problem = same_problem.exclude(pk=exclude_pk)
    previous = (
        same_problem.filter(status__in=DELIVERED_STATUSES, delivered_at__gte=window_start, delivered_at__lte=at)
        .order_by("-delivered_at")
        .first()
    )
    open_ticket = same_problem.filter(status__in=ACTIVE_STATUSES).order_by("-created_at").first()
    days = (today - local_date(previous.delivered_at)).days if previous else None
    return GuaranteeResult(previous=previous, open_ticket=open_ticket, days_since_delivery=days)
