"""Opening tickets: the requester's own form (also from an asset's QR label) and staff intake."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from assets.models import Asset
from helpdesk.parsing import int_param
from helpdesk.roles import user_profile, user_unit
from tickets.access import can_file_for_own_unit, can_record_for_units
from tickets.forms import RequesterTicketForm, StaffTicketForm
from tickets.models import Category, Channel, Ticket
from tickets.plugins.guides import guide_for
from tickets.services import ticket_create


def _unit_assets(unit):
    return Asset.objects.filter(unit=unit).exclude(status=Asset.Status.DISPOSED).order_by("asset_number")[:500]


def _apply_service_errors(form, error: ValidationError) -> None:
    field = "confirm_duplicate" if getattr(error, "code", "") == "already_open" else None
    for message in error.messages:
        form.add_error(field, message)


@login_required
def ticket_create_view(request):
    """A unit member files a repair request for their own unit (SPEC §1 intake)."""
    if not can_file_for_own_unit(request.user):
        raise PermissionDenied
    unit = user_unit(request.user)
    profile = user_profile(request.user)
    initial = {
        "requester_position": profile.position if profile else "",
        "requester_phone": (profile.phone or profile.mobile) if profile else "",
    }
    prefilled_asset = None
    asset_pk = int_param(request.GET.get("asset"), minimum=1)
    if asset_pk is not None:
        prefilled_asset = Asset.objects.filter(pk=asset_pk, unit=unit).first()
        if prefilled_asset is None:
            messages.warning(request, _("ครุภัณฑ์นี้ไม่ได้อยู่ในหน่วยงานของท่าน กรุณาระบุอุปกรณ์เอง"))
        else:
            initial["asset_number"] = prefilled_asset.asset_number
    if request.method == "POST":
        form = RequesterTicketForm(request.POST, request.FILES, unit=unit)
        if form.is_valid():
            created = _create(request, form, unit=unit, requester=request.user, channel=Channel.WEB,
                              requester_name=request.user.get_full_name() or request.user.get_username())
            if created:
                return created
    else:
        if request.GET.get("category", "").isdigit():
            initial["category"] = int(request.GET["category"])
        form = RequesterTicketForm(initial=initial, unit=unit)
    return render(
        request,
        "tickets/ticket_form.html",
        {"form": form, "unit": unit, "unit_assets": _unit_assets(unit), "prefilled_asset": prefilled_asset,
         "staff_form": False, "guide": _guide_shown(request, form)},
    )


def _guide_shown(request, form):
    """The guide of the category already chosen (a re-rendered form, or ?category= from the guide's page)."""
    raw = str(form["category"].value() or "")
    if not raw.isdigit():
        return None
    category = Category.objects.filter(pk=int(raw), is_active=True).first()
    return guide_for(request.user, category)


def _create(request, form, **fields):
    """`ticket_create` with what both intake forms ask (category, symptom, requester's contact, device, photos)
    and `fields`: the new ticket's page, or None when the service refused (its errors are on the form)."""
    data = form.cleaned_data
    try:
        ticket = ticket_create(
            category=data["category"], symptom=data["symptom"], requester_position=data["requester_position"],
            requester_phone=data["requester_phone"], by=request.user, asset=form.asset,
            device_description="" if form.asset else data["device_description"], device_serial=data["device_serial"],
            photos=data["photos"], allow_duplicate=bool(data.get("confirm_duplicate")), **fields,
        )
    except ValidationError as error:
        _apply_service_errors(form, error)
        return None
    _announce(request, ticket)
    return redirect(ticket)


def _announce(request, ticket: Ticket) -> None:
    if ticket.guarantee_of_id:
        messages.success(
            request,
            _("บันทึกใบแจ้งซ่อม %(number)s แล้ว — เป็นงานการันตีภายใน 30 วันของใบแจ้งซ่อม %(previous)s "
              "เจ้าหน้าที่จะออกให้บริการ ณ หน่วยงาน (On Site Service)")
            % {"number": ticket.number, "previous": ticket.guarantee_of.number},
        )
    else:
        messages.success(
            request,
            _("บันทึกใบแจ้งซ่อม %(number)s แล้ว — กรุณานำเครื่องมาส่งที่จุดบริการเบ็ดเสร็จ พร้อมใบรับแจ้งซ่อม")
            % {"number": ticket.number},
        )


@login_required
def ticket_staff_create_view(request):
    """The service desk records a ticket from a unit's memo, a paper form or a phone call."""
    if not can_record_for_units(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = StaffTicketForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            created = _create(
                request, form, unit=data["unit"], requester_name=data["requester_name"], channel=data["channel"],
                memo_number=data["memo_number"], memo_date=data["memo_date"], memo_scan=data.get("memo_scan"),
                callback_due_at=data.get("callback_due_at"), guarantee_waived_reason=data["waive_guarantee_reason"],
            )
            if created:
                return created
    else:
        initial = {"channel": Channel.MEMO}
        asset_pk = int_param(request.GET.get("asset"), minimum=1)
        if asset_pk is not None:
            asset = Asset.objects.filter(pk=asset_pk).first()
            if asset is not None:
                initial.update(unit=asset.unit_id, asset_number=asset.asset_number)
        form = StaffTicketForm(initial=initial)
    return render(request, "tickets/ticket_form.html", {"form": form, "staff_form": True})


@login_required
def callbacks_view(request):
    """Phone tickets with a promised call-back not yet made, soonest first (003 §6.1)."""
    if not can_record_for_units(request.user):
        raise PermissionDenied
    tickets = (
        Ticket.objects.callbacks_due()
        .select_related("unit", "category", "category__parent", "team", "technician")
        .order_by("callback_due_at", "pk")
    )
    page = Paginator(tickets, 50).get_page(request.GET.get("page"))
    return render(request, "tickets/callbacks.html", {"page": page, "now": timezone.now()})
