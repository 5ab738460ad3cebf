"""The public news pages: no login, no JavaScript; only published, unexpired posts exist here."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from publishing.feeds import FEED_SIZE, ContentFeed
from publishing.models import Attachment, PublishingRequest, Section, is_publishing_staff
from publishing.views import file_response

NEWS_PAGE_SIZE = 10


def _sections():
    return Section.objects.filter(is_active=True)


@require_GET
def news_index(request, slug: str | None = None):
    section = get_object_or_404(_sections(), slug=slug) if slug else None
    posts = PublishingRequest.objects.published().select_related("section", "unit").order_by("-published_at", "-pk")
    if section is not None:
        posts = posts.filter(section=section)
    page = Paginator(posts, NEWS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "publishing/news/index.html", {
        "page": page, "section": section, "sections": _sections(),
    })


def _post_context(obj: PublishingRequest, *, preview: bool) -> dict:
    return {
        "post": obj,
        "attachments": list(obj.attachments.all()),
        "sections": _sections(),
        "section": obj.section,
        "preview": preview,
    }


@require_GET
def news_post(request, pk: int):
    queryset = PublishingRequest.objects.published().select_related("section", "unit")
    obj = get_object_or_404(queryset, pk=pk)
    return render(request, "publishing/news/post.html", _post_context(obj, preview=False))


@require_GET
def news_attachment(request, pk: int, attachment_pk: int):
    obj = get_object_or_404(PublishingRequest.objects.published(), pk=pk)
    return file_response(get_object_or_404(Attachment, request=obj, pk=attachment_pk))


def _preview_for_user(request, token: str) -> PublishingRequest:
    """The preview exists only for staff and the requester, and only while the request is in preview."""
    obj = get_object_or_404(
        PublishingRequest.objects.select_related("section", "unit"),
        status=PublishingRequest.Status.PREVIEW, preview_token=token,
    )
    if not token or not (is_publishing_staff(request.user) or obj.requester_id == request.user.pk):
        raise Http404
    return obj


@login_required
@require_GET
def news_preview(request, token: str):
    obj = _preview_for_user(request, token)
    response = render(request, "publishing/news/post.html", _post_context(obj, preview=True))
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def news_preview_attachment(request, token: str, attachment_pk: int):
    obj = _preview_for_user(request, token)
    return file_response(get_object_or_404(Attachment, request=obj, pk=attachment_pk))


class NewsFeed(ContentFeed):
    """Atom feed of the newest posts, all sections or one (/news/<slug>/feed/)."""

    def get_object(self, request, slug: str | None = None):
        return get_object_or_404(_sections(), slug=slug) if slug else None

    def title(self, section):
        from django.conf import settings

        name = section.name if section else _("ข่าวและประกาศ")
        return f"{name} · {settings.HELPDESK_ORGANISATION}"

    def link(self, section):
        return section.get_absolute_url() if section else reverse("news:index")

    def subtitle(self, section):
        return section.description if section and section.description else _("ประกาศที่เผยแพร่ล่าสุด")

    def items(self, section):
        posts = PublishingRequest.objects.published().select_related("section", "unit", "requester")
        if section is not None:
            posts = posts.filter(section=section)
        return posts.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_link(self, item):
        return item.get_public_url()

    def item_updateddate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.unit.name

    def item_categories(self, item):
        return [item.section.name]
