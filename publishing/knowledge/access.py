"""The one access helper for articles: what a reader may not open does not exist (404)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from publishing.knowledge.models import Article, is_knowledge_editor


def get_article_for_user(user, pk: int, *, edit: bool = False) -> Article:
    """The article if `user` may read it (see ArticleQuerySet.readable_by), else 404; with `edit`, 403 for
    readers who are not editors."""
    article = get_object_or_404(Article.objects.readable_by(user).select_related("category", "author"), pk=pk)
    if edit and not is_knowledge_editor(user):
        raise PermissionDenied
    return article


def guide_for_category(user, category) -> Article | None:
    """The category's guide when `user` may read it (a draft guide is not shown to units)."""
    if category is None or category.guide_id is None:
        return None
    return Article.objects.readable_by(user).filter(pk=category.guide_id, status=Article.Status.PUBLISHED).first()
