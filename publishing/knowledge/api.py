"""Published knowledge articles in the REST API, read only (/api/v1/knowledge-articles/): the pages' reader
rules (ArticleQuerySet.readable_by, get_article_for_user) — anonymous callers see public articles only, unit
users self-help and public ones, service staff every published article; drafts and archived articles are 404
here for everyone (editors work on them in the pages)."""

from django.db.models import Q
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from helpdesk.api.viewsets import RecordViewSet
from publishing.knowledge.access import get_article_for_user
from publishing.knowledge.models import Article
from tickets.models import Category


class ArticleSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    audience_label = serializers.CharField(source="get_audience_display")
    category = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Article
        fields = ["id", "title", "summary", "kind", "kind_label", "audience", "audience_label", "category",
                  "published_at", "updated_at", "url"]

    def get_category(self, article) -> str:
        return article.category.code if article.category_id else ""


class ArticleAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.CharField(source="get_absolute_url")


class ArticleDetailSerializer(ArticleSerializer):
    attachments = ArticleAttachmentSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "body_format", "attachments"]


def get_published_article(user, pk: int) -> Article:
    """The reader's article (get_article_for_user); drafts and archived ones are 404 here for everyone."""
    article = get_article_for_user(user, pk)
    if article.status != Article.Status.PUBLISHED:
        raise Http404
    return article


@extend_schema_view(
    list=extend_schema(summary="บทความความรู้ที่เผยแพร่แล้ว (ไม่ยืนยันตัวตน = เฉพาะสาธารณะ)",
                       parameters=[OpenApiParameter("q", str, description="ค้นหา (เหมือนหน้าคลังความรู้)"),
                                   OpenApiParameter("category", str, description="รหัสหมวดปัญหา")]),
    retrieve=extend_schema(summary="บทความความรู้ที่เผยแพร่แล้ว"),
)
class ArticleViewSet(RecordViewSet):
    permission_classes = [AllowAny]
    queryset = Article.objects.none()
    serializer_class = ArticleSerializer
    detail_serializer_class = ArticleDetailSerializer
    fetch = staticmethod(get_published_article)
    cursor_orderings = {"newest": ("-published_at", "-pk")}

    def visible(self):
        articles = Article.objects.readable_by(self.request.user).published().select_related("category")
        articles = articles.search(str(self.request.query_params.get("q", ""))[:200])
        code = str(self.request.query_params.get("category", ""))[:50]
        if code:
            topic = Category.objects.filter(code=code).first()
            if topic is None:
                return Article.objects.none()
            articles = articles.filter(Q(category=topic) | Q(category__parent=topic))
        return articles
