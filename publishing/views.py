"""Signed-in pages of the publishing workflow: requests, approvals, IT checks, preparation and publishing."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helpdesk.csvexport import csv_response
from helpdesk.listing import active_filter_count
from helpdesk.previews import Preview, image_preview, serve_file
from helpdesk.roles import Role, has_role, user_unit
from publishing import services
from publishing.forms import (
    SORTS,
    AcceptForm,
    AddAttachmentForm,
    AttachmentForm,
    ListFilterForm,
    NoteForm,
    PrepareForm,
    PublishForm,
    ReasonForm,
    RequestForm,
)
from publishing.models import Attachment, PublishingRequest, is_publishing_staff

S = PublishingRequest.Status
PAGE_SIZE = 25

# The form each workflow action reads from its POST.
ACTION_FORMS = {
    "submit": NoteForm,
    "recall": NoteForm,
    "approve": NoteForm,
    "return": ReasonForm,
    "accept": AcceptForm,
    "preview": NoteForm,
    "unpreview": NoteForm,
    "publish": PublishForm,
    "withdraw": ReasonForm,
}


ACTION_STYLES = {"return": "warning", "withdraw": "outline-danger", "recall": "outline-secondary",
                 "unpreview": "outline-secondary", "publish": "success", "approve": "success", "accept": "success"}
# Rarely used or destructive actions sit behind a <details> fold (works without JavaScript).
FOLDED_ACTIONS = {"return", "withdraw", "recall", "unpreview"}


def get_request_for_user(user, pk: int) -> PublishingRequest:
    """The one access helper: requests outside the user's units (or others' drafts) are 404."""
    queryset = PublishingRequest.objects.visible_to(user).select_related("unit", "section", "requester")
    return get_object_or_404(queryset, pk=pk)


def get_attachment_for_user(user, pk: int, attachment_pk: int) -> Attachment:
    obj = get_request_for_user(user, pk)
    return get_object_or_404(Attachment.objects.select_related("request"), request=obj, pk=attachment_pk)


def _todo_q(user) -> Q:
    """Requests waiting for this user's decision or work."""
    q = Q(pk__in=[])
    unit = user_unit(user)
    if has_role(user, Role.SUPERVISOR) and unit is not None:
        q |= Q(status=S.SUBMITTED, unit__path__startswith=unit.path) & ~Q(requester=user)
    if has_role(user, Role.IT_HEAD):
        q |= Q(status=S.APPROVED) & ~Q(requester=user)
    if is_publishing_staff(user):
        q |= Q(status__in=[S.ACCEPTED, S.PREVIEW])
    q |= Q(status=S.RETURNED, requester=user)
    return q


LIST_FILTERS = ("q", "status", "section", "unit", "todo", "overdue")


def filtered_requests(user, data):
    form = ListFilterForm(data or None)
    queryset = PublishingRequest.objects.visible_to(user).select_related("unit", "section", "requester")
    sort_key = "new"
    if form.is_valid():
        cleaned = form.cleaned_data
        if cleaned["q"]:
            term = cleaned["q"]
            queryset = queryset.filter(
                Q(title__icontains=term) | Q(body__icontains=term) | Q(unit__name__icontains=term)
                | Q(requester__first_name__icontains=term) | Q(requester__last_name__icontains=term)
            )
        if cleaned["status"] == "expired":
            queryset = queryset.filter(status=S.PUBLISHED, expires_on__lt=timezone.localdate())
        elif cleaned["status"]:
            queryset = queryset.filter(status=cleaned["status"])
        if cleaned["section"]:
            queryset = queryset.filter(section=cleaned["section"])
        if cleaned["unit"]:
            queryset = queryset.filter(unit__path__startswith=cleaned["unit"].path)
        if cleaned["overdue"]:
            queryset = queryset.overdue()
        if cleaned["todo"]:
            queryset = queryset.filter(_todo_q(user))
        sort_key = cleaned["sort"] or "new"
    order = SORTS.get(sort_key, SORTS["new"])[0]
    return form, queryset.order_by(order, "-pk"), sort_key


@login_required
@require_GET
def request_list(request):
    form, queryset, sort_key = filtered_requests(request.user, request.GET)
    if request.GET.get("format") == "csv":
        return _csv(queryset)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    now = timezone.now()
    staff_view = is_publishing_staff(request.user)
    overdue_count = PublishingRequest.objects.visible_to(request.user).overdue(now).count() if staff_view else 0
    return render(request, "publishing/request_list.html", {
        "form": form, "page": page, "query": query.urlencode(), "sort_key": sort_key, "now": now,
        "overdue_count": overdue_count, "staff_view": staff_view,
        "can_create": user_unit(request.user) is not None,
        "active_filter_count": (active_filter_count(request.GET, dict.fromkeys(LIST_FILTERS, ""))
                                if form.is_valid() else 0),
    })


def _csv(queryset):
    now = timezone.now()

    def rows():
        yield [_("เลขที่"), _("หัวข้อ"), _("เมนู"), _("หน่วยงาน"), _("ผู้ขอ"), _("สถานะ"),
               _("วันที่ต้องการ"), _("วันสิ้นสุด"), _("ถึงศูนย์ไอที"), _("กำหนดเผยแพร่"), _("เผยแพร่เมื่อ"),
               _("วันทำการ"), _("เกินกำหนด"), _("URL ภายนอก")]
        for obj in queryset.iterator(chunk_size=500):
            yield [
                obj.number, obj.title, obj.section.name, obj.unit.name,
                obj.requester.get_full_name() or obj.requester.username, obj.display_status(),
                obj.wanted_on.isoformat(), obj.expires_on.isoformat() if obj.expires_on else "",
                timezone.localtime(obj.reached_it_at).strftime("%Y-%m-%d %H:%M") if obj.reached_it_at else "",
                timezone.localtime(obj.due_at).strftime("%Y-%m-%d %H:%M") if obj.due_at else "",
                timezone.localtime(obj.published_at).strftime("%Y-%m-%d %H:%M") if obj.published_at else "",
                "" if obj.working_days_to_publish is None else obj.working_days_to_publish,
                _("ใช่") if obj.is_overdue(now) else "", obj.external_url,
            ]

    return csv_response("publishing-requests.csv", rows(), stream=False)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    if user_unit(request.user) is None:
        raise PermissionDenied
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.content_data()
        obj = services.request_create(by=request.user, files=form.cleaned_data["attachments"], **data)
        messages.success(request, _("บันทึกร่างคำขอแล้ว ตรวจสอบแล้วกด “ส่งขออนุมัติ”"))
        return redirect(obj)
    return render(request, "publishing/request_form.html", {"form": form})


def _content_editor(request, pk: int, states) -> PublishingRequest:
    """The request whose content the user may edit now (its status one of `states`); 403 otherwise."""
    obj = get_request_for_user(request.user, pk)
    if obj.status not in states or not services.may_edit_content(request.user, obj):
        raise PermissionDenied
    return obj


def _save_content(request, obj: PublishingRequest, form) -> None:
    data = form.content_data()
    obj.refresh_from_db()  # the ModelForm wrote the new values onto the instance; compare with the stored ones
    services.request_update_content(request=obj, by=request.user, data=data)


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk: int):
    obj = _content_editor(request, pk, services.REQUESTER_EDIT_STATES)
    existing = obj.attachments.count()
    form = RequestForm(request.POST or None, request.FILES or None, instance=obj, existing_files=existing)
    if request.method == "POST" and form.is_valid():
        _save_content(request, obj, form)
        for checked in form.cleaned_data["attachments"]:
            services.attachment_add(request=obj, by=request.user, checked=checked)
        messages.success(request, _("บันทึกการแก้ไขแล้ว"))
        return redirect(obj)
    return render(request, "publishing/request_form.html", {"form": form, "obj": obj})


@login_required
@require_http_methods(["GET", "POST"])
def request_prepare(request, pk: int):
    obj = _content_editor(request, pk, services.PREPARATION_STATES)
    form = PrepareForm(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        _save_content(request, obj, form)
        obj.refresh_from_db()
        if obj.status == S.SUBMITTED:
            messages.warning(request, _("เนื้อหาเปลี่ยนหลังอนุมัติ การอนุมัติถูกยกเลิก ต้องให้ผู้บังคับบัญชาอนุมัติใหม่"))
        else:
            messages.success(request, _("บันทึกการจัดทำแล้ว"))
        return redirect(obj)
    return render(request, "publishing/prepare_form.html", {"form": form, "obj": obj})


def _detail_context(request, obj: PublishingRequest, **forms) -> dict:
    user = request.user
    actions = services.allowed_actions(user, obj)
    attachments = list(obj.attachments.all())
    for attachment in attachments:
        attachment.preview = attachment_preview(obj, attachment)
    action_forms = [
        {
            "name": name,
            "label": services.ACTION_LABELS[name],
            "form": forms.get(name) or ACTION_FORMS[name](prefix=name),
            "url": reverse(f"publishing:{name}", args=[obj.pk]),
            "style": ACTION_STYLES.get(name, "primary"),
            "folded": name in FOLDED_ACTIONS and name not in forms,
        }
        for name in ACTION_FORMS
        if name in actions
    ]
    approval = obj.valid_approval()
    fingerprint_ok = None
    if approval is not None:
        fingerprint_ok = approval.matches(obj.current_fingerprint(attachments))
    return {
        "obj": obj,
        "attachments": attachments,
        "events": obj.events.select_related("actor").all(),
        "approvals": obj.approvals.select_related("approver").all(),
        "approval": approval,
        "fingerprint_ok": fingerprint_ok,
        "actions": actions,
        "action_forms": action_forms,
        "may_edit": services.may_edit_content(user, obj),
        "is_requester": obj.requester_id == user.pk,
        "is_staff": is_publishing_staff(user),
        "add_form": AddAttachmentForm(prefix="add"),
        "replace_form": AttachmentForm(prefix="replace"),
        "now": timezone.now(),
        "action_labels": services.ACTION_LABELS,
    }


def _detail_page(request, obj: PublishingRequest, *, forms: dict | None = None, **extra):
    """The request page, with forms that failed validation (and what else the page needs) in its context."""
    context = _detail_context(request, obj, **(forms or {}))
    context.update(extra)
    return render(request, "publishing/request_detail.html", context)


def _editable(request, obj: PublishingRequest) -> PublishingRequest:
    if not services.may_edit_content(request.user, obj):
        raise PermissionDenied
    return obj


@login_required
@require_GET
def request_detail(request, pk: int):
    obj = get_request_for_user(request.user, pk)
    return _detail_page(request, obj)


@login_required
@require_POST
def request_action(request, pk: int, action: str):
    obj = get_request_for_user(request.user, pk)
    if action not in services.allowed_actions(request.user, obj):
        if obj.status in services.TRANSITIONS[action].sources:
            raise PermissionDenied
        messages.error(request, _("สถานะของคำขอเปลี่ยนไปแล้ว ไม่สามารถดำเนินการนี้ได้"))
        return redirect(obj)
    form = ACTION_FORMS[action](request.POST, prefix=action)
    if not form.is_valid():
        return _detail_page(request, obj, forms={action: form}, open_action=action)
    checklist = {key: value for key, value in form.cleaned_data.items() if key.startswith(("check_", "verify_"))}
    try:
        services.request_transition(
            request=obj, action=action, by=request.user, note=form.cleaned_data.get("note", ""),
            checklist=checklist, external_url=form.cleaned_data.get("external_url", ""),
        )
    except services.ApprovalVoided:
        messages.warning(request, _("เนื้อหาหรือไฟล์แนบไม่ตรงกับที่อนุมัติไว้ การอนุมัติถูกยกเลิกและส่งกลับไปขออนุมัติใหม่"))
        return redirect(obj)
    except services.TransitionError as error:
        messages.error(request, str(error))
        return redirect(obj)
    messages.success(request, _("%(action)s เรียบร้อยแล้ว") % {"action": services.ACTION_LABELS[action]})
    if action == "preview":
        obj.refresh_from_db()
        return redirect(obj.get_preview_url())
    return redirect(obj)


@login_required
@require_POST
def attachment_add(request, pk: int):
    obj = _editable(request, get_request_for_user(request.user, pk))
    form = AddAttachmentForm(request.POST, request.FILES, prefix="add", existing_files=obj.attachments.count())
    return _file_step(request, obj, form, lambda checked: services.attachment_add(
        request=obj, by=request.user, checked=checked), add_form=form)


@login_required
@require_POST
def attachment_replace(request, pk: int, attachment_pk: int):
    attachment = get_attachment_for_user(request.user, pk, attachment_pk)
    obj = _editable(request, attachment.request)
    form = AttachmentForm(request.POST, request.FILES, prefix="replace")
    return _file_step(request, obj, form, lambda checked: services.attachment_replace(
        attachment=attachment, by=request.user, checked=checked), replace_form=form, replace_target=attachment.pk)


def _file_step(request, obj: PublishingRequest, form, store, **page):
    """A posted file of the detail page: a refused file re-renders the page with the form (`page`); a checked one
    is stored (``store(checked)``) and the content change handled."""
    if not form.is_valid():
        return _detail_page(request, obj, **page)
    store(form.cleaned_data["file"])
    _after_content_change(request, obj)
    return redirect(obj)


@login_required
@require_POST
def attachment_delete(request, pk: int, attachment_pk: int):
    attachment = get_attachment_for_user(request.user, pk, attachment_pk)
    obj = _editable(request, attachment.request)
    services.attachment_delete(attachment=attachment, by=request.user)
    _after_content_change(request, obj)
    return redirect(obj)


def _after_content_change(request, obj: PublishingRequest) -> None:
    before = obj.status
    obj.refresh_from_db()
    if before in services.PREPARATION_STATES and obj.status == S.SUBMITTED:
        messages.warning(request, _("ไฟล์แนบเปลี่ยนหลังอนุมัติ การอนุมัติถูกยกเลิก ต้องให้ผู้บังคับบัญชาอนุมัติใหม่"))
    else:
        messages.success(request, _("บันทึกไฟล์แนบแล้ว"))


def file_response(attachment: Attachment, *, inline: bool = False) -> FileResponse:
    return serve_file(attachment.file, filename=attachment.original_name, content_type=attachment.content_type,
                      inline=inline)


@login_required
@require_GET
def attachment_download(request, pk: int, attachment_pk: int):
    return file_response(get_attachment_for_user(request.user, pk, attachment_pk))


@login_required
@require_GET
def attachment_view(request, pk: int, attachment_pk: int, size: str = "large"):
    """Look at a file without downloading it: a PDF in the browser, a photo as a bounded JPEG (thumb/large)."""
    attachment = get_attachment_for_user(request.user, pk, attachment_pk)
    if attachment.kind == Attachment.Kind.PDF and size == "large":
        return file_response(attachment, inline=True)
    if attachment.kind != Attachment.Kind.IMAGE:
        raise Http404
    return image_preview(attachment.file, content_type=attachment.content_type, size=size,
                         filename=f"{attachment.pk}-{size}.jpg")


def attachment_preview(obj: PublishingRequest, attachment: Attachment) -> Preview:
    args = [obj.pk, attachment.pk]
    download = reverse("publishing:attachment", args=args)
    if attachment.kind == Attachment.Kind.IMAGE:
        return Preview(key=f"file-{attachment.pk}", label=attachment.original_name, download_url=download,
                       thumb_url=reverse("publishing:attachment_thumb", args=args),
                       large_url=reverse("publishing:attachment_view", args=args))
    if attachment.kind == Attachment.Kind.PDF:
        return Preview(key=f"file-{attachment.pk}", label=attachment.original_name, download_url=download,
                       view_url=reverse("publishing:attachment_view", args=args))
    return Preview(key=f"file-{attachment.pk}", label=attachment.original_name, download_url=download)
