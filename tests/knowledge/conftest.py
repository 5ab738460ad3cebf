"""Fixtures for knowledge articles: articles of every audience and status, and a published printer guide."""

import io

import pytest
from django.utils import timezone
from PIL import Image

from publishing.knowledge.defaults import ensure_default_guides
from publishing.knowledge.models import Article
from tests.tickets.conftest import category, make_ticket  # noqa: F401 (fixture)
from tickets.models import Category


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def make_article(db, technician):
    def _make(title="บทความทดสอบ", *, audience=Article.Audience.PUBLIC, status=Article.Status.PUBLISHED,
              kind=Article.Kind.ARTICLE, body="เนื้อหาบทความ", category=None, **extra) -> Article:
        return Article.objects.create(
            title=title, audience=audience, status=status, kind=kind, body=body, category=category,
            author=technician, published_at=timezone.now() if status == Article.Status.PUBLISHED else None, **extra,
        )

    return _make


@pytest.fixture
def printer(db):
    return category("hw-printer")


@pytest.fixture
def printer_guide(printer):
    """The default printer guide (a draft from the data migration), completed and published for units."""
    ensure_default_guides(Article, Category)
    printer.refresh_from_db()
    guide = printer.guide
    Article.objects.filter(pk=guide.pk).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now(), audience=Article.Audience.UNIT,
        body="1. ดึงกระดาษที่ติดออก\n2. ปิดเปิดเครื่องพิมพ์ใหม่",
    )
    guide.refresh_from_db()
    return guide
