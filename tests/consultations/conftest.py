"""Fixtures for the consultation and question logs."""

import pytest
from django.utils import timezone

from publishing.knowledge.models import Article
from tests.tickets.conftest import category, make_ticket  # noqa: F401 (fixture)
from tickets.consultations import services


@pytest.fixture
def printer(db):
    return category("hw-printer")


@pytest.fixture
def make_consultation(technician, unit_a):
    def _make(question="เครื่องพิมพ์กระดาษติด", *, unit=None, topic=None, solved=True, minutes=5, **extra):
        return services.consultation_record(
            by=technician, unit=unit or unit_a, caller_name=extra.pop("caller_name", "คุณสมศรี"),
            question=question, answer=extra.pop("answer", "แนะนำให้ดึงกระดาษออก"), minutes=minutes,
            solved=solved, topic=topic, **extra,
        )

    return _make


@pytest.fixture
def published_article(technician):
    return Article.objects.create(title="วิธีแก้กระดาษติด", body="ขั้นตอน", status=Article.Status.PUBLISHED,
                                  audience=Article.Audience.PUBLIC, author=technician, published_at=timezone.now())
