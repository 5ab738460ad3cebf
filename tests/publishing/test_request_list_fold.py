"""The publishing request list on a phone: cards, and the filters folded behind a counted button."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_list_is_cards_and_counts_the_filters_set(login, requester_a, technician, make_request):
    make_request(requester_a, "submitted", title="ประกาศรับสมัครงาน\nบรรทัดที่สอง")
    client = login(technician)
    response = client.get(reverse("publishing:list"))
    body = response.content.decode()
    assert response.context["active_filter_count"] == 0
    assert 'list-cards" id="request-table"' in body and 'id="publishing-filters"' in body
    response = client.get(reverse("publishing:list"), {"status": "submitted", "overdue": "on", "sort": "new"})
    assert response.context["active_filter_count"] == 2
    assert 'data-filter-count="2"' in response.content.decode()
    # A refused filter form filters nothing and counts nothing.
    assert client.get(reverse("publishing:list"), {"status": "nonsense"}).context["active_filter_count"] == 0
