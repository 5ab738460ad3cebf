"""Loans past their return date, for the reminder job (helpdesk/reminders.py): to the staff who lent."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assets.models import AssetLoan
from helpdesk.reminders import with_owner_or_it_heads
from helpdesk.thai import format_date


def loan_overdue_notices(now: dt.datetime):
    today = timezone.localdate(now)
    loans = AssetLoan.objects.overdue(today).select_related("asset", "borrower_unit", "lent_by").order_by("pk")
    for loan, recipients in with_owner_or_it_heads(loans, lambda loan: loan.lent_by):
        yield _due(loan, recipients)


def _due(loan: AssetLoan, recipients: tuple):
    from helpdesk.reminders import Due

    return Due(
        key=f"assets.loan_overdue:{loan.pk}:{loan.due_date.isoformat()}",
        kind="loan_overdue",
        recipients=recipients,
        subject=_("ครุภัณฑ์ %(number)s เกินกำหนดส่งคืน") % {"number": loan.asset.asset_number},
        message=_("ผู้ยืม %(name)s (%(unit)s) กำหนดคืน %(due)s") % {
            "name": loan.borrower_name, "unit": loan.borrower_unit.name, "due": format_date(loan.due_date),
        },
        url=reverse("assets:loans"),
    )
