"""The register page (ทะเบียนหนังสือส่ง), issuing, reprinting and cancelling documents."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from helpdesk.forms import run_form
from helpdesk.pdf import render_pdf
from helpdesk.steps import submit_form
from helpdesk.thai import format_date, thai_digits

from . import services
from .access import can_keep_register, get_document_for_user, require_register_keeper
from .forms import ReasonForm, RegisterFilterForm, RegisterPeriodForm
from .kinds import get_letter_kind, kind_label
from .models import Agency, IssuedDocument

PER_PAGE = 50
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _register_rows():
    return IssuedDocument.objects.select_related("register", "unit", "issued_by", "replaces", "replaced_by")


def _filtered(form: RegisterFilterForm):
    rows = _register_rows()
    if not form.is_valid():
        return rows
    data = form.cleaned_data
    if data["q"]:
        text = data["q"].strip()
        query = Q()
        for term in {text, thai_digits(text)}:
            query |= Q(number__icontains=term) | Q(subject__icontains=term) | Q(addressee__icontains=term)
            query |= Q(record_label__icontains=term) | Q(unit__name__icontains=term)
        rows = rows.filter(query)
    if data["year"]:
        rows = rows.filter(year=data["year"])
    if data["form"]:
        rows = rows.filter(form=data["form"])
    if data["kind"]:
        rows = rows.filter(kind=data["kind"])
    if data["status"] == "current":
        rows = rows.filter(cancelled_at__isnull=True)
    elif data["status"] == "cancelled":
        rows = rows.filter(cancelled_at__isnull=False)
    return rows


def _years() -> list[int]:
    years = set(IssuedDocument.objects.order_by().values_list("year", flat=True).distinct())
    years.add(timezone.localdate().year + 543)
    return sorted(years, reverse=True)


CSV_HEADER = ("ที่", "ลงวันที่", "รูปแบบ", "ประเภทหนังสือ", "เรื่อง", "เรียน", "หน่วยงาน", "เรื่องเดิม",
              "ผู้ลงนาม", "ผู้ออกเลข", "สถานะ", "เหตุผลที่ยกเลิก", "SHA-256")


def _csv_response(rows) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for doc in rows.iterator(chunk_size=500):
        writer.writerow([_cell(value) for value in (
            doc.number, format_date(doc.issued_on), doc.get_form_display(), kind_label(doc.kind), doc.subject,
            doc.addressee, doc.unit.name if doc.unit_id else "", doc.record_label, doc.signer_name,
            doc.issued_by.get_full_name() or doc.issued_by.get_username(),
            _("ยกเลิก") if doc.is_cancelled else _("ใช้งาน"), doc.cancel_reason, doc.sha256,
        )])
    # UTF-8 with BOM so Excel opens the Thai text correctly.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "outgoing-register.csv")
    return response


def _be(day) -> str:
    return f"{day:%d/%m}/{day.year + 543}"


def _register_page(request, *, period_form=None, status=200):
    form = RegisterFilterForm(request.GET or None, years=_years())
    rows = _filtered(form)
    if request.GET.get("format") == "csv":
        return _csv_response(rows)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    today = timezone.localdate()
    if period_form is None:
        period_form = RegisterPeriodForm(initial={"date_from": _be(today.replace(day=1)), "date_to": _be(today)})
    context = {
        "form": form, "page_obj": page, "rows": page.object_list, "query": query.urlencode(),
        "period_form": period_form,
    }
    return render(request, "correspondence/register.html", context, status=status)


@require_GET
@login_required
def register(request):
    require_register_keeper(request)
    return _register_page(request)


@require_GET
@login_required
def register_pdf(request):
    """The register of a period as a PDF (for the records clerk's bound copy)."""
    require_register_keeper(request)
    period = RegisterPeriodForm(request.GET)
    if not period.is_valid():
        return _register_page(request, period_form=period)
    start, end = period.cleaned_data["date_from"], period.cleaned_data["date_to"]
    rows = _register_rows().filter(issued_on__range=(start, end)).order_by("register__code", "year", "sequence")
    context = {"rows": rows, "start": start, "end": end, "agency": Agency.current(), "printed_at": timezone.now()}
    response = HttpResponse(render_pdf("correspondence/pdf/register.html", context, request),
                            content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"register-{start}-{end}.pdf")
    return response


@require_GET
@login_required
def document_detail(request, pk: int):
    document = get_document_for_user(request, pk)
    return _detail_page(request, document)


def _detail_page(request, document, *, cancel_form=None, reissue_form=None, status=200):
    context = {
        "document": document, "kind_label": kind_label(document.kind),
        "may_manage": can_keep_register(request.user) and not document.is_cancelled,
        "cancel_form": cancel_form or ReasonForm(prefix="cancel"),
        "reissue_form": reissue_form or ReasonForm(prefix="reissue"),
        "replaced_by": IssuedDocument.objects.filter(replaces=document).first(),
    }
    return render(request, "correspondence/document_detail.html", context, status=status)


def stored_pdf_response(document: IssuedDocument) -> FileResponse:
    """The stored file, byte for byte as issued (the caller has checked access)."""
    response = FileResponse(document.pdf.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, document.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def record_letter_response(request, *, kind: str, record):
    """What a record's own "letter" link serves: the issued letter, for staff the draft until then, else 404.

    The caller has fetched `record` through its access helper.
    """
    document = IssuedDocument.objects.for_record(record).filter(kind=kind).current().order_by("-issued_at").first()
    if document is not None:
        return stored_pdf_response(document)
    letter_kind = get_letter_kind(kind)
    if letter_kind is None or not can_keep_register(request.user) or not letter_kind.may_issue(request.user, record):
        raise Http404
    try:
        if request.GET.get("preview") == "1":
            html = services.document_draft(kind=kind, target=record, request=request, as_html=True)
            return HttpResponse(html, content_type="text/html; charset=utf-8")
        body = services.document_draft(kind=kind, target=record, request=request)
    except ValidationError as error:
        return render(request, "correspondence/not_ready.html", {"errors": error.messages}, status=409)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"draft-{kind}-{record.pk}.pdf")
    return response


@require_GET
@login_required
def document_pdf(request, pk: int):
    return stored_pdf_response(get_document_for_user(request, pk))


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


def _issuable_target(request, code: str, key: str):
    """The record a letter of kind `code` is about: 404 for an unknown kind or record, 403 when the user may not
    issue it."""
    kind = get_letter_kind(code)
    if kind is None:
        raise Http404
    target = kind.resolve(request.user, key)
    if not kind.may_issue(request.user, target):
        raise PermissionDenied
    return target


@require_POST
@login_required
def document_issue(request, kind: str, key: str):
    target = _issuable_target(request, kind, key)
    try:
        document = services.document_issue(kind=kind, target=target, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_back(request, reverse("correspondence:register")))
    messages.success(request, _("ออกเลขหนังสือแล้ว ที่ %(number)s") % {"number": document.number})
    return redirect(_back(request, reverse("correspondence:detail", args=[document.pk])))


@require_GET
@login_required
def document_draft(request, kind: str, key: str):
    """The letter as it would be issued, without a number (staff check it before issuing)."""
    target = _issuable_target(request, kind, key)
    try:
        html = services.document_draft(kind=kind, target=target, request=request, as_html=True)
    except ValidationError as error:
        return render(request, "correspondence/not_ready.html", {"errors": error.messages}, status=409)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def _managed_document(request, pk: int) -> IssuedDocument:
    document = get_document_for_user(request, pk)
    kind = get_letter_kind(document.kind)
    if not can_keep_register(request.user) or (kind and not kind.may_issue(request.user, document.record)):
        raise PermissionDenied
    return document


@require_POST
@login_required
def document_cancel(request, pk: int):
    document = _managed_document(request, pk)
    form = ReasonForm(request.POST, prefix="cancel")
    if run_form(form, lambda data: services.document_cancel(document=document, by=request.user,
                                                             reason=data["reason"])):
        messages.success(request, _("ยกเลิกหนังสือ ที่ %(number)s แล้ว") % {"number": document.number})
        return redirect("correspondence:detail", document.pk)
    return _detail_page(request, document, cancel_form=form, status=400)


@require_POST
@login_required
def document_reissue(request, pk: int):
    """A correction: a new number and a new file that cancel this document, with the reason."""
    document = _managed_document(request, pk)
    kind = get_letter_kind(document.kind)
    form = ReasonForm(request.POST, prefix="reissue")
    if kind is None:
        form.add_error(None, _("ไม่รู้จักประเภทหนังสือนี้"))
    elif form.is_valid():
        target = kind.resolve(request.user, document.record_key or str(document.object_id))
        issued, new = submit_form(form, lambda data: services.document_issue(
            kind=document.kind, target=target, by=request.user, replaces=document, reason=data["reason"]))
        if issued:
            messages.success(request, _("ออกหนังสือฉบับใหม่ ที่ %(number)s แทนฉบับเดิมแล้ว") % {"number": new.number})
            return redirect("correspondence:detail", new.pk)
    return _detail_page(request, document, reissue_form=form, status=400)
