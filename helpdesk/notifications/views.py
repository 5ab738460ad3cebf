"""The inbox (list, open, mark read), the channel settings and LINE linking, and the LINE webhook."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from helpdesk.notifications.forms import ChannelPreferencesForm
from helpdesk.notifications.kinds import kind_label
from helpdesk.notifications.line import ForgedWebhook, handle_webhook, line_enabled, link_code_create
from helpdesk.notifications.models import LineAccount, LineLinkCode, Notification
from helpdesk.notifications.services import inbox_mark_read, line_reply, notice_deliver

PAGE_SIZE = 25


def get_notification_for_user(request, pk: int) -> Notification:
    """A notice of the signed-in user; anyone else's is 404."""
    return get_object_or_404(Notification.objects.for_user(request.user), pk=pk)


@login_required
@require_GET
def inbox(request):
    show = request.GET.get("show")
    qs = Notification.objects.for_user(request.user)
    if show == "unread":
        qs = qs.unread()
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.kind_label = kind_label(item.kind)
    unread = Notification.objects.for_user(request.user).unread().count()
    return render(request, "notifications/inbox.html", {
        "page": page, "show": "unread" if show == "unread" else "all", "unread": unread,
    })


@login_required
@require_GET
def unread_badge(request):
    """The navbar bell's count (loaded by htmx so ordinary pages spend no query on it)."""
    unread = Notification.objects.for_user(request.user).unread().count()
    return render(request, "notifications/includes/_badge.html", {"unread": unread})


@login_required
@require_POST
def open_notice(request, pk: int):
    notice = get_notification_for_user(request, pk)
    inbox_mark_read(user=request.user, pk=notice.pk)
    if notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()}):
        return redirect(notice.url)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_read(request, pk: int):
    notice = get_notification_for_user(request, pk)
    inbox_mark_read(user=request.user, pk=notice.pk)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    changed = inbox_mark_read(user=request.user)
    messages.success(request, _("ทำเครื่องหมายอ่านแล้ว %(count)s รายการ") % {"count": changed})
    return redirect("notifications:inbox")


def _settings_context(request, form):
    linked = LineAccount.objects.filter(user=request.user).first()
    code = LineLinkCode.objects.filter(user=request.user, expires_at__gt=timezone.now()).first()
    return {
        "form": form,
        "line_offered": line_enabled(),
        "line_account": linked,
        "line_code": code,
        "line_oa_id": settings.LINE_OA_ID,
    }


@login_required
def channel_settings(request):
    offered = line_enabled()
    if request.method == "POST":
        form = ChannelPreferencesForm(request.POST, user=request.user, line_offered=offered)
        if form.is_valid():
            form.save()
            messages.success(request, _("บันทึกช่องทางรับการแจ้งเตือนแล้ว"))
            return redirect("notifications:settings")
        return render(request, "notifications/settings.html", _settings_context(request, form), status=400)
    form = ChannelPreferencesForm(user=request.user, line_offered=offered)
    return render(request, "notifications/settings.html", _settings_context(request, form))


@login_required
@require_POST
def line_code(request):
    if not line_enabled():
        return HttpResponseNotFound()
    link_code_create(user=request.user)
    return redirect("notifications:settings")


@login_required
@require_POST
def line_unlink(request):
    LineAccount.objects.filter(user=request.user).delete()
    messages.success(request, _("ยกเลิกการเชื่อมต่อ LINE แล้ว"))
    return redirect("notifications:settings")


@csrf_exempt
@require_POST
def line_webhook(request):
    """LINE calls this with the events of the Official Account; the signature proves it is LINE."""
    if not line_enabled():
        return HttpResponseNotFound()
    try:
        results = handle_webhook(request.body.decode("utf-8"), request.headers.get("X-Line-Signature", ""))
    except (ForgedWebhook, UnicodeDecodeError):
        return HttpResponseForbidden()
    for line_user_id, user in results:
        if user is not None:
            notice_deliver(
                users=[user], kind="general", subject=_("เชื่อมต่อบัญชี LINE สำเร็จ"),
                body=_("ต่อไปนี้การแจ้งเตือนที่ท่านเลือกช่องทาง LINE จะส่งมาที่บัญชีนี้"),
                url=reverse("notifications:settings"),
            )
            name = user.get_full_name() or user.username
            line_reply(line_user_id=line_user_id,
                       text=_("เชื่อมต่อบัญชี LINE กับระบบบริการงานเทคโนโลยีสารสนเทศแล้ว (%(name)s)") % {"name": name})
        else:
            line_reply(line_user_id=line_user_id,
                       text=_("ส่งรหัสเชื่อมต่อ 8 ตัวจากหน้า “ช่องทางรับการแจ้งเตือน” ของระบบ "
                              "(รหัสใช้ได้ครั้งเดียวภายใน 15 นาที)"))
    return HttpResponse("OK")
