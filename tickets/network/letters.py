"""Summary letters of the network processes (000 §1.3: 3.1 IP address, 3.2 MAC change, 3.3 user account).

Each is issued through the outgoing register once the request is finished; the account letter names
the user ID and how the password was handed over, never a password.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, record_access, register_letter_kind
from helpdesk.roles import user_profile
from helpdesk.thai import format_date, thai_digits

from .models import AccountRequest, IPRequest, MacChangeRequest

IP = "network_ip"
MAC = "network_mac"
ACCOUNT = "network_account"


def _team_of(user):
    """The team of the person who did the work: its head signs the letter."""
    profile = user_profile(user) if user is not None else None
    return profile.team if profile is not None else None


def _memo_reference(obj) -> list[str]:
    text = _("หนังสือ%(unit)s ที่ %(memo)s ลงวันที่ %(date)s") % {
        "unit": obj.unit.name, "memo": obj.memo_number, "date": format_date(obj.memo_date)}
    return [thai_digits(text)]


def _unit_recipients(obj) -> list[str]:
    return [obj.unit.email, obj.requested_by.email if obj.requested_by_id else ""]


def _result_letter(obj, *, finished: str, not_ready, subject: str, body_template: str, technician, signer,
                   record_label, references=()) -> Letter:
    """The letter telling the unit the result of its finished request (``finished``: the status it must be in);
    the head of ``signer``'s team signs it."""
    if obj.status != finished:
        raise LetterNotReady(not_ready)
    return Letter(
        subject=subject, addressee=_("หัวหน้า%(unit)s") % {"unit": obj.unit.name}, body_template=body_template,
        context={"object": obj, "technician": technician},
        record=obj, record_label=record_label % {"ref": obj.reference}, unit=obj.unit,
        team=_team_of(signer), references=list(references), recipients=_unit_recipients(obj),
    )


def compose_ip(obj: IPRequest) -> Letter:
    return _result_letter(
        obj, finished=IPRequest.Status.CLOSED, not_ready=_("หนังสือสรุปรายงานผลออกได้เมื่อคำขอเสร็จสิ้นแล้ว"),
        subject=_("แจ้งผลการขอเชื่อมต่อระบบเครือข่าย (หมายเลขไอพี) คำขอเลขที่ %(ref)s") % {"ref": thai_digits(obj.reference)},
        body_template="network/letters/ip_body.html", technician=obj.checked_by, signer=obj.checked_by,
        record_label=_("คำขอหมายเลขไอพี %(ref)s"), references=_memo_reference(obj),
    )


def compose_mac(obj: MacChangeRequest) -> Letter:
    return _result_letter(
        obj, finished=MacChangeRequest.Status.CLOSED,
        not_ready=_("หนังสือแจ้งผลออกได้เมื่อเปลี่ยน MAC Address และทดสอบการใช้งานผ่านแล้ว"),
        subject=_("แจ้งผลการขอเปลี่ยนหมายเลข MAC Address คำขอเลขที่ %(ref)s") % {"ref": thai_digits(obj.reference)},
        body_template="network/letters/mac_body.html", technician=obj.decided_by, signer=obj.decided_by,
        record_label=_("คำขอเปลี่ยน MAC %(ref)s"),
    )


def compose_account(obj: AccountRequest) -> Letter:
    return _result_letter(
        obj, finished=AccountRequest.Status.COMPLETED,
        not_ready=_("หนังสือแจ้งผลออกได้เมื่อดำเนินการคำขอบัญชีผู้ใช้เสร็จสิ้นแล้ว"),
        subject=_("แจ้งผลการ%(kind)s %(service)s คำขอเลขที่ %(ref)s") % {
            "kind": obj.get_kind_display(), "service": obj.service.name, "ref": thai_digits(obj.reference)},
        body_template="network/letters/account_body.html", technician=obj.delivered_by,
        signer=obj.delivered_by or obj.approved_by, record_label=_("คำขอบัญชีผู้ใช้ %(ref)s"),
        references=_memo_reference(obj),
    )


def _finished_requests(model, status: str):
    return lambda issuer: model.objects.filter(status=status)[:1]


LETTERS = [
    (IP, gettext_lazy("หนังสือแจ้งผลการขอหมายเลขไอพี"), compose_ip, IPRequest, IPRequest.Status.CLOSED,
     ("unit", "requested_by", "asset", "subnet", "checked_by")),
    (MAC, gettext_lazy("หนังสือแจ้งผลการเปลี่ยน MAC Address"), compose_mac, MacChangeRequest,
     MacChangeRequest.Status.CLOSED, ("unit", "requested_by", "assignment", "assignment__subnet", "decided_by")),
    (ACCOUNT, gettext_lazy("หนังสือแจ้งผลคำขอบัญชีผู้ใช้"), compose_account, AccountRequest,
     AccountRequest.Status.COMPLETED, ("unit", "requested_by", "service", "approved_by", "delivered_by")),
]


def register_letters() -> None:
    for code, label, compose, model, finished, related in LETTERS:
        resolve, visible = record_access(model, *related)
        register_letter_kind(LetterKind(code=code, label=label, form="unit", resolve=resolve, compose=compose,
                                        visible=visible, demo_targets=_finished_requests(model, finished)))
