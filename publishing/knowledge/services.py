"""Writing, publishing and archiving articles; their files and channels; guide feedback from the repair form."""

import django.dispatch
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from helpdesk.roles import user_unit
from helpdesk.workflow import record_created, transition
from publishing.files import CheckedFile
from publishing.knowledge.models import (
    Article,
    ArticleAttachment,
    GuideFeedback,
    Publication,
    is_knowledge_editor,
)

# Sent after an article is published (first time or again); the question log closes its topics on it.
article_published = django.dispatch.Signal()  # kwargs: article, by

ARTICLE_FIELDS = ("title", "summary", "body", "body_format", "kind", "category", "audience")


def _ensure_editor(by) -> None:
    if not is_knowledge_editor(by):
        raise PermissionDenied


def article_create(*, by, **fields) -> Article:
    _ensure_editor(by)
    unknown = set(fields) - set(ARTICLE_FIELDS)
    if unknown:
        raise TypeError(f"article_create() got unexpected fields: {sorted(unknown)}")
    with transaction.atomic():
        article = Article.objects.create(author=by, **fields)
        record_created(article, by=by)
    return article


def article_update(*, article: Article, by, **fields) -> Article:
    """Save the edited fields; simple_history keeps the previous revision with who changed it."""
    _ensure_editor(by)
    unknown = set(fields) - set(ARTICLE_FIELDS)
    if unknown:
        raise TypeError(f"article_update() got unexpected fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(article, name, value)
    article._history_user = by
    article.save()
    return article


def article_publish(*, article: Article, by, note: str = "") -> Article:
    _ensure_editor(by)

    def apply(obj):
        obj.published_at = obj.published_at or timezone.now()
        obj.archived_at = None
        obj._history_user = by

    obj = transition(Article, article.pk, to=Article.Status.PUBLISHED, by=by, note=note,
                     table=Article.TRANSITIONS, apply=apply)
    article_published.send(sender=Article, article=obj, by=by)
    return obj


def article_archive(*, article: Article, by, note: str = "") -> Article:
    _ensure_editor(by)

    def apply(obj):
        obj.archived_at = timezone.now()
        obj._history_user = by

    return transition(Article, article.pk, to=Article.Status.ARCHIVED, by=by, note=note,
                      table=Article.TRANSITIONS, apply=apply)


def article_attach(*, article: Article, checked: CheckedFile, by) -> ArticleAttachment:
    _ensure_editor(by)
    return ArticleAttachment.store(checked, by=by, article=article)


def publication_record(*, article: Article, by, channel: str, published_on, issue: str = "",
                       url: str = "") -> Publication:
    _ensure_editor(by)
    return Publication.objects.create(article=article, channel=channel, published_on=published_on,
                                      issue=issue.strip(), url=url.strip(), recorded_by=by)


def guide_feedback_record(*, article: Article, user, outcome: str, category=None) -> GuideFeedback:
    """What a unit user answered under the guide on the repair form ("solved" = a deflected request)."""
    return GuideFeedback.objects.create(article=article, user=user, unit=user_unit(user), category=category,
                                        outcome=outcome)
