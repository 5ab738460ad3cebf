"""The ticket's letters, issued through the outgoing register (helpdesk.correspondence).

- the summary result letter to the unit (หนังสือสรุปรายงานผล, 000 §1.1–1.3) once the work is done;
- the disposal proposal to the stock officer (เสนอจำหน่าย) for an asset that cannot be repaired.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, record_access, register_letter_kind
from helpdesk.thai import format_date, thai_digits
from tickets.models import Status, Ticket

SUMMARY = "ticket_summary"
DISPOSAL = "ticket_disposal"
LETTER_STATUSES = frozenset({Status.QUALITY_CHECK, Status.READY_FOR_PICKUP, Status.DELIVERED, Status.CLOSED,
                             Status.UNREPAIRABLE})
RELATED = ("unit", "team", "technician", "asset", "guarantee_of", "requester", "category")

_resolve, _visible = record_access(Ticket, *RELATED)


def _worker(ticket: Ticket, status: str):
    """The technician who did the work: the assigned one, else whoever moved the ticket to `status`."""
    if ticket.technician_id:
        return ticket.technician
    event = ticket.events.filter(to_status=status, actor__isnull=False).select_related("actor").order_by("-at").first()
    return event.actor if event else None


def _label(ticket: Ticket) -> str:
    return _("ใบแจ้งซ่อม %(number)s") % {"number": ticket.number}


def _references(ticket: Ticket) -> list[str]:
    if not ticket.memo_number:
        return []
    text = _("หนังสือ%(unit)s ที่ %(memo)s") % {"unit": ticket.unit.name, "memo": ticket.memo_number}
    if ticket.memo_date:
        text += " " + _("ลงวันที่ %(date)s") % {"date": format_date(ticket.memo_date)}
    return [thai_digits(text)]


def compose_summary(ticket: Ticket) -> Letter:
    from tickets.plugins.parts import ticket_parts_lines

    if ticket.status not in LETTER_STATUSES:
        raise LetterNotReady(_("หนังสือสรุปรายงานผลออกได้เมื่อซ่อมเสร็จแล้ว (ตั้งแต่ขั้นตรวจสอบคุณภาพ)"))
    return Letter(
        subject=_("รายงานผลการซ่อมบำรุงเครื่องคอมพิวเตอร์และอุปกรณ์ ตามใบแจ้งซ่อมเลขที่ %(number)s")
        % {"number": thai_digits(ticket.number)},
        addressee=_("ผู้อำนวยการ%(unit)s") % {"unit": ticket.unit.name},
        body_template="tickets/letters/summary_body.html",
        context={"ticket": ticket, "parts_lines": ticket_parts_lines(ticket),
                 "technician": _worker(ticket, Status.UNREPAIRABLE if ticket.status == Status.UNREPAIRABLE
                                       else Status.QUALITY_CHECK)},
        record=ticket, record_label=_label(ticket), unit=ticket.unit, team=ticket.team,
        references=_references(ticket),
        recipients=[ticket.unit.email, ticket.requester_email, ticket.requester.email if ticket.requester_id else ""],
    )


def compose_disposal(ticket: Ticket) -> Letter:
    if ticket.status != Status.UNREPAIRABLE:
        raise LetterNotReady(_("เสนอจำหน่ายได้เฉพาะงานที่บันทึกว่าซ่อมไม่ได้"))
    if ticket.asset_id is None:
        raise LetterNotReady(_("งานนี้ไม่มีครุภัณฑ์ในทะเบียน จึงเสนอจำหน่ายไม่ได้"))
    return Letter(
        subject=_("ขอเสนอจำหน่ายครุภัณฑ์ชำรุดที่ไม่สามารถซ่อมแซมได้ หมายเลขครุภัณฑ์ %(asset)s")
        % {"asset": thai_digits(ticket.asset.asset_number)},
        addressee=_("หัวหน้าเจ้าหน้าที่พัสดุ"),
        body_template="tickets/letters/disposal_body.html",
        context={"ticket": ticket, "asset": ticket.asset, "technician": _worker(ticket, Status.UNREPAIRABLE)},
        record=ticket, record_label=_label(ticket), unit=ticket.unit, team=ticket.team, form="memo",
        closing=_("จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการจำหน่ายตามระเบียบต่อไป"),
    )


def register_letters() -> None:
    register_letter_kind(LetterKind(
        code=SUMMARY, label=gettext_lazy("หนังสือสรุปรายงานผลการซ่อม"), form="unit",
        resolve=_resolve, compose=compose_summary, visible=_visible,
        demo_targets=lambda issuer: Ticket.objects.filter(status__in=[Status.DELIVERED, Status.CLOSED])
        .order_by("pk")[:3],
    ))
    register_letter_kind(LetterKind(
        code=DISPOSAL, label=gettext_lazy("บันทึกเสนอจำหน่ายครุภัณฑ์ที่ซ่อมไม่ได้"), form="memo",
        resolve=_resolve, compose=compose_disposal, visible=_visible,
        demo_targets=lambda issuer: Ticket.objects.filter(status=Status.UNREPAIRABLE, asset__isnull=False)
        .order_by("pk")[:1],
    ))
