"""The quick consultation form and log, the question topics and the memos asking for articles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from helpdesk.forms import run_form
from helpdesk.steps import detail_page, detail_view, download_view, submit_form
from tickets.consultations import services
from tickets.consultations.access import (
    ensure_desk_staff,
    get_consultation_for_user,
    get_memo_for_user,
    get_topic_for_user,
)
from tickets.consultations.forms import (
    ConsultationForm,
    ConsultationTicketForm,
    GroupForm,
    LinkArticleForm,
    MemoAcceptForm,
    MemoForm,
    NoteForm,
    TopicForm,
)
from tickets.consultations.models import Consultation, MemoRequest, Topic

FILTERS = {"ungrouped": {"topic__isnull": True}, "unsolved": {"solved": False}}
TOPIC_FILTERS = {"overdue", *Topic.Status.values}


def _list_context(request, form) -> dict:
    consultations = Consultation.objects.select_related("unit", "category", "topic", "ticket", "recorded_by")
    shown = request.GET.get("show", "")
    if shown in FILTERS:
        consultations = consultations.filter(**FILTERS[shown])
    page = Paginator(consultations, 25).get_page(request.GET.get("page"))
    today = timezone.localdate()
    return {"form": form, "page": page, "show": shown, "query": f"show={shown}" if shown else "",
            "today_count": Consultation.objects.filter(recorded_at__date=today).count()}


def _desk_views(form_class, template: str, context, record, done, then=lambda obj: obj):
    """A desk list page with its "new" form, for service-desk staff only: the GET list (a blank form) and the
    POST create — a refused form re-renders the list (400); else one service call ``record(by=user, **data)``,
    `done` is flashed and the browser goes to ``then(record)``."""

    @login_required
    @require_GET
    def list_view(request):
        ensure_desk_staff(request.user)
        return render(request, template, context(request, form_class()))

    @login_required
    @require_POST
    def create_view(request):
        ensure_desk_staff(request.user)
        form = form_class(request.POST)
        if not form.is_valid():
            return render(request, template, context(request, form), status=400)
        obj = record(by=request.user, **form.cleaned_data)
        messages.success(request, done)
        return redirect(then(obj))

    return list_view, create_view


consultation_list, consultation_create = _desk_views(
    ConsultationForm, "consultations/list.html", _list_context, services.consultation_record,
    gettext_lazy("บันทึกการให้คำปรึกษาแล้ว"),
    then=lambda consultation: "consultations:list" if consultation.solved else consultation)


_detail = detail_page("consultations/detail.html", "c", "ticket_form",
                      lambda c: ConsultationTicketForm(initial={"category": c.category_id}))
consultation_detail = detail_view(get_consultation_for_user, _detail)


@login_required
@require_POST
def consultation_ticket(request, pk: int):
    consultation = get_consultation_for_user(request.user, pk)
    form = ConsultationTicketForm(request.POST)
    done, ticket = submit_form(form, lambda data: services.consultation_to_ticket(
        consultation=consultation, by=request.user, category=data["category"],
        device_description=data["device_description"], allow_duplicate=data["confirm_duplicate"]))
    if done:
        messages.success(request, _("เปิดใบแจ้งซ่อม %(number)s จากการให้คำปรึกษาแล้ว") % {"number": ticket.number})
        return redirect(ticket)
    return _detail(request, consultation, form, status=400)


# Topics ----------------------------------------------------------------------------------------------------

def _topics_context(request, form) -> dict:
    topics = Topic.objects.with_question_counts().order_by("-created_at", "-pk")
    shown = request.GET.get("show", "")
    if shown == "overdue":
        topics = topics.overdue()
    elif shown in TOPIC_FILTERS:
        topics = topics.filter(status=shown)
    page = Paginator(topics, 25).get_page(request.GET.get("page"))
    return {"form": form, "page": page, "show": shown, "statuses": Topic.Status.choices, "now": timezone.now(),
            "overdue_count": Topic.objects.overdue().count(),
            "ungrouped_count": Consultation.objects.filter(topic__isnull=True).count()
            + MemoRequest.objects.filter(topic__isnull=True).count()}


topic_list, topic_create = _desk_views(TopicForm, "consultations/topic_list.html", _topics_context,
                                       services.topic_create, gettext_lazy("สร้างประเด็นแล้ว"))


def _topic_detail(request, topic, status=200, **forms):
    return render(request, "consultations/topic_detail.html", {
        "topic": topic,
        "consultations": list(topic.consultations.select_related("unit")),
        "memos": list(topic.memos.select_related("unit")),
        "articles": list(topic.articles.all()),
        "events": list(topic.events.select_related("by")),
        "group_form": forms.get("group_form") or GroupForm(),
        "ungrouped": list(Consultation.objects.filter(topic__isnull=True).select_related("unit")[:50]),
        "ungrouped_memos": list(MemoRequest.objects.filter(topic__isnull=True).select_related("unit")[:50]),
        "article_form": forms.get("article_form") or LinkArticleForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "now": timezone.now(),
    }, status=status)


@login_required
@require_GET
def topic_detail(request, pk: int):
    return _topic_detail(request, get_topic_for_user(request.user, pk))


def _topic_step(request, pk: int, card: str, form, step, done, *, field=None):
    """A form posted from a topic page's card: ``step(topic, cleaned_data)``, then ``done(result)`` is flashed;
    the form's or the service's refusal re-renders the page with the card's errors (400)."""
    topic = get_topic_for_user(request.user, pk)
    went_through, result = submit_form(form, lambda data: step(topic, data), field=field)
    if not went_through:
        return _topic_detail(request, topic, status=400, **{card: form})
    messages.success(request, done(result))
    return redirect(topic)


@login_required
@require_POST
def topic_transition(request, pk: int, action: str):
    if action == "accept":
        step, done = services.topic_accept, _("รับประเด็นแล้ว ต้องเผยแพร่บทความภายใน 15 วัน")
    else:
        step, done = services.topic_decline, _("บันทึกว่าไม่รับเป็นประเด็นแล้ว")
    return _topic_step(request, pk, "note_form", NoteForm(request.POST),
                       lambda topic, data: step(topic=topic, by=request.user, note=data["note"]),
                       lambda _result: done, field="note")


@login_required
@require_POST
def topic_group(request, pk: int):
    return _topic_step(request, pk, "group_form", GroupForm(request.POST),
                       lambda topic, data: services.questions_group(
                           topic=topic, by=request.user, consultations=data["consultations"], memos=data["memos"]),
                       lambda moved: _("จัดคำถาม %(n)d รายการเข้าประเด็นนี้แล้ว") % {"n": moved})


@login_required
@require_POST
def topic_article(request, pk: int):
    return _topic_step(request, pk, "article_form", LinkArticleForm(request.POST),
                       lambda topic, data: services.topic_link_article(topic=topic, article=data["article"],
                                                                       by=request.user),
                       lambda _result: _("บันทึกบทความที่ตอบประเด็นแล้ว"))


# Memos -----------------------------------------------------------------------------------------------------

@login_required
def memo_list(request):
    ensure_desk_staff(request.user)
    form = MemoForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            memo = services.memo_record(by=request.user, **form.cleaned_data)
            messages.success(request, _("บันทึกหนังสือแล้ว"))
            return redirect(memo)
        status = 400
    memos = MemoRequest.objects.select_related("unit", "topic")
    page = Paginator(memos, 25).get_page(request.GET.get("page"))
    return render(request, "consultations/memo_list.html", {"form": form, "page": page}, status=status)


_memo_detail = detail_page("consultations/memo_detail.html", "memo", "form", lambda memo: MemoAcceptForm())
memo_detail = detail_view(get_memo_for_user, _memo_detail)


memo_scan = download_view(get_memo_for_user, lambda memo: (memo.scan, f"memo-{memo.pk}"), get_only=True)


@login_required
@require_POST
def memo_accept(request, pk: int):
    memo = get_memo_for_user(request.user, pk)
    form = MemoAcceptForm(request.POST)
    if run_form(form, lambda data: services.memo_accept(memo=memo, by=request.user, topic=data["topic"],
                                                        new_title=data["new_title"].strip())):
        messages.success(request, _("รับเรื่องแล้ว เริ่มนับ 15 วันของประเด็น"))
        return redirect(memo.topic)
    return _memo_detail(request, memo, form, status=400)
