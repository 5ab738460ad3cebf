"""The purchase request memo (บันทึกขอจัดซื้อ) for a part sent to procurement (000 step ๕, 003 §6.2 step 3)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, record_access, register_letter_kind
from helpdesk.thai import thai_digits

from .access import can_read_parts
from .models import PartRequest, PartRequestStatus

PURCHASE = "parts_purchase"
PROCURED = frozenset({PartRequestStatus.PROCUREMENT, PartRequestStatus.ORDERED, PartRequestStatus.RECEIVED,
                      PartRequestStatus.INSTALLED})
RELATED = ("ticket", "ticket__unit", "ticket__team", "ticket__asset", "item", "requested_by", "decided_by")

_resolve, _visible_request = record_access(PartRequest, *RELATED)


def _visible(user, part_request: PartRequest) -> bool:
    return can_read_parts(user) and _visible_request(user, part_request)


def compose_purchase(part_request: PartRequest) -> Letter:
    if part_request.status not in PROCURED:
        raise LetterNotReady(_("บันทึกขอจัดซื้อออกได้เมื่อคำขออะไหล่ส่งงานพัสดุจัดซื้อแล้ว"))
    ticket = part_request.ticket
    total = None
    if part_request.estimated_cost is not None:
        total = part_request.estimated_cost * part_request.quantity
    return Letter(
        subject=_("ขออนุมัติจัดซื้อวัสดุคอมพิวเตอร์ (%(part)s) สำหรับงานซ่อมตามใบแจ้งซ่อมเลขที่ %(number)s") % {
            "part": part_request.part_name, "number": thai_digits(ticket.number)},
        addressee=_("หัวหน้าเจ้าหน้าที่พัสดุ"),
        body_template="parts/letters/purchase_body.html",
        context={"part_request": part_request, "ticket": ticket, "total": total,
                 "technician": part_request.requested_by},
        record=part_request, record_label=_("คำขออะไหล่ของใบแจ้งซ่อม %(number)s") % {"number": ticket.number},
        unit=ticket.unit, team=ticket.team, form="memo",
        closing=_("จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการจัดซื้อต่อไป"),
    )


def register_letters() -> None:
    register_letter_kind(LetterKind(
        code=PURCHASE, label=gettext_lazy("บันทึกขอจัดซื้ออะไหล่/วัสดุ"), form="memo",
        resolve=_resolve, compose=compose_purchase, visible=_visible,
        demo_targets=lambda issuer: PartRequest.objects.filter(status__in=PROCURED)[:1],
    ))
