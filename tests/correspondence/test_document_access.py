"""Who may fetch an issued document: staff, and users who may read its record (the record's own access rule)."""

import pytest
from django.urls import reverse

from helpdesk.correspondence.services import document_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(done_ticket, technician):
    return document_issue(kind="ticket_summary", target=done_ticket, by=technician)


def test_the_unit_of_the_record_and_staff_fetch_it(login, requester_a, supervisor_a, technician_b, document):
    stored = document.pdf.read()
    for user in (requester_a, supervisor_a, technician_b):
        response = login(user).get(reverse("correspondence:pdf", args=[document.pk]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf", user
        assert b"".join(response.streaming_content) == stored
        assert response["X-Content-Type-Options"] == "nosniff"


def test_another_units_requester_gets_404_everywhere(login, requester_b, supervisor_b, document, done_ticket):
    for user in (requester_b, supervisor_b):
        client = login(user)
        for name in ("pdf", "detail"):
            assert client.get(reverse(f"correspondence:{name}", args=[document.pk])).status_code == 404
        assert client.get(reverse("tickets:letter", args=[done_ticket.pk])).status_code == 404
        for name in ("cancel", "reissue"):
            assert client.post(reverse(f"correspondence:{name}", args=[document.pk]),
                               {f"{name}-reason": "x"}).status_code == 404
    document.refresh_from_db()
    assert not document.is_cancelled


def test_anonymous_users_are_sent_to_log_in(client, document):
    response = client.get(reverse("correspondence:pdf", args=[document.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_unit_sees_the_document_page_without_the_staff_forms(login, requester_a, document):
    response = login(requester_a).get(reverse("correspondence:detail", args=[document.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and document.number in body
    assert "cancel-form" not in body and "reissue-form" not in body


def test_a_document_about_a_period_is_for_staff_only(login, requester_a, technician, executive):
    import datetime as dt

    from django.utils import timezone

    from helpdesk.correspondence.kinds import get_letter_kind

    last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    target = get_letter_kind("publishing_monthly").resolve(technician, last_month)
    document = document_issue(kind="publishing_monthly", target=target, by=technician)
    assert login(technician).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 200
    for user in (requester_a, executive):
        assert login(user).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 404
