"""The letters of a data request (002 §3), issued through the outgoing register (helpdesk.correspondence).

- the reply to the requester (หนังสือภายนอก), granted or refused, numbered when the officer records it sent;
- the summary report memo (บันทึกข้อความรายงานสรุปผล), numbered when the request is closed.

Signer: the deputy director who approved the data signs the reply (002 §3 step 4), under the title set for
them in the admin (DeputyApprover) or their profile's position; a refusal, which no deputy approved, is signed
by the agency's signer (Agency.default_signer). The summary memo is signed by the head (or the configured
signatory) of the officer's team.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, record_access, register_letter_kind
from helpdesk.roles import user_profile
from helpdesk.thai import format_date, thai_digits

from . import services
from .access import can_send, get_data_request_for_user
from .models import DataRequest
from .services import REPLY_DRAFT_STATUSES, current_document

S = DataRequest.Status
REPLY = services.REPLY_KIND
SUMMARY = services.SUMMARY_KIND
KINDS = {"reply": REPLY, "summary": SUMMARY}
__all__ = ["KINDS", "REPLY", "SUMMARY", "compose_reply", "compose_summary", "current_document", "register_letters"]
# The send step issues the reply (services.data_request_send_reply); through the register's own button only a
# replacement of a cancelled reply, once it has gone out.
REPLY_ISSUE_STATUSES = (S.REPLIED, S.CLOSED)


_resolve, _visible = record_access(DataRequest, fetch=get_data_request_for_user)


def _may_issue_reply(user, obj) -> bool:
    """The officer or a head of ICT, once the reply has gone out (a replacement for a cancelled one)."""
    return obj is not None and obj.status in REPLY_ISSUE_STATUSES and can_send(user, obj)


def _may_issue_summary(user, obj) -> bool:
    return obj is not None and obj.status == S.CLOSED and can_send(user, obj)


def _team_of(user):
    profile = user_profile(user) if user is not None else None
    return profile.team if profile is not None else None


def _label(obj: DataRequest) -> str:
    return _("คำขอข้อมูล %(ref)s") % {"ref": obj.reference}


def _incoming_reference(obj: DataRequest) -> list[str]:
    if not obj.letter_number:
        return []
    text = _("หนังสือ%(org)s ที่ %(no)s") % {"org": obj.organisation, "no": obj.letter_number}
    if obj.letter_date:
        text += " " + _("ลงวันที่ %(date)s") % {"date": thai_digits(format_date(obj.letter_date))}
    return [text]


def _deputy_title(user) -> str:
    """The title the admin set for a named deputy approver (DeputyApprover), else "" (their profile's position)."""
    if user is None:
        return ""
    from .models import DeputyApprover

    approver = DeputyApprover.objects.filter(user=user, is_active=True).first()
    return approver.title if approver else ""


def compose_reply(obj: DataRequest) -> Letter:
    if obj.status not in REPLY_DRAFT_STATUSES:
        raise LetterNotReady(_("ร่างหนังสือตอบออกได้เมื่อส่งข้อมูลให้ตรวจสอบหรือหัวหน้า ICT ไม่ให้ข้อมูลแล้ว"))
    refused = obj.outcome == DataRequest.Outcome.REFUSED
    enclosures = [] if refused else [
        f"{f.name} ({f.description})" if f.description else f.name for f in obj.files.all()]
    if refused:
        subject = _("แจ้งผลการพิจารณาคำขอความอนุเคราะห์ข้อมูล")
    else:
        subject = _("ส่งข้อมูลตามที่ขอความอนุเคราะห์")
    return Letter(
        subject=subject,
        addressee=_("หัวหน้า%(org)s") % {"org": obj.organisation},
        body_template="datarequests/letters/reply_body.html",
        context={"object": obj, "refused": refused},
        record=obj, record_label=_label(obj), unit=obj.unit, team=None, form="external",
        signer=obj.approved_by, signer_position=_deputy_title(obj.approved_by),
        references=_incoming_reference(obj), enclosures=enclosures,
        recipients=[obj.recorded_by.email] if obj.unit_id and obj.recorded_by_id else [],
    )


def compose_summary(obj: DataRequest) -> Letter:
    if obj.status != S.CLOSED:
        raise LetterNotReady(_("บันทึกรายงานสรุปผลออกได้เมื่อปิดเรื่องแล้ว"))
    clock = services.clock_for(obj, now=obj.closed_at, calendar=services.calendar_around(obj.closed_at))
    return Letter(
        subject=_("รายงานสรุปผลการอนุเคราะห์ข้อมูลสารสนเทศ %(ref)s") % {"ref": obj.reference},
        addressee=_("หัวหน้าศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"),
        body_template="datarequests/letters/summary_body.html",
        context={"object": obj, "clock": clock, "files": list(obj.files.all())},
        record=obj, record_label=_label(obj), unit=obj.unit, team=_team_of(obj.officer), form="memo",
    )


def register_letters() -> None:
    register_letter_kind(LetterKind(
        code=REPLY, label=gettext_lazy("หนังสือตอบคำขอข้อมูล (หนังสือภายนอก)"), form="external",
        resolve=_resolve, compose=compose_reply, visible=_visible, may_issue=_may_issue_reply,
        demo_targets=lambda issuer: DataRequest.objects.filter(status__in=[S.REPLIED, S.CLOSED]).order_by("pk")[:1],
    ))
    register_letter_kind(LetterKind(
        code=SUMMARY, label=gettext_lazy("บันทึกรายงานสรุปผลการขอข้อมูล"), form="memo",
        resolve=_resolve, compose=compose_summary, visible=_visible, may_issue=_may_issue_summary,
        demo_targets=lambda issuer: DataRequest.objects.filter(status=S.CLOSED).order_by("pk")[:1],
    ))
