"""The quick consultation form and log, the question topics and the memos asking for articles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

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


@login_required
@require_GET
def consultation_list(request):
    ensure_desk_staff(request.user)
    return render(request, "consultations/list.html", _list_context(request, ConsultationForm()))


@login_required
@require_POST
def consultation_create(request):
    ensure_desk_staff(request.user)
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        return render(request, "consultations/list.html", _list_context(request, form), status=400)
    consultation = services.consultation_record(by=request.user, **form.cleaned_data)
    messages.success(request, _("บันทึกการให้คำปรึกษาแล้ว"))
    if not consultation.solved:
        return redirect(consultation)
    return redirect("consultations:list")


def _detail(request, consultation, ticket_form=None, status=200):
    ticket_form = ticket_form or ConsultationTicketForm(initial={"category": consultation.category_id})
    return render(request, "consultations/detail.html", {"c": consultation, "ticket_form": ticket_form},
                  status=status)


@login_required
@require_GET
def consultation_detail(request, pk: int):
    return _detail(request, get_consultation_for_user(request.user, pk))


@login_required
@require_POST
def consultation_ticket(request, pk: int):
    consultation = get_consultation_for_user(request.user, pk)
    form = ConsultationTicketForm(request.POST)
    if form.is_valid():
        try:
            ticket = services.consultation_to_ticket(
                consultation=consultation, by=request.user, category=form.cleaned_data["category"],
                device_description=form.cleaned_data["device_description"],
                allow_duplicate=form.cleaned_data["confirm_duplicate"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
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


@login_required
@require_GET
def topic_list(request):
    ensure_desk_staff(request.user)
    return render(request, "consultations/topic_list.html", _topics_context(request, TopicForm()))


@login_required
@require_POST
def topic_create(request):
    ensure_desk_staff(request.user)
    form = TopicForm(request.POST)
    if not form.is_valid():
        return render(request, "consultations/topic_list.html", _topics_context(request, form), status=400)
    topic = services.topic_create(by=request.user, **form.cleaned_data)
    messages.success(request, _("สร้างประเด็นแล้ว"))
    return redirect(topic)


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


@login_required
@require_POST
def topic_transition(request, pk: int, action: str):
    topic = get_topic_for_user(request.user, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            if action == "accept":
                services.topic_accept(topic=topic, by=request.user, note=form.cleaned_data["note"])
                messages.success(request, _("รับประเด็นแล้ว ต้องเผยแพร่บทความภายใน 15 วัน"))
            else:
                services.topic_decline(topic=topic, by=request.user, note=form.cleaned_data["note"])
                messages.success(request, _("บันทึกว่าไม่รับเป็นประเด็นแล้ว"))
        except ValidationError as error:
            for message in error.messages:
                form.add_error("note", message)
        else:
            return redirect(topic)
    return _topic_detail(request, topic, status=400, note_form=form)


@login_required
@require_POST
def topic_group(request, pk: int):
    topic = get_topic_for_user(request.user, pk)
    form = GroupForm(request.POST)
    if not form.is_valid():
        return _topic_detail(request, topic, status=400, group_form=form)
    moved = services.questions_group(topic=topic, by=request.user, consultations=form.cleaned_data["consultations"],
                                     memos=form.cleaned_data["memos"])
    messages.success(request, _("จัดคำถาม %(n)d รายการเข้าประเด็นนี้แล้ว") % {"n": moved})
    return redirect(topic)


@login_required
@require_POST
def topic_article(request, pk: int):
    topic = get_topic_for_user(request.user, pk)
    form = LinkArticleForm(request.POST)
    if not form.is_valid():
        return _topic_detail(request, topic, status=400, article_form=form)
    services.topic_link_article(topic=topic, article=form.cleaned_data["article"], by=request.user)
    messages.success(request, _("บันทึกบทความที่ตอบประเด็นแล้ว"))
    return redirect(topic)


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


def _memo_detail(request, memo, form=None, status=200):
    return render(request, "consultations/memo_detail.html", {"memo": memo, "form": form or MemoAcceptForm()},
                  status=status)


@login_required
@require_GET
def memo_detail(request, pk: int):
    return _memo_detail(request, get_memo_for_user(request.user, pk))


@login_required
@require_GET
def memo_scan(request, pk: int):
    memo = get_memo_for_user(request.user, pk)
    if not memo.scan:
        raise Http404
    try:
        handle = memo.scan.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=f"memo-{memo.pk}.pdf",
                            content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def memo_accept(request, pk: int):
    memo = get_memo_for_user(request.user, pk)
    form = MemoAcceptForm(request.POST)
    if form.is_valid():
        try:
            services.memo_accept(memo=memo, by=request.user, topic=form.cleaned_data["topic"],
                                 new_title=form.cleaned_data["new_title"].strip())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("รับเรื่องแล้ว เริ่มนับ 15 วันของประเด็น"))
            return redirect(memo.topic)
    return _memo_detail(request, memo, form, status=400)
