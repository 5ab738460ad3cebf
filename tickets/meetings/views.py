"""Booking pages: thin views (access helper → form → one service call → redirect)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from helpdesk.roles import user_unit
from helpdesk.steps import download_view, edit_view, form_page, step_view

from . import services
from .access import can_cancel, can_edit, get_booking_for_user, is_meeting_staff, is_unit_booker, require
from .calendar import day_calendar, week_calendar
from .forms import BookingForm, CalendarDateForm, CancelForm, CheckForm, ConfirmForm, SetupForm
from .ics import booking_ics
from .models import Booking
from .survey import booking_invitation, survey_response

S = Booking.Status
LIST_FILTERS = {
    "upcoming": lambda qs, now: qs.filter(ends_at__gte=now).exclude(status=S.CANCELLED).order_by("starts_at", "pk"),
    "past": lambda qs, now: qs.filter(ends_at__lt=now).order_by("-starts_at", "-pk"),
    "requested": lambda qs, now: qs.filter(status=S.REQUESTED).order_by("starts_at", "pk"),
    "overdue": lambda qs, now: qs.filter(services.overdue_q(now)).order_by("starts_at", "pk"),
    "cancelled": lambda qs, now: qs.filter(status=S.CANCELLED).order_by("-starts_at", "-pk"),
}


@login_required
def booking_list(request):
    show = request.GET.get("show") if request.GET.get("show") in LIST_FILTERS else "upcoming"
    queryset = LIST_FILTERS[show](Booking.objects.visible_to(request.user), timezone.now())
    page = Paginator(queryset.select_related("unit", "room", "vc_account", "assigned_to"), 25).get_page(
        request.GET.get("page"))
    return render(request, "meetings/booking_list.html", {
        "page_obj": page, "show": show, "query": f"show={show}", "now": timezone.now(),
        "can_book": user_unit(request.user) is not None,
        "is_staff": is_meeting_staff(request.user),
        "counts": services.staff_queue_counts() if is_meeting_staff(request.user) else None,
    })


@login_required
@require_http_methods(["GET", "POST"])
def booking_create(request):
    unit = user_unit(request.user)
    require(unit is not None)
    profile = request.user.profile
    initial = {"contact_name": request.user.get_full_name(), "contact_phone": profile.phone or profile.mobile}
    form = BookingForm(request.POST or None, request.FILES or None, initial=initial)
    return form_page(request, form, services.booking_create, "booking", set_fields={"unit": unit}, by=request.user,
                     template="meetings/booking_form.html", context={"unit": unit}, redirect_to="meetings:detail",
                     done=lambda booking: _("ส่งคำขอจอง %(ref)s แล้ว รอเจ้าหน้าที่ยืนยัน") % {"ref": booking.reference})


booking_edit = edit_view(get_booking_for_user, services.booking_update, argument="booking", allowed=can_edit,
                         form_class=BookingForm, template="meetings/booking_form.html",
                         done=gettext_lazy("บันทึกการแก้ไขแล้ว"), redirect_to="meetings:detail",
                         context=lambda booking: {"unit": booking.unit})


@login_required
def booking_detail(request, pk):
    booking = get_booking_for_user(request.user, pk)
    user = request.user
    staff = is_meeting_staff(user)
    now = timezone.now()
    context = {
        "object": booking,
        "events": booking.events.select_related("by"),
        "now": now,
        "is_staff": staff,
        "can_edit": can_edit(user, booking),
        "can_cancel": can_cancel(user, booking),
        "can_confirm": staff and booking.status == S.REQUESTED and booking.requested_by_id != user.pk,
        "can_setup": staff and booking.status == S.CONFIRMED and now < booking.ends_at,
        "can_hold": staff and booking.status == S.READY and now >= booking.starts_at,
        "can_check": staff and booking.status in (S.READY, S.HELD) and now >= booking.ends_at,
        "setup_overdue": booking.setup_overdue(now),
        "check_overdue": booking.check_overdue(now),
        "confirm_overdue": booking.confirm_overdue(now),
        "cancel_form": CancelForm(),
        "setup_form": SetupForm(),
        "check_form": CheckForm(),
    }
    if context["can_confirm"]:
        context["confirm_form"] = ConfirmForm(booking=booking, by=user)
    if booking.status == S.CHECKED:
        context["survey"] = booking_invitation(booking)
        context["survey_response"] = survey_response(context["survey"])
        # The link is the requester's own (anyone holding it may answer): shown to them only.
        context["survey_link"] = (user.pk == booking.requested_by_id and context["survey"] is not None
                                  and context["survey_response"] is None)
    return render(request, "meetings/booking_detail.html", context)


def _staff(user, booking) -> bool:
    return is_meeting_staff(user)


def _booker_or_staff(user, booking) -> bool:
    return is_unit_booker(user, booking) or is_meeting_staff(user)


def _step(step, done, *, allowed=_staff, form=None, form_kwargs=None):
    return step_view(step, lookup=get_booking_for_user, argument="booking", allowed=allowed, form=form,
                     form_kwargs=form_kwargs, done=done, redirect_to="meetings:detail")


booking_confirm = _step(services.booking_confirm, gettext_lazy("ยืนยันการจองแล้ว"), form=ConfirmForm,
                        form_kwargs=lambda request, booking: {"booking": booking, "by": request.user})
booking_setup = _step(services.booking_setup, gettext_lazy("บันทึกการติดตั้งและทดสอบระบบแล้ว"), form=SetupForm)
booking_hold = _step(services.booking_hold, gettext_lazy("บันทึกว่าจัดประชุมแล้ว"))
booking_check = _step(services.booking_check, gettext_lazy("บันทึกการตรวจสอบหลังการประชุมแล้ว"), form=CheckForm)
booking_cancel = _step(services.booking_cancel, gettext_lazy("ยกเลิกการจองแล้ว"), allowed=_booker_or_staff,
                       form=CancelForm)


@login_required
def booking_ics_download(request, pk):
    booking = get_booking_for_user(request.user, pk)
    body = booking_ics(booking, url=request.build_absolute_uri(booking_url(booking)))
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def booking_url(booking: Booking) -> str:
    return reverse("meetings:detail", args=[booking.pk])


booking_agenda = download_view(get_booking_for_user, lambda booking: (booking.agenda, f"{booking.reference}-agenda"))


def _calendar_view(template: str, build):
    @login_required
    def view(request):
        day = CalendarDateForm(request.GET).day()
        return render(request, template, {"cal": build(request.user, day),
                                          "can_book": user_unit(request.user) is not None})

    return view


calendar_day = _calendar_view("meetings/calendar_day.html", day_calendar)
calendar_week = _calendar_view("meetings/calendar_week.html", week_calendar)
