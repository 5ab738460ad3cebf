"""The IP registry: search by IP/MAC/unit/asset/person, history, release, CSV, query budget."""

import pytest
from django.urls import reverse

from assets.models import Asset
from tickets.network.models import AssignmentEvent, IPAssignment
from tickets.network.services import mac_change_apply, mac_change_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(subnet, unit_a, unit_b, network_admin):
    asset = Asset.objects.create(asset_number="7440-001-0001/2566", asset_type="computer", unit=unit_a)
    a = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:52:82:00:00:01",
                                    unit=unit_a, asset=asset, device_user="สมศรี ใจดี")
    b = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.31", mac_address="3c:52:82:00:00:02",
                                    unit=unit_b, device_user="ประเสริฐ มั่นคง")
    return a, b


def rows(response):
    return list(response.context["rows"])


@pytest.mark.parametrize("q", ["10.50.1.30", "3C-52-82-00-00-01", "3c52.8200.0001", "7440-001-0001", "สมศรี",
                               "บางเขน"])
def test_staff_find_an_assignment_by_ip_mac_asset_person_or_unit(login, network_admin, registry, q):
    response = login(network_admin).get(reverse("network:registry_list"), {"q": q})
    assert rows(response) == [registry[0]]


def test_old_mac_still_finds_the_assignment(login, requester_a, network_admin, registry):
    from tickets.network.models import MacChangeRequest

    change = MacChangeRequest(assignment=registry[0], unit=registry[0].unit, requested_by=requester_a,
                              old_mac="3c:52:82:00:00:01", new_mac="3c:52:82:00:00:09", reason="การ์ดเสีย")
    mac_change_apply(change=mac_change_create(change=change, by=requester_a), by=network_admin)
    response = login(network_admin).get(reverse("network:registry_list"), {"q": "3c5282000001"})
    assert rows(response) == [registry[0]]


def test_requesters_see_only_their_unit(login, client, requester_a, registry):
    login(requester_a)
    assert rows(client.get(reverse("network:registry_list"))) == [registry[0]]
    assert client.get(reverse("network:registry_detail", args=[registry[1].pk])).status_code == 404


def test_release_keeps_the_row_as_history_and_frees_the_address(login, client, network_admin, requester_a, registry):
    a, _b = registry
    login(requester_a)
    assert client.post(reverse("network:registry_release", args=[a.pk]), {"reason": "x"}).status_code == 403
    login(network_admin)
    assert client.get(reverse("network:registry_release", args=[a.pk])).status_code == 405
    a.refresh_from_db()
    assert a.active
    client.post(reverse("network:registry_release", args=[a.pk]), {"reason": "จำหน่ายครุภัณฑ์"})
    a.refresh_from_db()
    assert (a.active, a.release_reason, a.released_by) == (False, "จำหน่ายครุภัณฑ์", network_admin)
    assert a.events.last().kind == AssignmentEvent.Kind.RELEASED
    assert a.subnet.check_address("10.50.1.30") == "10.50.1.30"
    page = client.get(reverse("network:registry_detail", args=[a.pk]))
    assert "คืนหมายเลขไอพี" in page.content.decode()


def test_csv_export_follows_the_filters(login, network_admin, registry):
    response = login(network_admin).get(reverse("network:registry_list"), {"q": "10.50.1.31", "format": "csv"})
    assert response["Content-Disposition"].startswith("attachment")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("หมายเลขไอพี,MAC Address")
    assert len(lines) == 2 and "10.50.1.31" in lines[1] and "3c:52:82:00:00:02" in lines[1]


def test_unknown_sort_and_filter_values_are_ignored(login, network_admin, registry):
    response = login(network_admin).get(reverse("network:registry_list"),
                                        {"sort": "unit__path;drop", "active": "maybe", "subnet": "999"})
    assert response.status_code == 200
    assert len(rows(response)) == 2


def test_registry_list_uses_a_fixed_number_of_queries(login, network_admin, subnet, unit_a,
                                                      django_assert_max_num_queries):
    client = login(network_admin)
    IPAssignment.objects.bulk_create([
        IPAssignment(subnet=subnet, ip_address=f"10.50.1.{i}", mac_address=f"3c:52:82:00:01:{i:02x}", unit=unit_a)
        for i in range(30, 90)
    ])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("network:registry_list"), {"sort": "-unit"})
    assert len(rows(response)) == 25
    with django_assert_max_num_queries(12):
        csv = b"".join(client.get(reverse("network:registry_list"), {"format": "csv"}).streaming_content)
    assert csv.count(b"\n") == 61
