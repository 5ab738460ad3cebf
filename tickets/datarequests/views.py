"""Data requests (002 §3): thin views — access helper, form, one service call, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helpdesk.correspondence.services import document_draft
from helpdesk.correspondence.views import stored_pdf_response
from helpdesk.forms import run_step
from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv
from helpdesk.roles import Role, has_role, user_unit
from helpdesk.thai import format_date

from . import letters, services
from .access import (
    can_approve,
    can_edit_letter,
    can_file_online,
    can_prepare,
    can_read_letter,
    can_record,
    can_review,
    can_screen,
    can_see_file,
    can_see_personal_data,
    can_send,
    get_data_file_for_user,
    get_data_request_for_user,
    is_deputy_director,
    is_it_head,
    require,
)
from .forms import (
    CancelForm,
    CloseForm,
    DataFileForm,
    DataRequestForm,
    NoteForm,
    ReturnForm,
    ScreeningForm,
    SendReplyForm,
    SubmitForm,
)
from .models import DataFileAccess, DataRequest, is_ict_staff
from .reports import monthly_rows, report_months

S = DataRequest.Status


def list_spec() -> ListSpec:
    return ListSpec(
        search_fields=["organisation", "parent_agency", "contact_name", "letter_number", "data_requested",
                       "reply_number"],
        filters={
            "status": (_("สถานะ"), "status", list(S.choices)),
            "outcome": (_("ผลการพิจารณา"), "outcome", list(DataRequest.Outcome.choices)),
            "channel": (_("ช่องทาง"), "channel", list(DataRequest.Channel.choices)),
        },
        sorts={"received": (_("วันที่รับหนังสือ"), ("received_at",)), "due": (_("กำหนดตอบ"), ("due_at",)),
               "organisation": (_("หน่วยงานผู้ขอ"), ("organisation",)), "status": (_("สถานะ"), ("status",))},
        default_sort="-received",
        csv_header=["เลขที่คำขอ", "รับหนังสือเมื่อ", "เลขที่หนังสือ", "หน่วยงานผู้ขอ", "หน่วยงานต้นสังกัด", "ข้อมูลที่ขอ",
                    "สถานะ", "ผลการพิจารณา", "กำหนดตอบ", "ส่งหนังสือตอบเมื่อ", "เลขที่หนังสือตอบ"],
        csv_row=lambda r: [r.reference, format_date(r.received_at, with_time=True), r.letter_number, r.organisation,
                           r.parent_agency, r.data_requested, r.get_status_display(), r.get_outcome_display(),
                           format_date(r.due_at, with_time=True), format_date(r.sent_at, with_time=True),
                           r.reply_number],
        csv_name="data-requests",
    )


@login_required
@require_GET
def request_list(request):
    queryset = DataRequest.objects.visible_to(request.user).select_related("officer", "unit")
    spec = list_spec()
    if wants_csv(request):
        return csv_response(request, queryset, spec)
    context = list_context(request, queryset, spec)
    now = timezone.now()
    calendar = services.calendar_around(now)
    context["rows"] = [(row, services.clock_for(row, now=now, calendar=calendar)) for row in context["rows"]]
    context["can_record"] = can_record(request.user)
    context["can_file_online"] = can_file_online(request.user)
    return render(request, "datarequests/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    """Staff record an incoming letter; a unit files online (received now)."""
    online = not can_record(request.user)
    require(not online or can_file_online(request.user))
    form = DataRequestForm(request.POST or None, request.FILES or None, online=online)
    if request.method == "POST" and form.is_valid():
        data_request = form.save(commit=False)
        if online:
            data_request.channel = DataRequest.Channel.ONLINE
            data_request.unit = user_unit(request.user)
            data_request.received_at = timezone.now()
        services.data_request_create(request=data_request, by=request.user)
        messages.success(request, _("บันทึกคำขอข้อมูล %(ref)s แล้ว กำหนดตอบภายใน %(due)s")
                         % {"ref": data_request.reference, "due": format_date(data_request.due_at, with_time=True)})
        return redirect("datarequests:detail", data_request.pk)
    return render(request, "datarequests/form.html", {"form": form, "online": online})


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_edit_letter(request.user, data_request))
    form = DataRequestForm(request.POST or None, request.FILES or None, instance=data_request,
                           online=data_request.channel == DataRequest.Channel.ONLINE)
    if request.method == "POST" and form.is_valid():
        try:
            services.data_request_update(request=form.save(commit=False), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("แก้ไขรายละเอียดหนังสือแล้ว"))
            return redirect("datarequests:detail", pk)
    return render(request, "datarequests/form.html", {"form": form, "object": data_request,
                                                      "online": data_request.channel == DataRequest.Channel.ONLINE})


def _detail_context(request, data_request, **forms) -> dict:
    user = request.user
    status = data_request.status
    now = timezone.now()
    files = list(data_request.files.select_related("uploaded_by").annotate(
        views=Count("accesses")))
    personal_ok = can_see_personal_data(user, data_request)
    context = {
        "object": data_request,
        "events": data_request.events.select_related("by"),
        "clock": services.clock_for(data_request, now=now, calendar=services.calendar_around(now)),
        "files": [(f, can_see_file(user, f)) for f in files],
        "can_see_personal": personal_ok,
        "can_edit": can_edit_letter(user, data_request),
        "can_start_screening": can_screen(user, data_request) and status == S.RECEIVED,
        "can_screen": can_screen(user, data_request) and status == S.SCREENING,
        "can_start_preparing": can_prepare(user, data_request) and status == S.ACCEPTED,
        "can_prepare": can_prepare(user, data_request) and status == S.PREPARING,
        "can_review": can_review(user, data_request) and status == S.REVIEW,
        "can_approve": can_approve(user, data_request) and status == S.APPROVAL,
        "own_work_waiting": status in (S.REVIEW, S.APPROVAL) and data_request.officer_id == user.pk,
        "can_send": can_send(user, data_request) and status in (S.APPROVED, S.REFUSED),
        "can_close": can_send(user, data_request) and status == S.REPLIED,
        "can_cancel": is_it_head(user) and status in (S.RECEIVED, S.SCREENING),
        # An issued letter is read by whoever sees the request; the draft by the desk and the approvers.
        "can_reply_letter": status in (S.REPLIED, S.CLOSED) or can_read_letter(user, data_request, "reply"),
        "can_summary_letter": status == S.CLOSED,
        "screening_form": forms.get("screening_form") or ScreeningForm(),
        "file_form": forms.get("file_form") or DataFileForm(),
        "submit_form": forms.get("submit_form") or SubmitForm(initial={"cover_memo": data_request.cover_memo}),
        "note_form": NoteForm(),
        "return_form": forms.get("return_form") or ReturnForm(),
        "send_form": forms.get("send_form") or SendReplyForm(data_request=data_request),
        "close_form": forms.get("close_form") or CloseForm(),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
    }
    context["has_actions"] = any(value for key, value in context.items() if key.startswith("can_")
                                 and key != "can_see_personal")
    return context


@login_required
@require_GET
def request_detail(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    return render(request, "datarequests/detail.html", _detail_context(request, data_request))


def _rerender(request, data_request, **forms):
    """A form with errors: the request page again, status 200, nothing lost."""
    return render(request, "datarequests/detail.html", _detail_context(request, data_request, **forms))


@login_required
@require_POST
def request_start_screening(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_screen(request.user, data_request))
    if run_step(request, services.data_request_start_screening, request=data_request, by=request.user):
        messages.success(request, _("รับพิจารณาหนังสือแล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_screen(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_screen(request.user, data_request))
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        return _rerender(request, data_request, screening_form=form)
    data = form.cleaned_data
    if data["decision"] == "accept":
        done = run_step(request, services.data_request_accept, request=data_request, by=request.user,
                    officer=data["officer"], criteria=form.criteria(), note=data["note"])
        if done:
            messages.success(request, _("รับเรื่องและมอบหมายเจ้าหน้าที่แล้ว"))
    else:
        done = run_step(request, services.data_request_refuse, request=data_request, by=request.user,
                    reason=data["refusal_reason"].strip(), criteria=form.criteria(), officer=data["officer"],
                    note=data["note"])
        if done:
            messages.success(request, _("บันทึกผลไม่ให้ข้อมูลแล้ว เจ้าหน้าที่จะส่งหนังสือแจ้งผู้ขอ"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_start_preparing(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_prepare(request.user, data_request))
    run_step(request, services.data_request_start_preparing, request=data_request, by=request.user)
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def file_add(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_prepare(request.user, data_request))
    form = DataFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _rerender(request, data_request, file_form=form)
    if run_step(request, services.data_file_add, request=data_request, by=request.user,
            upload=form.cleaned_data["file"], kind=form.kind, name=form.display_name,
            is_personal=form.cleaned_data["is_personal"], description=form.cleaned_data["description"]):
        messages.success(request, _("แนบไฟล์ %(name)s แล้ว") % {"name": form.display_name})
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def file_remove(request, pk, file_pk):
    data_file = get_data_file_for_user(request.user, pk, file_pk)
    require(can_prepare(request.user, data_file.request))
    if run_step(request, services.data_file_remove, data_file=data_file, by=request.user):
        messages.success(request, _("ลบไฟล์แล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_GET
def file_download(request, pk, file_pk):
    """A prepared data file, always as an attachment with the type recognised at upload; every view logged."""
    data_file = get_data_file_for_user(request.user, pk, file_pk)
    require(can_see_file(request.user, data_file))
    if not data_file.file:
        raise Http404
    try:
        handle = data_file.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    DataFileAccess.objects.create(data_file=data_file, user=request.user,
                                  remote_addr=request.META.get("REMOTE_ADDR") or None)
    response = FileResponse(handle, content_type=data_file.content_type)
    response["Content-Disposition"] = content_disposition_header(True, data_file.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def letter_scan(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    if not data_request.letter_scan:
        raise Http404
    try:
        handle = data_request.letter_scan.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{data_request.reference}-letter.pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def request_submit(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_prepare(request.user, data_request))
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return _rerender(request, data_request, submit_form=form)
    if run_step(request, services.data_request_submit, request=data_request, by=request.user,
            cover_memo=form.cleaned_data["cover_memo"]):
        messages.success(request, _("ส่งให้หัวหน้า ICT ตรวจสอบแล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_review(request, pk):
    """The head of ICT passes the work on (``action=pass``) or returns it to the officer (``action=return``)."""
    data_request = get_data_request_for_user(request.user, pk)
    require(can_review(request.user, data_request))
    if request.POST.get("action") == "return":
        form = ReturnForm(request.POST)
        if not form.is_valid():
            return _rerender(request, data_request, return_form=form)
        if run_step(request, services.data_request_review_return, request=data_request, by=request.user,
                note=form.cleaned_data["note"]):
            messages.success(request, _("ส่งคืนเจ้าหน้าที่ให้แก้ไขแล้ว"))
    else:
        form = NoteForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        if run_step(request, services.data_request_review_pass, request=data_request, by=request.user, note=note):
            messages.success(request, _("ตรวจสอบแล้ว เสนอรองผู้อำนวยการอนุมัติ"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_approve(request, pk):
    """The deputy director approves and signs (``action=approve``) or returns it (``action=return``)."""
    data_request = get_data_request_for_user(request.user, pk)
    require(can_approve(request.user, data_request))
    if request.POST.get("action") == "return":
        form = ReturnForm(request.POST)
        if not form.is_valid():
            return _rerender(request, data_request, return_form=form)
        if run_step(request, services.data_request_approval_return, request=data_request, by=request.user,
                note=form.cleaned_data["note"]):
            messages.success(request, _("ส่งคืนให้แก้ไขแล้ว"))
    else:
        form = NoteForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        if run_step(request, services.data_request_approve, request=data_request, by=request.user, note=note):
            messages.success(request, _("อนุมัติและลงนามหนังสือตอบแล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_send(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_send(request.user, data_request))
    form = SendReplyForm(request.POST, data_request=data_request)
    if not form.is_valid():
        return _rerender(request, data_request, send_form=form)
    if run_step(request, services.data_request_send_reply, request=data_request, by=request.user, **form.cleaned_data):
        messages.success(request, _("บันทึกการส่งหนังสือตอบแล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_close(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_send(request.user, data_request))
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _rerender(request, data_request, close_form=form)
    if run_step(request, services.data_request_close, request=data_request, by=request.user,
            summary=form.cleaned_data["summary"]):
        messages.success(request, _("บันทึกสรุปผลและปิดเรื่องแล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_POST
def request_cancel(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(is_it_head(request.user))
    form = CancelForm(request.POST)
    if not form.is_valid():
        return _rerender(request, data_request, cancel_form=form)
    if run_step(request, services.data_request_cancel, request=data_request, by=request.user,
            note=form.cleaned_data["note"]):
        messages.success(request, _("ยกเลิกคำขอแล้ว"))
    return redirect("datarequests:detail", pk)


@login_required
@require_GET
def request_letter(request, pk, kind):
    """The reply letter or the summary memo: the stored PDF once issued (byte for byte, for whoever sees the
    request); before that the unnumbered draft for the desk and the approvers (``?preview=1`` as HTML)."""
    code = letters.KINDS.get(kind)
    if code is None:
        raise Http404
    data_request = get_data_request_for_user(request.user, pk)
    document = letters.current_document(data_request, code)
    if document is not None:
        return stored_pdf_response(document)
    require(can_read_letter(request.user, data_request, kind))
    try:
        if request.GET.get("preview") == "1":
            html = document_draft(kind=code, target=data_request, request=request, as_html=True)
            return HttpResponse(html, content_type="text/html; charset=utf-8")
        body = document_draft(kind=code, target=data_request, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("datarequests:detail", pk)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{data_request.reference}-{kind}-draft.pdf")
    return response


@login_required
@require_GET
def report(request):
    """Monthly figures of a fiscal year: received, granted, refused, on time, average working days."""
    require(is_ict_staff(request.user) or is_deputy_director(request.user)
            or has_role(request.user, Role.EXECUTIVE))
    months, year = report_months(request.GET.get("year"))
    return render(request, "datarequests/report.html", {"rows": monthly_rows(months), "year": year,
                                                        "years": range(year - 3, year + 2)})

