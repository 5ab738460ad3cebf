import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.models import Asset
from tests.assets.conftest import make_asset

URL = reverse("assets:list")


def test_staff_see_every_unit_and_the_derived_flags(login, technician, asset_a, asset_b):
    response = login(technician).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert asset_a.asset_number in body and asset_b.asset_number in body
    assert "ประกันจะหมดใน 60 วัน" in body


def test_requesters_see_only_their_units_assets(login, requester_a, asset_a, asset_b):
    body = login(requester_a).get(URL).content.decode()
    assert asset_a.asset_number in body
    assert asset_b.asset_number not in body


def test_supervisors_see_their_unit_and_the_units_below(login, supervisor_a, unit_a_child, asset_a, asset_b):
    child_asset = make_asset(unit_a_child, "7440-001-0500/2567")
    body = login(supervisor_a).get(URL).content.decode()
    assert asset_a.asset_number in body and child_asset.asset_number in body
    assert asset_b.asset_number not in body


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_post_is_not_allowed(login, technician):
    assert login(technician).post(URL).status_code == 405


@pytest.mark.parametrize("query, expected", [
    ("q=OptiPlex", {"7440-001-0001/2566"}),
    ("q=prodesk", {"7440-002-0001/2566"}),
    ("q=SN-7440-002-000", {"7440-002-0001/2566"}),
    ("asset_type=printer", {"7440-003-0001/2566"}),
    ("status=spare", {"7440-003-0001/2566"}),
    ("warranty=soon", {"7440-001-0001/2566"}),
    ("warranty=under", {"7440-001-0001/2566", "7440-002-0001/2566"}),
    ("warranty=expired", {"7440-003-0001/2566"}),
    ("warranty=none", {"7440-004-0001/2566"}),
    ("leased=on", {"7440-004-0001/2566"}),
    ("warranty=vendor", {"7440-001-0001/2566", "7440-002-0001/2566", "7440-004-0001/2566"}),
])
def test_search_and_filters(login, technician, unit_a, unit_b, query, expected):
    today = timezone.localdate()
    make_asset(unit_a, "7440-001-0001/2566", warranty_end=today + dt.timedelta(days=10))
    make_asset(unit_b, "7440-002-0001/2566", brand="HP", model_name="ProDesk 400",
               warranty_end=today + dt.timedelta(days=400))
    make_asset(unit_a, "7440-003-0001/2566", asset_type=Asset.Type.PRINTER, brand="Epson", model_name="L3250",
               status=Asset.Status.SPARE, warranty_end=today - dt.timedelta(days=1))
    make_asset(unit_b, "7440-004-0001/2566", acquisition=Asset.Acquisition.LEASE, brand="Lenovo",
               model_name="ThinkPad", lease_end=today + dt.timedelta(days=100))
    response = login(technician).get(f"{URL}?{query}")
    shown = {asset.asset_number for asset in response.context["assets"]}
    assert shown == expected


def test_unit_filter_includes_units_below(login, technician, unit_a, unit_a_child, unit_b):
    make_asset(unit_a_child, "7440-001-0002/2566")
    make_asset(unit_b, "7440-002-0002/2566")
    response = login(technician).get(f"{URL}?unit={unit_a.pk}")
    assert [a.asset_number for a in response.context["assets"]] == ["7440-001-0002/2566"]


def test_unknown_sort_and_filter_values_are_ignored_not_obeyed(login, technician, asset_a, asset_b):
    response = login(technician).get(f"{URL}?sort=password&status=hacked&per_page=99999")
    assert response.status_code == 200
    assert [a.asset_number for a in response.context["assets"]] == [asset_a.asset_number, asset_b.asset_number]


def test_sort_by_number_descending(login, technician, asset_a, asset_b):
    response = login(technician).get(f"{URL}?sort=-number")
    assert [a.asset_number for a in response.context["assets"]] == [asset_b.asset_number, asset_a.asset_number]


def test_script_in_text_fields_is_inert(login, technician, unit_a):
    make_asset(unit_a, brand="<script>alert(1)</script>", model_name="<img src=x onerror=alert(2)>")
    body = login(technician).get(URL).content.decode()
    assert "<script>alert(1)</script>" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize("per_page", [25, 200])
def test_the_list_runs_a_fixed_number_of_queries(login, technician, unit_a, unit_b, django_assert_max_num_queries,
                                                  per_page):
    Asset.objects.bulk_create([
        Asset(asset_number=f"7440-{n % 900 + 100:03d}-{n:04d}/2567", asset_type=Asset.Type.COMPUTER,
              unit=unit_a if n % 2 else unit_b, brand="Dell", model_name="OptiPlex")
        for n in range(1, 301)
    ])
    client = login(technician)
    with django_assert_max_num_queries(9):
        response = client.get(f"{URL}?per_page={per_page}")
    assert len(response.context["assets"]) == per_page


def test_pagination(login, technician, unit_a):
    Asset.objects.bulk_create([
        Asset(asset_number=f"7440-001-{n:04d}/2567", asset_type=Asset.Type.MONITOR, unit=unit_a) for n in range(1, 61)
    ])
    response = login(technician).get(f"{URL}?per_page=25&page=3")
    assert [a.asset_number for a in response.context["assets"]][0] == "7440-001-0051/2567"
    assert len(response.context["assets"]) == 10
