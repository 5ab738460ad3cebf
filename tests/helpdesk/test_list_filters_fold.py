"""Staff lists on phones: each list is a card list (one CSS pattern) and its filters fold behind one button that
shows how many filters are set, counted by the server."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.urls import reverse

from helpdesk.listing import active_filter_count
from tickets.network.models import IPAssignment, Subnet
from tickets.parts.models import Item

pytestmark = pytest.mark.django_db


def test_the_count_leaves_out_empty_values_and_defaults():
    params = QueryDict("q=+++&kind=part&show=active&sort=name&page=2")
    assert active_filter_count(params, {"q": "", "kind": "", "show": "active"}) == 1
    assert active_filter_count(QueryDict("show=low&q=ram"), {"q": "", "kind": "", "show": "active"}) == 2
    assert active_filter_count({}, {"q": ""}) == 0


@pytest.fixture
def items(db):
    for code, kind in (("RAM-8G", Item.Kind.PART), ("TN-85A", Item.Kind.CONSUMABLE)):
        Item.objects.create(code=code, name=f"รายการ {code}", unit_of_measure="ชิ้น", standard_cost=Decimal("100"),
                            reorder_level=2, kind=kind)


def test_the_stock_list_is_cards_on_a_phone_and_counts_its_filters(login, technician, items):
    client = login(technician)
    response = client.get(reverse("parts:stock"))
    body = response.content.decode()
    assert response.context["active_filter_count"] == 0 and "data-filter-count" not in body
    assert 'class="table table-sm align-middle bg-white list-cards" id="stock-table"' in body
    assert 'class="collapse filter-fold" id="stock-filters"' in body and 'data-bs-target="#stock-filters"' in body
    response = client.get(reverse("parts:stock"), {"kind": "part", "show": "low", "sort": "name"})
    assert response.context["active_filter_count"] == 2 and 'data-filter-count="2"' in response.content.decode()


def test_the_part_requests_list_counts_its_filters(login, technician):
    response = login(technician).get(reverse("parts:request_list"), {"status": "requested", "q": " "})
    assert response.context["active_filter_count"] == 1
    assert 'id="part-requests"' in response.content.decode()


def test_the_ip_registry_is_cards_on_a_phone_and_counts_its_filters(login, network_admin, unit_a):
    subnet = Subnet.objects.create(name="เขตบางเขน", cidr="10.50.1.0/24", gateway="10.50.1.1")
    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="AA:BB:CC:00:00:30", unit=unit_a)
    client = login(network_admin)
    body = client.get(reverse("network:registry_list")).content.decode()
    assert 'list-cards" id="registry"' in body and '<td class="lc-title">' in body
    assert 'id="list-filters"' in body and "data-filter-count" not in body
    response = client.get(reverse("network:registry_list"), {"active": "True", "subnet": subnet.pk, "q": "10.50"})
    assert response.context["active_filter_count"] == 3
    # A value outside the allowlist is no filter, and is not counted.
    assert client.get(reverse("network:registry_list"), {"active": "maybe"}).context["active_filter_count"] == 0


def test_the_network_request_lists_share_the_pattern(login, network_admin):
    client = login(network_admin)
    for name, table in (("ip_list", "ip-requests"), ("mac_list", "mac-changes"),
                        ("account_request_list", "account-requests"), ("account_list", "accounts")):
        body = client.get(reverse(f"network:{name}")).content.decode()
        assert f'list-cards" id="{table}"' in body and 'class="collapse filter-fold"' in body, name
