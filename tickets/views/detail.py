"""The ticket page (timeline, work record, actions) and its attachments."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from helpdesk.previews import Preview, image_preview, serve_file
from helpdesk.roles import is_service_staff
from tickets.access import get_ticket_for_user, may_withdraw
from tickets.forms import (
    AssignForm,
    GuaranteeOverrideForm,
    LendForm,
    NoteForm,
    ReturnForm,
    TransitionForm,
    WithdrawForm,
    WorkForm,
)
from tickets.letters import LETTER_STATUSES
from tickets.models import Status, Ticket
from tickets.models.ticket import DELIVERED_STATUSES
from tickets.plugins.parts import ticket_parts_lines
from tickets.plugins.sections import detail_sections_for
from tickets.repairs import earlier_repairs
from tickets.services.survey import survey_refusal, ticket_survey_response

# Each allowed next step is its own button, named for what the technician does (nothing is preselected).
STEP_LABELS = {
    Status.RECEIVED: _("รับเครื่องแล้ว"),
    Status.IN_PROGRESS: _("ดำเนินการซ่อม"),
    Status.WAITING_PARTS: _("รออะไหล่"),
    Status.AT_VENDOR: _("ส่งซ่อมภายนอก"),
    Status.QUALITY_CHECK: _("ส่งตรวจสอบคุณภาพ"),
    Status.READY_FOR_PICKUP: _("แจ้งหน่วยงานมารับเครื่อง"),
    Status.DELIVERED: _("ส่งมอบเครื่องแล้ว"),
    Status.CLOSED: _("ปิดงาน"),
    Status.CANCELLED: _("ยกเลิกงานนี้"),
    Status.UNREPAIRABLE: _("ซ่อมไม่ได้ (เสนอจำหน่าย)"),
}
# The usual next step from each status, shown first and highlighted.
MAIN_STEP = {
    Status.NEW: Status.RECEIVED, Status.RECEIVED: Status.IN_PROGRESS, Status.IN_PROGRESS: Status.QUALITY_CHECK,
    Status.WAITING_PARTS: Status.IN_PROGRESS, Status.AT_VENDOR: Status.QUALITY_CHECK,
    Status.QUALITY_CHECK: Status.READY_FOR_PICKUP, Status.READY_FOR_PICKUP: Status.DELIVERED,
    Status.DELIVERED: Status.CLOSED, Status.UNREPAIRABLE: Status.CLOSED,
}
ENDING_STEPS = {Status.CANCELLED, Status.UNREPAIRABLE}


def step_buttons(ticket: Ticket, allowed: list[str]) -> list[dict]:
    main = MAIN_STEP.get(ticket.status)
    steps = sorted(allowed, key=lambda status: (status != main, status in ENDING_STEPS))
    return [
        {"value": status, "label": STEP_LABELS[status],
         "style": "btn-success" if status == main else
         "btn-outline-danger" if status in ENDING_STEPS else "btn-outline-primary"}
        for status in steps
    ]


DETAIL_RELATED = ("unit", "category", "category__parent", "team", "technician", "asset", "guarantee_of",
                  "requester", "created_by")


def _handover_context(user, ticket: Ticket) -> dict:
    """The receipt at delivery (000 §1.1 step ๑๑): shown once recorded, offered while the job is delivered."""
    from tickets.models import HandOver
    from tickets.services.handover import may_confirm_handover, may_record_paper_receipt

    if ticket.status not in DELIVERED_STATUSES:
        return {}
    handover = HandOver.objects.filter(ticket=ticket).select_related("reopened_as", "recorded_by").first()
    waiting = handover is None and ticket.status == Status.DELIVERED
    return {"handover": handover,
            "can_confirm_handover": waiting and may_confirm_handover(user, ticket),
            "can_record_paper_receipt": waiting and may_record_paper_receipt(user, ticket)}


def detail_context(request, ticket: Ticket, **forms) -> dict:
    user = request.user
    staff = is_service_staff(user)
    can_act = ticket.can_act(user)
    events = ticket.events.select_related("actor").order_by("at", "pk")
    if not staff:
        events = events.filter(is_internal=False)
    loan_links = list(ticket.loan_links.select_related("loan", "loan__asset").order_by("pk"))
    context = {
        "ticket": ticket,
        # The refused form, if any: its problems are listed at the top of the page (form_error_summary.html).
        "failed_form": next((form for form in forms.values() if form is not None and form.errors), None),
        "events": events,
        "photos": photo_previews(ticket),
        "loan_links": loan_links,
        "guarantee_claims": list(ticket.guarantee_claims.only("pk", "number", "status", "created_at")),
        "earlier_repairs": earlier_repairs(ticket),
        "parts_lines": ticket_parts_lines(ticket),
        "is_staff_view": staff,
        "can_act": can_act,
        "now": timezone.now(),
        "letter_statuses": LETTER_STATUSES,
        "survey": ticket_survey_response(ticket) if ticket.status in DELIVERED_STATUSES else None,
        "survey_refusal": survey_refusal(ticket, user),
        "vendor_support": ticket.vendor_support(),
        "detail_sections": detail_sections_for(request, ticket),
        **_handover_context(user, ticket),
        # Requesters withdraw a request the desk has not received yet (staff cancel through the actions).
        "withdraw_form": (forms.get("withdraw_form") or WithdrawForm())
        if ticket.status == Status.NEW and not can_act and may_withdraw(user, ticket) else None,
    }
    if can_act:
        allowed = ticket.allowed_transitions
        if Status.AT_VENDOR in allowed and not context["vendor_support"]:
            # "ส่งซ่อมภายนอก" is offered when the asset is leased or under warranty (003 §6.2).
            allowed = [status for status in allowed if status != Status.AT_VENDOR]
        context.update(
            allowed_transitions=[(status, Status(status).label) for status in allowed],
            step_buttons=step_buttons(ticket, allowed),
            # Delivering needs a decision on a replacement device still out (tickets.services.ticket_deliver).
            loans_out=[link for link in loan_links if link.loan.returned_at is None and link.kept_until is None],
            allowed_step_values=set(allowed),
            transition_form=forms.get("transition_form") or TransitionForm(initial={"version": ticket.version}),
            work_form=forms.get("work_form") or WorkForm(instance=ticket, initial={"version": ticket.version}),
            assign_form=forms.get("assign_form") or AssignForm(initial={"version": ticket.version}),
            note_form=forms.get("note_form") or NoteForm(),
            guarantee_form=forms.get("guarantee_form") or GuaranteeOverrideForm(ticket=ticket),
            lend_form=forms.get("lend_form") or LendForm(),
            # 002 §2 step ๔: a repair expected to take more than one working day → lend a replacement device.
            suggest_replacement=bool(ticket.long_repair and ticket.asset_id and ticket.is_active
                                     and not any(link.loan.returned_at is None for link in loan_links)),
            return_form=ReturnForm(),
        )
    return context


@require_GET
@login_required
def ticket_detail_view(request, pk: int):
    # The page shows the unit but not the requester's or creator's account (read only if something asks).
    ticket = get_ticket_for_user(request, pk, queryset=Ticket.objects.for_page().prefetch_related("unit"))
    return render(request, "tickets/ticket_detail.html", detail_context(request, ticket))


@require_GET
@login_required
def ticket_photo_view(request, pk: int, photo_pk: int):
    ticket = get_ticket_for_user(request, pk)
    photo = get_object_or_404(ticket.photos, pk=photo_pk)
    extension = "png" if photo.content_type == "image/png" else "jpg"
    return serve_file(photo.image, filename=f"{ticket.number}-{photo.pk}.{extension}", content_type=photo.content_type)


def photo_previews(ticket: Ticket) -> list[Preview]:
    previews = []
    for number, photo in enumerate(ticket.photos.all(), start=1):
        args = [ticket.pk, photo.pk]
        previews.append(Preview(
            key=f"photo-{photo.pk}", label=_("รูปที่ %(n)d") % {"n": number},
            download_url=reverse("tickets:photo", args=args),
            thumb_url=reverse("tickets:photo_preview", args=[*args, "thumb"]),
            large_url=reverse("tickets:photo_preview", args=[*args, "large"]),
        ))
    return previews


@require_GET
@login_required
def ticket_photo_preview_view(request, pk: int, photo_pk: int, size: str):
    """The thumbnail or the larger view of a photo (a bounded JPEG made once and kept)."""
    ticket = get_ticket_for_user(request, pk)
    photo = get_object_or_404(ticket.photos, pk=photo_pk)
    return image_preview(photo.image, content_type=photo.content_type, size=size,
                         filename=f"{ticket.number}-{photo.pk}-{size}.jpg")


@require_GET
@login_required
def ticket_memo_view(request, pk: int):
    """The scanned memo (a checked PDF): shown in the browser with ?view=1, else downloaded."""
    ticket = get_ticket_for_user(request, pk)
    return serve_file(ticket.memo_scan, filename=f"{ticket.number}-memo.pdf", content_type="application/pdf",
                      inline=request.GET.get("view") == "1")


