"""Data requests (002 §3): thin views — access helper, form, one service call, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from helpdesk.correspondence.services import document_draft
from helpdesk.correspondence.views import stored_pdf_response
from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv
from helpdesk.roles import Role, has_role, user_unit
from helpdesk.steps import action_view, form_page, step_view
from helpdesk.thai import format_date
from helpdesk.uploads import stored_download

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


def filed_online(user) -> dict:
    """What a unit's online request gets besides the form: the channel, the unit, received now."""
    return {"channel": DataRequest.Channel.ONLINE, "unit": user_unit(user), "received_at": timezone.now()}


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    """Staff record an incoming letter; a unit files online (received now)."""
    online = not can_record(request.user)
    require(not online or can_file_online(request.user))
    form = DataRequestForm(request.POST or None, request.FILES or None, online=online)
    return form_page(request, form, services.data_request_create, "request", by=request.user,
                     set_fields=filed_online(request.user) if online else None, template="datarequests/form.html",
                     context={"online": online}, redirect_to="datarequests:detail",
                     done=lambda obj: _("บันทึกคำขอข้อมูล %(ref)s แล้ว กำหนดตอบภายใน %(due)s")
                     % {"ref": obj.reference, "due": format_date(obj.due_at, with_time=True)})


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    require(can_edit_letter(request.user, data_request))
    form = DataRequestForm(request.POST or None, request.FILES or None, instance=data_request,
                           online=data_request.channel == DataRequest.Channel.ONLINE)
    return form_page(request, form, services.data_request_update, "request", by=request.user,
                     template="datarequests/form.html", redirect_to="datarequests:detail",
                     context={"object": data_request, "online": data_request.channel == DataRequest.Channel.ONLINE},
                     done=_("แก้ไขรายละเอียดหนังสือแล้ว"))


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


def _again(name: str):
    """The `invalid` of a step: the request page again with the refused form in the card `name`."""
    return lambda request, data_request, form: _rerender(request, data_request, **{name: form})


def _step(service, allowed, done="", **options):
    """A step posted from the request page (helpdesk.steps.step_view): the access helper, then `allowed`."""
    return step_view(service, lookup=get_data_request_for_user, allowed=allowed, done=done,
                     redirect_to="datarequests:detail", **options)


def _note_or_blank(posted) -> dict:
    form = NoteForm(posted.request.POST)
    return {"note": form.cleaned_data["note"] if form.is_valid() else ""}


request_start_screening = _step(services.data_request_start_screening, can_screen,
                                gettext_lazy("รับพิจารณาหนังสือแล้ว"))

request_screen = action_view(
    {"accept": _step(services.data_request_accept, can_screen, gettext_lazy("รับเรื่องและมอบหมายเจ้าหน้าที่แล้ว"),
                     form=ScreeningForm, invalid=_again("screening_form"),
                     arguments=lambda posted: {"officer": posted.form.cleaned_data["officer"],
                                               "criteria": posted.form.criteria(),
                                               "note": posted.form.cleaned_data["note"]})},
    default=_step(services.data_request_refuse, can_screen,
                  gettext_lazy("บันทึกผลไม่ให้ข้อมูลแล้ว เจ้าหน้าที่จะส่งหนังสือแจ้งผู้ขอ"),
                  form=ScreeningForm, invalid=_again("screening_form"),
                  arguments=lambda posted: {"reason": posted.form.cleaned_data["refusal_reason"].strip(),
                                            "criteria": posted.form.criteria(),
                                            "officer": posted.form.cleaned_data["officer"],
                                            "note": posted.form.cleaned_data["note"]}),
    field="decision",
)

request_start_preparing = _step(services.data_request_start_preparing, can_prepare)

file_add = _step(
    services.data_file_add, can_prepare, lambda posted: _("แนบไฟล์ %(name)s แล้ว") % {"name": posted.form.display_name},
    form=DataFileForm, invalid=_again("file_form"),
    arguments=lambda posted: {"upload": posted.form.cleaned_data["file"], "kind": posted.form.kind,
                              "name": posted.form.display_name, "is_personal": posted.form.cleaned_data["is_personal"],
                              "description": posted.form.cleaned_data["description"]})

file_remove = step_view(services.data_file_remove, lookup=get_data_file_for_user, argument="data_file",
                        allowed=lambda user, data_file: can_prepare(user, data_file.request),
                        done=gettext_lazy("ลบไฟล์แล้ว"), redirect_to="datarequests:detail")


@login_required
@require_GET
def file_download(request, pk, file_pk):
    """A prepared data file, always as an attachment with the type recognised at upload; every view logged."""
    data_file = get_data_file_for_user(request.user, pk, file_pk)
    require(can_see_file(request.user, data_file))
    response = stored_download(data_file.file, data_file.name, data_file.content_type, sandbox=True)
    DataFileAccess.objects.create(data_file=data_file, user=request.user,
                                  remote_addr=request.META.get("REMOTE_ADDR") or None)
    return response


@login_required
@require_GET
def letter_scan(request, pk):
    data_request = get_data_request_for_user(request.user, pk)
    return stored_download(data_request.letter_scan, f"{data_request.reference}-letter.pdf", "application/pdf")


request_submit = _step(services.data_request_submit, can_prepare, gettext_lazy("ส่งให้หัวหน้า ICT ตรวจสอบแล้ว"),
                       form=SubmitForm, invalid=_again("submit_form"))

# The head of ICT passes the work on or returns it to the officer (``action=return``).
request_review = action_view(
    {"return": _step(services.data_request_review_return, can_review, gettext_lazy("ส่งคืนเจ้าหน้าที่ให้แก้ไขแล้ว"),
                     form=ReturnForm, invalid=_again("return_form"))},
    default=_step(services.data_request_review_pass, can_review, gettext_lazy("ตรวจสอบแล้ว เสนอรองผู้อำนวยการอนุมัติ"),
                  arguments=_note_or_blank),
)

# The deputy director approves and signs, or returns it (``action=return``).
request_approve = action_view(
    {"return": _step(services.data_request_approval_return, can_approve, gettext_lazy("ส่งคืนให้แก้ไขแล้ว"),
                     form=ReturnForm, invalid=_again("return_form"))},
    default=_step(services.data_request_approve, can_approve, gettext_lazy("อนุมัติและลงนามหนังสือตอบแล้ว"),
                  arguments=_note_or_blank),
)

request_send = _step(services.data_request_send_reply, can_send, gettext_lazy("บันทึกการส่งหนังสือตอบแล้ว"),
                     form=SendReplyForm, form_kwargs=lambda request, data_request: {"data_request": data_request},
                     invalid=_again("send_form"))

request_close = _step(services.data_request_close, can_send, gettext_lazy("บันทึกสรุปผลและปิดเรื่องแล้ว"),
                      form=CloseForm, invalid=_again("close_form"))

request_cancel = _step(services.data_request_cancel, lambda user, data_request: is_it_head(user),
                       gettext_lazy("ยกเลิกคำขอแล้ว"), form=CancelForm, invalid=_again("cancel_form"))


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

