"""The unit's list: its own requests only, phone-friendly rows, a fixed number of queries whatever the row count."""

import pytest
from django.urls import reverse

from tickets.unitrequests.models import UnitRequest
from tickets.unitrequests.services import unit_request_approve, unit_request_create

LIST = reverse("unitrequests:list")


def file_requests(user, toner, count):
    for index in range(count):
        unit_request_create(kind="consumables", by=user, purpose=f"ใช้งานชุดที่ {index}",
                            lines=[(toner, "", 1), (None, "สายแลน", 2)])


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_runs_a_fixed_number_of_queries(login, requester_a, requester_b, toner, count,
                                                 django_assert_max_num_queries):
    file_requests(requester_a, toner, count)
    file_requests(requester_b, toner, 2)
    client = login(requester_a)
    with django_assert_max_num_queries(9):
        response = client.get(LIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="list-group-item list-group-item-action ur-row"') == count
    assert "2 รายการ" in page


def test_a_unit_sees_only_its_own_requests_and_staff_see_all(login, requester_a, requester_b, supervisor_a,
                                                             stock_officer, toner):
    file_requests(requester_a, toner, 1)
    file_requests(requester_b, toner, 1)
    mine, theirs = UnitRequest.objects.order_by("pk")
    assert mine.reference in login(requester_a).get(LIST).content.decode()
    assert theirs.reference not in login(requester_a).get(LIST).content.decode()
    assert theirs.reference not in login(supervisor_a).get(LIST).content.decode()
    staff_page = login(stock_officer).get(LIST).content.decode()
    assert mine.reference in staff_page and theirs.reference in staff_page


def test_filters_come_from_an_allowlist(login, requester_a, supervisor_a, toner):
    file_requests(requester_a, toner, 2)
    first = UnitRequest.objects.order_by("pk").first()
    unit_request_approve(request=first, by=supervisor_a)
    client = login(requester_a)
    waiting = client.get(LIST + "?show=waiting").content.decode()
    assert first.reference not in waiting and waiting.count("ur-row") == 1
    assert first.reference in client.get(LIST + "?show=to_fulfil").content.decode()
    assert client.get(LIST + "?show=status__in&kind=<script>&page=99999999999999999999999").status_code == 200


def test_the_list_is_get_only(login, requester_a):
    assert login(requester_a).post(LIST).status_code == 405


def test_the_supervisor_widget_counts_requests_to_approve(login, requester_a, supervisor_a, toner):
    file_requests(requester_a, toner, 3)
    page = login(supervisor_a).get(reverse("home")).content.decode()
    assert 'id="widget-unitrequests"' in page
    assert 'data-count="to_approve">3<' in page
