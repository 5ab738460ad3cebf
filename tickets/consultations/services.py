"""The consultation log (003 §6.1) and the question log (000 §3 steps ๑–๓): each change is one call here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.workflow import record_created, transition
from tickets.consultations.models import Consultation, MemoRequest, Topic, is_desk_staff
from tickets.models import Channel, Ticket
from tickets.services import ticket_create


def _ensure_staff(by) -> None:
    if not is_desk_staff(by):
        raise PermissionDenied


def consultation_record(*, by, unit, caller_name: str, question: str, minutes: int, answer: str = "",
                        caller_phone: str = "", channel: str = Consultation.Channel.PHONE, category=None,
                        topic=None, solved: bool = True) -> Consultation:
    _ensure_staff(by)
    return Consultation.objects.create(
        unit=unit, caller_name=caller_name.strip(), caller_phone=caller_phone.strip(), channel=channel,
        question=question.strip(), answer=answer.strip(), category=category, topic=topic, minutes=minutes,
        solved=solved, recorded_by=by,
    )


def consultation_to_ticket(*, consultation: Consultation, by, category, asset=None, device_description: str = "",
                           allow_duplicate: bool = False) -> Ticket:
    """Open a repair ticket for a question that could not be solved on the phone (the quick path ends here)."""
    _ensure_staff(by)
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.ticket_id:
            raise ValidationError(_("การให้คำปรึกษานี้เปิดใบแจ้งซ่อมแล้ว"), code="already_ticket")
        symptom = locked.question
        if locked.answer:
            symptom += "\n" + _("คำแนะนำที่ให้ไปแล้ว: %(answer)s") % {"answer": locked.answer}
        ticket = ticket_create(
            unit=locked.unit, category=category, symptom=symptom[:4000], requester_name=locked.caller_name,
            requester_phone=locked.caller_phone or locked.unit.phone or "-", by=by, channel=Channel.PHONE,
            asset=asset, device_description="" if asset else device_description,
            allow_duplicate=allow_duplicate,
        )
        locked.ticket = ticket
        locked.solved = False
        locked.category = locked.category or category
        locked.save(update_fields=["ticket", "solved", "category"])
    consultation.ticket, consultation.solved = ticket, False
    return ticket


def topic_create(*, by, title: str, description: str = "") -> Topic:
    _ensure_staff(by)
    with transaction.atomic():
        topic = Topic.objects.create(title=title.strip(), description=description.strip(), created_by=by)
        record_created(topic, by=by)
    return topic


def topic_accept(*, topic: Topic, by, note: str = "") -> Topic:
    """Accept the topic for an article: the 15-day clock starts now."""
    _ensure_staff(by)

    def apply(obj):
        obj.accepted_at = timezone.now()
        obj.due_at = Topic.due_from(obj.accepted_at)

    topic = transition(Topic, topic.pk, to=Topic.Status.ACCEPTED, by=by, note=note, table=Topic.TRANSITIONS,
                       apply=apply)
    _answer_if_published(topic, by=by)
    return topic


def topic_decline(*, topic: Topic, by, note: str) -> Topic:
    _ensure_staff(by)
    if not (note or "").strip():
        raise ValidationError(_("กรุณาระบุเหตุผลที่ไม่รับเป็นประเด็น"), code="reason_required")
    return transition(Topic, topic.pk, to=Topic.Status.DECLINED, by=by, note=note, table=Topic.TRANSITIONS)


def questions_group(*, topic: Topic, by, consultations=(), memos=()) -> int:
    """Put questions into a topic (000 §3 step ๓); returns how many were moved."""
    _ensure_staff(by)
    moved = Consultation.objects.filter(pk__in=[c.pk for c in consultations]).update(topic=topic)
    moved += MemoRequest.objects.filter(pk__in=[m.pk for m in memos]).update(topic=topic)
    return moved


def topic_link_article(*, topic: Topic, article, by) -> Topic:
    """Record that `article` answers `topic`; an accepted topic whose article is published is answered."""
    _ensure_staff(by)
    topic.articles.add(article)
    return _answer_if_published(topic, by=by)


def _answer_if_published(topic: Topic, *, by) -> Topic:
    if topic.status != Topic.Status.ACCEPTED:
        return topic
    published = [a for a in topic.articles.all() if a.status == "published" and a.published_at]
    if not published:
        return topic
    first = min(a.published_at for a in published)

    def apply(obj):
        obj.answered_at = max(first, obj.accepted_at) if obj.accepted_at else first

    return transition(Topic, topic.pk, to=Topic.Status.ANSWERED, by=by, table=Topic.TRANSITIONS, apply=apply,
                      note=_("เผยแพร่บทความ: %(title)s") % {"title": published[0].title})


def topics_answer_for_article(*, article, by) -> None:
    """When an article is published, the accepted topics it answers are answered."""
    for topic in Topic.objects.filter(articles=article, status=Topic.Status.ACCEPTED):
        _answer_if_published(topic, by=by)


def memo_record(*, by, unit, memo_number: str, memo_date, subject: str, scan=None) -> MemoRequest:
    _ensure_staff(by)
    memo = MemoRequest(unit=unit, memo_number=memo_number.strip(), memo_date=memo_date, subject=subject.strip(),
                       recorded_by=by)
    if scan:
        memo.scan.save(scan.name, scan, save=False)
    memo.save()
    return memo


def memo_accept(*, memo: MemoRequest, by, topic: Topic | None = None, new_title: str = "") -> MemoRequest:
    """Accept a memo into a topic (an existing one or a new one); the topic's 15-day clock starts if not yet."""
    _ensure_staff(by)
    if memo.accepted_at:
        raise ValidationError(_("รับเรื่องหนังสือนี้แล้ว"), code="already_accepted")
    with transaction.atomic():
        if topic is None:
            topic = topic_create(by=by, title=new_title or memo.subject[:255], description=memo.subject)
        memo.topic = topic
        memo.accepted_at = timezone.now()
        memo.save(update_fields=["topic", "accepted_at"])
        if topic.status in (Topic.Status.NEW, Topic.Status.DECLINED):
            topic_accept(topic=topic, by=by, note=_("รับเรื่องตามหนังสือ %(number)s") % {"number": memo.memo_number})
    return memo
