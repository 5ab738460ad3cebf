"""The monthly publishing report memo (บันทึกข้อความรายงานผลการเผยแพร่, 002 §1 step ๖) sent up the chain."""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, register_letter_kind
from helpdesk.correspondence.models import Agency
from helpdesk.roles import user_team
from helpdesk.thai import format_date, thai_digits

MONTHLY = "publishing_monthly"


@dataclass(frozen=True)
class ReportMonth:
    month: dt.date
    team: object = None  # the issuing team (its head signs)

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"


def _resolve(user, key: str) -> ReportMonth:
    try:
        month = dt.datetime.strptime(key, "%Y-%m").date()
    except ValueError as error:
        raise Http404 from error
    return ReportMonth(month=month, team=user_team(user))


def _visible(user, record) -> bool:
    return False  # a memo about a month, not a unit's record: staff only (the access helper lets staff in)


def compose_monthly(target: ReportMonth) -> Letter:
    from publishing.models import PublishingRequest
    from publishing.reports import build_report

    if target.month >= timezone.localdate().replace(day=1):
        raise LetterNotReady(_("บันทึกรายงานประจำเดือนออกได้เมื่อสิ้นเดือนนั้นแล้ว"))
    report = build_report(PublishingRequest.objects.all(), target.month)
    month_label = thai_digits(format_date(report.month).split(" ", 1)[1])
    agency = Agency.current()
    return Letter(
        subject=_("รายงานผลการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน ประจำเดือน%(month)s") % {"month": month_label},
        addressee=_("ผู้อำนวยการ%(agency)s") % {"agency": agency.name},
        body_template="publishing/letters/monthly_body.html",
        context={"report": report, "month_label": month_label},
        record_key=target.key, record_label=_("รายงานการเผยแพร่ %(month)s") % {"month": month_label},
        team=target.team, form="memo",
        closing=_("จึงเรียนมาเพื่อโปรดทราบ"),
    )


def _last_month(issuer):
    """The demo's monthly memo: last month's, once (its key is the month)."""
    from helpdesk.correspondence.models import IssuedDocument

    last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    if IssuedDocument.objects.filter(kind=MONTHLY, record_key=last_month).exists():
        return []
    return [_resolve(issuer, last_month)]


def register_letters() -> None:
    register_letter_kind(LetterKind(
        code=MONTHLY, label=gettext_lazy("บันทึกรายงานผลการเผยแพร่ข้อมูลประจำเดือน"), form="memo",
        resolve=_resolve, compose=compose_monthly, visible=_visible, key=lambda target: target.key,
        demo_targets=_last_month,
    ))
