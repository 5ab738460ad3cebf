"""List pages (search, filter, sort, CSV, query budget), transition tables and the demo data."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tickets.network.models import AccountRequest, IPAssignment, IPRequest, MacChangeRequest
from tickets.network.services import (
    ACCOUNT_REQUEST_TRANSITIONS,
    IP_REQUEST_TRANSITIONS,
    MAC_CHANGE_TRANSITIONS,
    TransitionNotAllowed,
    ip_request_assign,
    ip_request_cancel,
    ip_request_return,
    mac_change_apply,
    mac_change_cancel,
    mac_change_create,
)

pytestmark = pytest.mark.django_db


def test_every_status_has_a_row_in_its_transition_table():
    for table, model in ((IP_REQUEST_TRANSITIONS, IPRequest), (MAC_CHANGE_TRANSITIONS, MacChangeRequest),
                         (ACCOUNT_REQUEST_TRANSITIONS, AccountRequest)):
        assert set(table) - {""} == set(model.Status.values)
        assert all(targets <= set(model.Status.values) for targets in table.values())


def test_a_finished_request_cannot_move_and_nothing_changes(requester_a, network_admin, subnet, make_ip_request):
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    ip_request_cancel(request=ip_request, by=requester_a)
    with pytest.raises(TransitionNotAllowed) as error:
        ip_request_assign(request=ip_request, by=network_admin, subnet=subnet, ip_address="10.50.1.30")
    assert "ไม่สามารถเปลี่ยนสถานะ" in error.value.messages[0]
    with pytest.raises(TransitionNotAllowed):
        ip_request_return(request=ip_request, by=network_admin, reason="x")
    ip_request.refresh_from_db()
    assert ip_request.status == "cancelled" and not IPAssignment.objects.exists()
    assert ip_request.events.count() == 2


def test_a_cancelled_mac_change_cannot_be_applied(requester_a, network_admin, subnet, unit_a):
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:00:00:00:00:01",
                                             unit=unit_a)
    change = mac_change_create(change=MacChangeRequest(
        assignment=assignment, unit=unit_a, requested_by=requester_a, old_mac="3c:00:00:00:00:01",
        new_mac="3c:00:00:00:00:02", reason="x"), by=requester_a)
    mac_change_cancel(change=change, by=requester_a)
    with pytest.raises(TransitionNotAllowed):
        mac_change_apply(change=change, by=network_admin)
    assignment.refresh_from_db()
    assert assignment.mac_address == "3c:00:00:00:00:01" and not assignment.events.exists()


def test_ip_request_list_filters_sorts_exports_within_budget(
    login, client, requester_a, requester_b, network_admin, make_ip_request, django_assert_max_num_queries
):
    for index in range(30):
        make_ip_request(requester_a, requester_a.profile.unit, mac=f"3c:52:82:00:02:{index:02x}")
    other = make_ip_request(requester_b, requester_b.profile.unit, mac="3c:52:82:00:03:01")
    ip_request_return(request=other, by=network_admin, reason="x")
    login(network_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("network:ip_list"), {"sort": "-unit"})
    assert len(response.context["rows"]) == 25 and response.context["page_obj"].paginator.count == 31
    response = client.get(reverse("network:ip_list"), {"status": "returned"})
    assert list(response.context["rows"]) == [other]
    response = client.get(reverse("network:ip_list"), {"q": "3c:52:82:00:03"})
    assert list(response.context["rows"]) == [other]
    with django_assert_max_num_queries(12):
        text = b"".join(client.get(reverse("network:ip_list"), {"format": "csv"}).streaming_content)
    assert text.decode("utf-8-sig").count("\n") == 32
    login(requester_b)
    assert list(client.get(reverse("network:ip_list")).context["rows"]) == [other]
    with django_assert_max_num_queries(12):
        assert client.get(reverse("network:mac_list"), {"sort": "status"}).status_code == 200


def test_demo_data_covers_every_state_and_is_idempotent(settings, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    counts = [IPRequest.objects.count(), MacChangeRequest.objects.count(), AccountRequest.objects.count(),
              IPAssignment.objects.count()]
    assert set(IPRequest.objects.values_list("status", flat=True)) == set(IPRequest.Status.values)
    assert set(MacChangeRequest.objects.values_list("status", flat=True)) == set(MacChangeRequest.Status.values)
    assert set(AccountRequest.objects.values_list("status", flat=True)) == set(AccountRequest.Status.values)
    assert IPAssignment.objects.filter(events__kind="mac_changed").exists()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == [IPRequest.objects.count(), MacChangeRequest.objects.count(), AccountRequest.objects.count(),
                      IPAssignment.objects.count()]
