import datetime as dt

import pytest

from assets.models import Asset


def make_asset(unit, number: str = "7440-001-0001/2566", **fields) -> Asset:
    defaults = {
        "asset_type": Asset.Type.COMPUTER, "brand": "Dell", "model_name": "OptiPlex 7010",
        "serial_number": f"SN-{number[:13]}", "status": Asset.Status.IN_USE,
    }
    defaults.update(fields)
    return Asset.objects.create(asset_number=number, unit=unit, **defaults)


@pytest.fixture
def asset_a(unit_a):
    return make_asset(unit_a, "7440-001-0001/2566", warranty_end=dt.date.today() + dt.timedelta(days=30))


@pytest.fixture
def asset_b(unit_b):
    return make_asset(unit_b, "7440-002-0001/2566", brand="HP", model_name="ProDesk 400 G9")


@pytest.fixture
def spare_a(unit_a):
    return make_asset(unit_a, "7440-001-0099/2566", status=Asset.Status.SPARE, brand="Lenovo",
                      model_name="ThinkCentre M70s")
