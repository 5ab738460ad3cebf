"""Hand-over at delivery: the receiver confirms on a phone or the technician's device, or staff record the
signed paper receipt (000 §1.1 step ๑๑)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tickets.access import get_ticket_for_user
from tickets.forms import HandOverForm, PaperReceiptForm
from tickets.models import HandOver, Status, Ticket
from tickets.services.handover import may_confirm_handover, may_record_paper_receipt, ticket_confirm_handover


@login_required
@require_http_methods(["GET", "POST"])
def ticket_handover_view(request, pk: int):
    ticket = get_ticket_for_user(request, pk, queryset=Ticket.objects.select_related("unit", "asset", "category"))
    paper = request.GET.get("paper") == "1" or request.POST.get("method") == HandOver.Method.PAPER
    allowed = may_record_paper_receipt(request.user, ticket) if paper else may_confirm_handover(request.user, ticket)
    if not allowed:
        raise PermissionDenied
    if ticket.status != Status.DELIVERED or HandOver.objects.filter(ticket=ticket).exists():
        messages.error(request, _("ยืนยันการรับมอบได้ครั้งเดียว เฉพาะงานที่ส่งมอบแล้ว"))
        return redirect(ticket)
    form_class = PaperReceiptForm if paper else HandOverForm
    initial = {} if paper else {"receiver_name": ticket.received_by_name or ticket.requester_name,
                                "receiver_position": ticket.requester_position}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received_at = None
        if paper:
            now = timezone.localtime()
            received_at = now if data["signed_on"] == now.date() else timezone.make_aware(
                dt.datetime.combine(data["signed_on"], dt.time(12, 0)))
        try:
            handover = ticket_confirm_handover(
                ticket=ticket, by=request.user, method=HandOver.Method.PAPER if paper else HandOver.Method.APP,
                receiver_name=data["receiver_name"], receiver_position=data["receiver_position"],
                works=data["works"], note=data["note"], received_at=received_at,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if handover.reopened_as_id:
                messages.warning(request, _("บันทึกแล้ว เปิดงานซ่อมซ้ำตามการันตีเป็นใบแจ้งซ่อม %(number)s") % {
                    "number": handover.reopened_as.number})
            else:
                messages.success(request, _("บันทึกการรับมอบเครื่องแล้ว ขอบคุณค่ะ"))
            return redirect(ticket)
    return render(request, "tickets/handover_form.html", {"ticket": ticket, "form": form, "paper": paper})
