"""Fixtures for unit requests: a toner in stock, a spare notebook, a request of each kind from unit A."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from assets.models import Asset
from tickets.parts.models import Item
from tickets.parts.services import stock_receive
from tickets.unitrequests.models import UnitRequest
from tickets.unitrequests.services import unit_request_create


@pytest.fixture
def toner(db, stock_officer):
    item = Item.objects.create(code="TN-HP85A", name="ตลับหมึก HP 85A", unit_of_measure="ตลับ",
                               standard_cost=Decimal("2390.00"), reorder_level=3, kind=Item.Kind.CONSUMABLE)
    stock_receive(item=item, quantity=10, vendor="บริษัท ไอทีซัพพลาย จำกัด", reference="INV-0001", by=stock_officer)
    return item


@pytest.fixture
def mouse(db, stock_officer):
    item = Item.objects.create(code="MS-USB", name="เมาส์ USB", unit_of_measure="ตัว", standard_cost=Decimal("250.00"),
                               kind=Item.Kind.CONSUMABLE)
    stock_receive(item=item, quantity=3, vendor="บริษัท ไอทีซัพพลาย จำกัด", reference="INV-0002", by=stock_officer)
    return item


@pytest.fixture
def spare_notebook(db, unit_a):
    return Asset.objects.create(asset_number="7440-001-0099/2567", asset_type=Asset.Type.NOTEBOOK, brand="Lenovo",
                                model_name="ThinkPad E14", unit=unit_a, status=Asset.Status.SPARE)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def consumables_request(requester_a, toner, mouse):
    return unit_request_create(kind=UnitRequest.Kind.CONSUMABLES, by=requester_a,
                               purpose="ใช้ในงานทะเบียนราษฎร", lines=[(toner, "", 2), (None, "แผ่นรองเมาส์", 1)])


@pytest.fixture
def loan_request(requester_a, today):
    return unit_request_create(kind=UnitRequest.Kind.LOAN, by=requester_a, purpose="นำเสนองานในการประชุมประจำเดือน",
                               equipment_type=Asset.Type.NOTEBOOK, equipment_detail="โน้ตบุ๊ก 1 เครื่อง",
                               loan_from=today + dt.timedelta(days=1), loan_until=today + dt.timedelta(days=3))
