import datetime as dt

import pytest
from django.utils import timezone

from assets.models import Asset
from tickets.models import Category, Channel, Status, Ticket
from tickets.services import ticket_create, ticket_transition


def category(code: str) -> Category:
    """A default category; transactional tests flush the rows the data migration created, so recreate them."""
    from tickets.categories import ensure_default_categories

    ensure_default_categories(Category)
    return Category.objects.get(code=code)


@pytest.fixture
def hw(db):
    return category("hw-computer")


@pytest.fixture
def sw(db):
    return category("sw-os")


@pytest.fixture
def make_asset(db):
    counter = {"n": 0}

    def _make(unit, **extra):
        counter["n"] += 1
        defaults = {
            "asset_number": f"7440-001-{counter['n']:04d}/2566",
            "asset_type": Asset.Type.COMPUTER,
            "brand": "Dell",
            "model_name": "OptiPlex 7090",
            "serial_number": f"SN{counter['n']:05d}",
        }
        defaults.update(extra)
        return Asset.objects.create(unit=unit, **defaults)

    return _make


@pytest.fixture
def asset_a(make_asset, unit_a):
    return make_asset(unit_a)


@pytest.fixture
def asset_b(make_asset, unit_b):
    return make_asset(unit_b)


@pytest.fixture
def make_ticket(db):
    def _make(unit, category, *, by=None, asset=None, requester=None, **extra) -> Ticket:
        params = {
            "unit": unit,
            "category": category,
            "symptom": extra.pop("symptom", "เปิดเครื่องไม่ติด"),
            "requester_name": extra.pop("requester_name", "สมศรี ใจดี"),
            "requester_phone": extra.pop("requester_phone", "081 234 5678"),
            "by": by or requester,
            "requester": requester,
            "asset": asset,
            "channel": extra.pop("channel", Channel.WEB),
        }
        if asset is None:
            params["device_description"] = extra.pop("device_description", "เครื่องพิมพ์ไม่มีเลขครุภัณฑ์")
        params.update(extra)
        return ticket_create(**params)

    return _make


FULL_PATH = [
    (Status.RECEIVED, {}),
    (Status.IN_PROGRESS, {}),
    (Status.QUALITY_CHECK, {"cause": "แรมเสีย", "fix": "เปลี่ยนแรม"}),
    (Status.READY_FOR_PICKUP, {}),
    (Status.DELIVERED, {"received_by_name": "นายรับ เครื่อง"}),
]


@pytest.fixture
def deliver():
    """Walk a ticket to delivered; `at` backdates delivered_at (for the guarantee window)."""

    def _deliver(ticket, by, at: dt.datetime | None = None):
        for status, fields in FULL_PATH:
            ticket_transition(ticket=ticket, to=status, by=by, **fields)
        if at is not None:
            Ticket.objects.filter(pk=ticket.pk).update(delivered_at=at)
            ticket.delivered_at = at
        return ticket

    return _deliver


def bangkok(year, month, day, hour=10, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def image_bytes(fmt: str = "PNG") -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)
