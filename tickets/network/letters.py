"""Summary letters of the network processes (000 §1.3: 3.1 IP address, 3.2 MAC change, 3.3 user account).

Each is issued through the outgoing register once the request is finished; the account letter names
the user ID and how the password was handed over, never a password.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, register_letter_kind
from helpdesk.roles import user_profile
from helpdesk.thai import format_date, thai_digits

from .models import AccountRequest, IPRequest, MacChangeRequest

IP = "network_ip"
MAC = "network_mac"
ACCOUNT = "network_account"


def _getter(model, *related):
    def resolve(user, key: str):
        if not key.isdigit():
            raise Http404
        return get_object_or_404(model.objects.visible_to(user).select_related(*related), pk=int(key))

    def visible(user, obj) -> bool:
        return model.objects.visible_to(user).filter(pk=obj.pk).exists()

    return resolve, visible


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


def compose_ip(obj: IPRequest) -> Letter:
    if obj.status != IPRequest.Status.CLOSED:
        raise LetterNotReady(_("หนังสือสรุปรายงานผลออกได้เมื่อคำขอเสร็จสิ้นแล้ว"))
    return Letter(
        subject=_("แจ้งผลการขอเชื่อมต่อระบบเครือข่าย (หมายเลขไอพี) คำขอเลขที่ %(ref)s") % {"ref": thai_digits(obj.reference)},
        addressee=_("หัวหน้า%(unit)s") % {"unit": obj.unit.name},
        body_template="network/letters/ip_body.html",
        context={"object": obj, "technician": obj.checked_by},
        record=obj, record_label=_("คำขอหมายเลขไอพี %(ref)s") % {"ref": obj.reference}, unit=obj.unit,
        team=_team_of(obj.checked_by), references=_memo_reference(obj), recipients=_unit_recipients(obj),
    )


def compose_mac(obj: MacChangeRequest) -> Letter:
    if obj.status != MacChangeRequest.Status.CLOSED:
        raise LetterNotReady(_("หนังสือแจ้งผลออกได้เมื่อเปลี่ยน MAC Address และทดสอบการใช้งานผ่านแล้ว"))
    return Letter(
        subject=_("แจ้งผลการขอเปลี่ยนหมายเลข MAC Address คำขอเลขที่ %(ref)s") % {"ref": thai_digits(obj.reference)},
        addressee=_("หัวหน้า%(unit)s") % {"unit": obj.unit.name},
        body_template="network/letters/mac_body.html",
        context={"object": obj, "technician": obj.decided_by},
        record=obj, record_label=_("คำขอเปลี่ยน MAC %(ref)s") % {"ref": obj.reference}, unit=obj.unit,
        team=_team_of(obj.decided_by), recipients=_unit_recipients(obj),
    )


def compose_account(obj: AccountRequest) -> Letter:
    if obj.status != AccountRequest.Status.COMPLETED:
        raise LetterNotReady(_("หนังสือแจ้งผลออกได้เมื่อดำเนินการคำขอบัญชีผู้ใช้เสร็จสิ้นแล้ว"))
    worker = obj.delivered_by or obj.approved_by
    return Letter(
        subject=_("แจ้งผลการ%(kind)s %(service)s คำขอเลขที่ %(ref)s") % {
            "kind": obj.get_kind_display(), "service": obj.service.name, "ref": thai_digits(obj.reference)},
        addressee=_("หัวหน้า%(unit)s") % {"unit": obj.unit.name},
        body_template="network/letters/account_body.html",
        context={"object": obj, "technician": obj.delivered_by},
        record=obj, record_label=_("คำขอบัญชีผู้ใช้ %(ref)s") % {"ref": obj.reference}, unit=obj.unit,
        team=_team_of(worker), references=_memo_reference(obj), recipients=_unit_recipients(obj),
    )


def register_letters() -> None:
    resolve, visible = _getter(IPRequest, "unit", "requested_by", "asset", "subnet", "checked_by")
    register_letter_kind(LetterKind(code=IP, label=gettext_lazy("หนังสือแจ้งผลการขอหมายเลขไอพี"), form="unit",
                                    resolve=resolve, compose=compose_ip, visible=visible,
                                    demo_targets=lambda issuer: IPRequest.objects.filter(
                                        status=IPRequest.Status.CLOSED)[:1]))
    resolve, visible = _getter(MacChangeRequest, "unit", "requested_by", "assignment", "assignment__subnet",
                               "decided_by")
    register_letter_kind(LetterKind(code=MAC, label=gettext_lazy("หนังสือแจ้งผลการเปลี่ยน MAC Address"),
                                    form="unit", resolve=resolve, compose=compose_mac, visible=visible,
                                    demo_targets=lambda issuer: MacChangeRequest.objects.filter(
                                        status=MacChangeRequest.Status.CLOSED)[:1]))
    resolve, visible = _getter(AccountRequest, "unit", "requested_by", "service", "approved_by", "delivered_by")
    register_letter_kind(LetterKind(code=ACCOUNT, label=gettext_lazy("หนังสือแจ้งผลคำขอบัญชีผู้ใช้"), form="unit",
                                    resolve=resolve, compose=compose_account, visible=visible,
                                    demo_targets=lambda issuer: AccountRequest.objects.filter(
                                        status=AccountRequest.Status.COMPLETED)[:1]))
