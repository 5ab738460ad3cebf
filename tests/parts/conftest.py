"""Fixtures for the parts app: catalogue items with stock, tickets in progress."""

from decimal import Decimal

import pytest

from tickets.categories import ensure_default_categories
from tickets.models import Category, Channel, Status
from tickets.parts.models import Item
from tickets.parts.services import stock_receive
from tickets.services import ticket_create, ticket_transition


@pytest.fixture
def hw(db):
    ensure_default_categories(Category)  # transactional tests flush what the data migration created
    return Category.objects.get(code="hw-computer")


@pytest.fixture
def make_ticket(db, hw):
    def _make(unit, *, by, status=Status.IN_PROGRESS, **extra):
        ticket = ticket_create(
            unit=unit, category=extra.pop("category", hw), symptom=extra.pop("symptom", "เครื่องค้างบ่อย"),
            requester_name="สมศรี ใจดี", requester_phone="081 234 5678", by=by, channel=Channel.WEB,
            device_description="คอมพิวเตอร์ตั้งโต๊ะ", allow_duplicate=True, **extra,
        )
        if status == Status.IN_PROGRESS:
            ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=by)
        return ticket

    return _make


@pytest.fixture
def ticket(make_ticket, unit_a, technician):
    """A ticket of unit A (team A's area), in progress with `technician`."""
    return make_ticket(unit_a, by=technician)


@pytest.fixture
def make_item(db):
    def _make(code="RAM-DDR4-8", name="RAM DDR4 8GB", *, stock=0, uom="แผ่น", cost="950.00", reorder=2, by=None,
              **extra):
        item = Item.objects.create(code=code, name=name, unit_of_measure=uom, standard_cost=Decimal(cost),
                                   reorder_level=reorder, **extra)
        if stock:
            stock_receive(item=item, quantity=stock, vendor="บริษัท ไอทีซัพพลาย จำกัด", reference="INV-0001", by=by)
        return item

    return _make


@pytest.fixture
def ram(make_item, stock_officer):
    return make_item(stock=5, by=stock_officer)


@pytest.fixture
def toner(make_item, stock_officer):
    return make_item("TN-HP85A", "ตลับหมึก HP 85A", stock=10, uom="ตลับ", cost="2390.00", reorder=3, by=stock_officer,
                     kind=Item.Kind.CONSUMABLE)


@pytest.fixture
def team_head(technician, team_a):
    team_a.head = technician
    team_a.save()
    return technician
