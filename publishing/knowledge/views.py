"""Reading (public site, units, technicians), the guide on the repair form, and editors' pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from publishing.feeds import FEED_SIZE, ContentFeed
from publishing.knowledge import services
from publishing.knowledge.access import get_article_for_user, guide_for_category
from publishing.knowledge.forms import (
    ArticleForm,
    AttachmentForm,
    GuideFeedbackForm,
    PublicationForm,
    SearchForm,
    TransitionNoteForm,
)
from publishing.knowledge.models import Article, ArticleAttachment, GuideFeedback, is_knowledge_editor
from publishing.models import Section
from tickets.models import Category

PAGE_SIZE = 10
STATUS_FILTERS = {s.value for s in Article.Status}


def _topics(readable):
    """Problem categories holding at least one article the reader may open, with their counts (one query)."""
    return (
        Category.objects.filter(articles__in=readable.published().values("pk"))
        .annotate(n=Count("articles")).order_by("sort_order", "code")
    )


def _public_context(extra: dict) -> dict:
    return {"sections": Section.objects.filter(is_active=True), "knowledge": True, **extra}


@require_GET
def article_index(request):
    form = SearchForm(request.GET or None)
    readable = Article.objects.readable_by(request.user)
    articles = readable.published().select_related("category")
    query, topic = "", None
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        articles = articles.search(query)
        if form.cleaned_data["category"]:
            topic = Category.objects.filter(code=form.cleaned_data["category"]).first()
            if topic is None:
                raise Http404
            articles = articles.filter(Q(category=topic) | Q(category__parent=topic))
    page = Paginator(articles.order_by("-published_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    keep = urlencode({key: value for key, value in (("q", query), ("category", topic.code if topic else ""))
                      if value})
    return render(request, "knowledge/index.html", _public_context({
        "page": page, "form": form, "search": query, "query": keep, "topic": topic, "topics": _topics(readable),
    }))


@require_GET
def article_detail(request, pk: int):
    article = get_article_for_user(request.user, pk)
    attachments = list(article.attachments.all())
    response = render(request, "knowledge/article.html", _public_context({
        "article": article,
        "images": [a for a in attachments if a.is_image],
        "files": [a for a in attachments if not a.is_image],
        "is_editor": is_knowledge_editor(request.user),
    }))
    if not article.is_public:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def attachment_view(request, pk: int, attachment_pk: int):
    """Images inline (checked JPEG/PNG bytes, served with their image type); other files as downloads."""
    article = get_article_for_user(request.user, pk)
    attachment = get_object_or_404(ArticleAttachment, article=article, pk=attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=not attachment.is_image, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if article.is_public else "private, no-store"
    return response


class ArticleFeed(ContentFeed):
    """Atom feed of the newest public articles (like the news feed)."""

    def title(self):
        from django.conf import settings

        return f"{_('บทความความรู้')} · {settings.HELPDESK_ORGANISATION}"

    def link(self):
        return reverse("knowledge:index")

    def subtitle(self):
        return _("บทความความรู้และคู่มือแก้ไขปัญหาเบื้องต้นที่เผยแพร่ล่าสุด")

    def items(self):
        return Article.objects.public().select_related("category").order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []


# The guide on the repair form ------------------------------------------------------------------------------

@login_required
@require_GET
def guide_panel(request):
    """The partial under the category on the repair form (htmx swaps it in on change)."""
    category = None
    raw = request.GET.get("category", "")
    if raw.isdigit():
        category = Category.objects.filter(pk=int(raw), is_active=True).first()
    return render(request, "knowledge/includes/_guide_panel.html",
                  {"guide": guide_for_category(request.user, category), "guide_category": category})


@login_required
@require_POST
def guide_feedback(request, pk: int):
    article = get_article_for_user(request.user, pk)
    if article.kind != Article.Kind.GUIDE or article.status != Article.Status.PUBLISHED:
        raise Http404
    form = GuideFeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("ไม่สามารถบันทึกผลได้ กรุณาลองใหม่"))
        return redirect("tickets:create")
    outcome = form.cleaned_data["outcome"]
    category = form.cleaned_data["category"]
    services.guide_feedback_record(article=article, user=request.user, outcome=outcome, category=category)
    if outcome == GuideFeedback.Outcome.SOLVED:
        messages.success(request, _("ขอบคุณที่แจ้งผล ดีใจที่แก้ไขปัญหาได้ตามคู่มือ ไม่ต้องส่งใบแจ้งซ่อม"))
        return redirect("home")
    if request.headers.get("HX-Request"):
        return render(request, "knowledge/includes/_guide_need_help.html", {"guide": article})
    url = reverse("tickets:create")
    return redirect(f"{url}?category={category.pk}" if category else url)


# Editors ---------------------------------------------------------------------------------------------------

def _ensure_editor(user) -> None:
    if not is_knowledge_editor(user):
        raise PermissionDenied


@login_required
@require_GET
def manage_list(request):
    _ensure_editor(request.user)
    articles = Article.objects.select_related("category", "author").order_by("-updated_at", "-pk")
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        articles = articles.filter(status=status)
    form = SearchForm(request.GET or None)
    if form.is_valid():
        articles = articles.search(form.cleaned_data["q"])
    page = Paginator(articles, 25).get_page(request.GET.get("page"))
    return render(request, "knowledge/manage_list.html",
                  {"page": page, "status": status, "statuses": Article.Status.choices, "form": form})


@login_required
def article_create(request):
    _ensure_editor(request.user)
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article = services.article_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกร่างบทความแล้ว"))
        return redirect(article.get_manage_url())
    return render(request, "knowledge/article_form.html", {"form": form})


@login_required
def article_edit(request, pk: int):
    article = get_article_for_user(request.user, pk, edit=True)
    form = ArticleForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        services.article_update(article=article, by=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกการแก้ไขแล้ว"))
        return redirect(article.get_manage_url())
    return render(request, "knowledge/article_form.html", {"form": form, "article": article})


def _revisions(article: Article) -> list[dict]:
    """Each saved revision with who saved it and which fields changed (one query)."""
    records = list(article.history.select_related("history_user").order_by("history_date", "history_id"))
    rows, previous = [], None
    for record in records:
        changed = []
        if previous is not None:
            delta = record.diff_against(previous, foreign_keys_are_objs=False)
            changed = [str(Article._meta.get_field(change.field).verbose_name) for change in delta.changes]
        rows.append({"record": record, "changed": changed})
        previous = record
    return list(reversed(rows))


@login_required
@require_GET
def manage_detail(request, pk: int):
    article = get_article_for_user(request.user, pk, edit=True)
    return render(request, "knowledge/manage_detail.html", _manage_context(article))


def _manage_context(article, **forms) -> dict:
    return {
        "article": article,
        "attachments": list(article.attachments.all()),
        "publications": list(article.publications.select_related("recorded_by")),
        "events": list(article.events.select_related("by")),
        "revisions": _revisions(article),
        "topics": list(article.topics.all()) if hasattr(article, "topics") else [],
        "categories_linked": list(article.guide_for_categories.all()),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "publication_form": forms.get("publication_form") or PublicationForm(),
        "note_form": TransitionNoteForm(),
        "can_publish": Article.Status.PUBLISHED in Article.TRANSITIONS.get(article.status, set()),
        "can_archive": Article.Status.ARCHIVED in Article.TRANSITIONS.get(article.status, set()),
    }


@login_required
@require_POST
def article_transition(request, pk: int, to: str):
    article = get_article_for_user(request.user, pk, edit=True)
    form = TransitionNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    action = {"published": services.article_publish, "archived": services.article_archive}[to]
    try:
        action(article=article, by=request.user, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("เผยแพร่บทความแล้ว") if to == "published" else _("เก็บบทความถาวรแล้ว"))
    return redirect(article.get_manage_url())


@login_required
@require_POST
def attachment_add(request, pk: int):
    article = get_article_for_user(request.user, pk, edit=True)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.article_attach(article=article, checked=form.cleaned_data["file"], by=request.user)
        messages.success(request, _("แนบไฟล์แล้ว"))
        return redirect(article.get_manage_url())
    return render(request, "knowledge/manage_detail.html", _manage_context(article, attachment_form=form),
                  status=400)


@login_required
@require_POST
def publication_add(request, pk: int):
    article = get_article_for_user(request.user, pk, edit=True)
    form = PublicationForm(request.POST)
    if form.is_valid():
        services.publication_record(article=article, by=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกช่องทางการเผยแพร่แล้ว"))
        return redirect(article.get_manage_url())
    return render(request, "knowledge/manage_detail.html", _manage_context(article, publication_form=form),
                  status=400)
