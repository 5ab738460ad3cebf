"""What the consultation and question logs add to the summary report, and how they hear of published articles."""

from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, register_widget
from helpdesk.roles import Role


def consultations_report(scope) -> dict:
    """Consultations answered at once (003 §6.1) in the period: how many, minutes, turned into tickets (one query
    for the totals, one for the rows)."""
    from tickets.consultations.models import Consultation

    rows = Consultation.objects.filter(scope.unit_filter("unit")).filter(scope.date_filter("recorded_at"))
    aggregates = {
        "count": Count("pk"),
        "minutes": Sum("minutes", default=0),
        "solved": Count("pk", filter=Q(solved=True)),
        "tickets": Count("pk", filter=Q(ticket__isnull=False)),
    }
    totals = rows.aggregate(**aggregates)
    by_category = list(
        rows.values("category__name").annotate(**aggregates).order_by("-count", "category__name")
    )
    return {"totals": totals, "by_category": by_category}


def consultations_report_csv(scope):
    data = consultations_report(scope)
    header = [_("หมวดปัญหา"), _("จำนวน"), _("นาที"), _("ตอบได้ทันที"), _("เปิดใบแจ้งซ่อม")]
    rows = [[row["category__name"] or _("ไม่ระบุ"), row["count"], row["minutes"], row["solved"], row["tickets"]]
            for row in data["by_category"]]
    t = data["totals"]
    if rows:
        rows.append([_("รวม"), t["count"], t["minutes"], t["solved"], t["tickets"]])
    return header, rows


def knowledge_report(scope) -> dict:
    """000 §3 and the guides: questions by topic, articles published, days to publish against 15, guide use and
    deflection. A fixed number of queries whatever the period."""
    from publishing.knowledge.models import DAYS_TO_PUBLISH, Article, GuideFeedback
    from tickets.consultations.models import Consultation, MemoRequest, Topic
    from tickets.models import Ticket

    begin, stop = scope.bounds()
    questions: dict = defaultdict(int)
    consults = Consultation.objects.filter(scope.unit_filter("unit")).filter(scope.date_filter("recorded_at"))
    for row in consults.values("topic__title").annotate(n=Count("pk")):
        questions[row["topic__title"]] += row["n"]
    memos = MemoRequest.objects.filter(scope.unit_filter("unit")).filter(scope.date_filter("received_at"))
    for row in memos.values("topic__title").annotate(n=Count("pk")):
        questions[row["topic__title"]] += row["n"]
    by_topic = sorted(
        ({"topic": title or _("ยังไม่จัดเข้าประเด็น"), "n": n, "ungrouped": title is None}
         for title, n in questions.items()),
        key=lambda row: (row["ungrouped"], -row["n"], row["topic"]),
    )

    published = Article.objects.filter(scope.date_filter("published_at"))
    articles = published.aggregate(
        total=Count("pk"),
        guides=Count("pk", filter=Q(kind=Article.Kind.GUIDE)),
        public=Count("pk", filter=Q(audience=Article.Audience.PUBLIC)),
    )

    answered = list(
        Topic.objects.filter(status=Topic.Status.ANSWERED).filter(scope.date_filter("answered_at"))
        .order_by("answered_at")
    )
    answered_rows = [{"title": t.title, "days": t.days_to_answer, "late": t.is_overdue()} for t in answered]
    days = [row["days"] for row in answered_rows if row["days"] is not None]
    open_overdue = Topic.objects.filter(status=Topic.Status.ACCEPTED, due_at__lt=min(stop, _now())).count()

    tickets = Ticket.objects.filter(scope.unit_filter("unit")).filter(scope.date_filter("created_at"))
    guide_use = list(
        tickets.filter(guide_followed__isnull=False).values("guide_followed__title")
        .annotate(n=Count("pk"), reinstalls=Count("pk", filter=Q(reinstalled=True))).order_by("-n")
    )
    ticket_totals = tickets.aggregate(
        with_guide=Count("pk", filter=Q(guide_followed__isnull=False)),
        reinstalls=Count("pk", filter=Q(reinstalled=True)),
    )
    feedback = GuideFeedback.objects.filter(scope.unit_filter("unit")).filter(scope.date_filter("at"))
    deflection_rows = list(
        feedback.values("article__title").annotate(
            solved=Count("pk", filter=Q(outcome=GuideFeedback.Outcome.SOLVED)),
            need_help=Count("pk", filter=Q(outcome=GuideFeedback.Outcome.NEED_HELP)),
        ).order_by("-solved", "article__title")
    )
    deflected = sum(row["solved"] for row in deflection_rows)
    shown = deflected + sum(row["need_help"] for row in deflection_rows)
    return {
        "by_topic": by_topic,
        "questions": sum(questions.values()),
        "articles": articles,
        "answered": answered_rows,
        "answered_within": sum(1 for row in answered_rows if not row["late"]),
        "avg_days": round(sum(days) / len(days), 1) if days else None,
        "target_days": DAYS_TO_PUBLISH,
        "open_overdue": open_overdue,
        "guide_use": guide_use,
        "tickets": ticket_totals,
        "deflections": deflection_rows,
        "deflected": deflected,
        "deflection_rate": round(100 * deflected / shown) if shown else None,
    }


def _now():
    from django.utils import timezone

    return timezone.now()


def knowledge_report_csv(scope):
    data = knowledge_report(scope)
    header = [_("หัวข้อ"), _("รายการ"), _("จำนวน"), _("หมายเหตุ")]
    rows = [[_("คำถามตามประเด็น"), row["topic"], row["n"], ""] for row in data["by_topic"]]
    rows.append([_("บทความที่เผยแพร่"), _("ทั้งหมด"), data["articles"]["total"], ""])
    rows += [[_("วันจนเผยแพร่ (เป้าหมาย 15 วัน)"), row["title"], row["days"], _("เกินกำหนด") if row["late"] else ""]
             for row in data["answered"]]
    rows += [[_("การใช้คู่มือในงานซ่อม"), row["guide_followed__title"], row["n"],
              _("ติดตั้งใหม่ %(n)d") % {"n": row["reinstalls"]}] for row in data["guide_use"]]
    rows += [[_("แก้ไขได้เองตามคู่มือ (ไม่ต้องแจ้งซ่อม)"), row["article__title"], row["solved"],
              _("ยังต้องการความช่วยเหลือ %(n)d") % {"n": row["need_help"]}] for row in data["deflections"]]
    return header, rows


def desk_widget_context(request) -> dict | None:
    """The question log at a glance for the desk: consultations today, questions not grouped, topics past
    15 days (three queries)."""
    from django.utils import timezone

    from tickets.consultations.models import Consultation, MemoRequest, Topic

    today = timezone.localdate()
    counts = Topic.objects.aggregate(overdue=Count("pk", filter=Q(status=Topic.Status.ACCEPTED,
                                                                    due_at__lt=timezone.now())))
    consults = Consultation.objects.aggregate(
        today=Count("pk", filter=Q(recorded_at__date=today)),
        ungrouped=Count("pk", filter=Q(topic__isnull=True)),
    )
    memos = MemoRequest.objects.filter(accepted_at__isnull=True).count()
    return {**counts, **consults, "memos": memos}


def topic_reminders(now):
    """Due notices of the question log: a topic's article is due in 3 days (to who opened the topic), and a topic
    past its 15 days (to who opened it and the IT heads). One query for the topics, one for the IT heads."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from helpdesk.reminders import Due
    from helpdesk.roles import Role
    from tickets.consultations.models import Topic

    topics = list(
        Topic.objects.filter(status=Topic.Status.ACCEPTED, due_at__lt=now + dt.timedelta(days=3))
        .select_related("created_by").order_by("due_at")
    )
    if not topics:
        return
    heads = tuple(get_user_model().objects.filter(groups__name=Role.IT_HEAD, is_active=True).distinct())
    for topic in topics:
        url = topic.get_absolute_url()
        if topic.due_at >= now:
            yield Due(key=f"consultations.topic_due:{topic.pk}", kind="knowledge_topic_due",
                      recipients=(topic.created_by,), url=url,
                      subject=_("ประเด็น “%(title)s” ต้องเผยแพร่บทความภายใน 3 วัน") % {"title": topic.title})
        else:
            recipients = tuple({user.pk: user for user in (topic.created_by, *heads)}.values())
            yield Due(key=f"consultations.topic_overdue:{topic.pk}", kind="knowledge_topic_overdue",
                      recipients=recipients, url=url,
                      subject=_("ประเด็น “%(title)s” เกินกำหนด 15 วันแล้ว ยังไม่เผยแพร่บทความ") % {"title": topic.title})


def _article_published(sender, *, article, by, **kwargs) -> None:
    from tickets.consultations.services import topics_answer_for_article

    topics_answer_for_article(article=article, by=by)


def register() -> None:
    from helpdesk.reminders import register_source
    from publishing.knowledge.services import article_published

    article_published.connect(_article_published, dispatch_uid="consultations_article_published")
    register_source(topic_reminders)
    register_widget("consultations_desk", template="consultations/includes/_widget_desk.html",
                    context=desk_widget_context, roles={Role.TECHNICIAN, Role.IT_HEAD}, order=60)
    register_report_section(ReportSection(
        "consultations", gettext_lazy("การให้คำปรึกษาทางโทรศัพท์/ติดต่อด้วยตนเอง"),
        "consultations/includes/_report_consultations.html", build=consultations_report, order=75,
        csv_rows=consultations_report_csv,
    ))
    register_report_section(ReportSection(
        "knowledge", gettext_lazy("บทความความรู้และคู่มือแนวทางการแก้ไขปัญหา"),
        "consultations/includes/_report_knowledge.html", build=knowledge_report, order=76,
        csv_rows=knowledge_report_csv,
    ))
