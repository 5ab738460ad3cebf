"""Completing a repair, a publishing request, an IP/MAC request or an account request invites the person
served: an invitation with its own token, and a notice in their inbox linking to the answer page."""

import pytest
from django.urls import reverse

from helpdesk.notifications.models import Notification
from helpdesk.surveys.models import Invitation
from tests.network.test_account_requests import file_request
from tickets.network.models import AccountRequest
from tickets.network.services import ip_request_assign, ip_request_record_checks

pytestmark = pytest.mark.django_db

PASSED = {"configuration_note": "ตั้งค่าแล้ว", "mis_result": "passed", "mis_note": "", "daily_plan_result": "passed",
          "daily_plan_note": "", "internet_result": "passed", "internet_note": ""}


def invitation_notice(user, invitation):
    return Notification.objects.filter(user=user, kind="survey",
                                       url=reverse("surveys:answer", args=[invitation.token]))


def test_a_delivered_repair_invites_the_requester(make_ticket, hw, unit_a, requester_a, technician, deliver,
                                                  django_capture_on_commit_callbacks):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    with django_capture_on_commit_callbacks(execute=True):
        deliver(ticket, technician)
    invitation = Invitation.objects.for_record(ticket).get()
    assert (invitation.service.code, invitation.served, invitation.provider, invitation.team) == (
        "repair", requester_a, technician, ticket.team)
    assert invitation_notice(requester_a, invitation).count() == 1


def test_a_completed_account_request_invites_the_requester(
    login, client, requester_a, supervisor_a, network_admin, internet, django_capture_on_commit_callbacks
):
    file_request(login(requester_a), internet)
    account_request = AccountRequest.objects.get()
    login(supervisor_a)
    client.post(reverse("network:account_request_approve", args=[account_request.pk]))
    assert not Invitation.objects.exists()
    login(network_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network:account_request_complete", args=[account_request.pk]), {
            "user_id": "somchai.k", "delivery_method": "sealed_document", "delivered_at": "2026-11-20T10:30"})
    assert response.status_code == 302
    invitation = Invitation.objects.for_record(account_request).get()
    assert (invitation.service.code, invitation.unit, invitation.served, invitation.provider) == (
        "network_account", account_request.unit, requester_a, network_admin)
    assert invitation.label.startswith(account_request.reference)
    assert invitation_notice(requester_a, invitation).count() == 1


def test_an_ip_request_that_passes_its_checks_invites_the_requester(
    make_ip_request, subnet, requester_a, unit_a, network_admin, technician, django_capture_on_commit_callbacks
):
    request = make_ip_request(requester_a, unit_a)
    ip_request_assign(request=request, by=network_admin, subnet=subnet, ip_address="10.50.1.50")
    failed = ip_request_record_checks(request=request, by=technician, **{**PASSED, "internet_result": "failed"})
    assert failed.status == "check_failed" and not Invitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        ip_request_record_checks(request=request, by=technician, **PASSED)
    invitation = Invitation.objects.for_record(request).get()
    assert (invitation.service.code, invitation.served, invitation.provider) == ("network_ip", requester_a, technician)
    assert invitation_notice(requester_a, invitation).count() == 1


def test_a_published_request_invites_the_requester(published, requester_a, technician,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        obj = published()
    invitation = Invitation.objects.for_record(obj).get()
    assert (invitation.service.code, invitation.served, invitation.provider, invitation.unit) == (
        "publishing", requester_a, technician, obj.unit)
    assert invitation_notice(requester_a, invitation).count() == 1


def test_the_account_request_is_rated_from_the_link(
    client, login, requester_a, supervisor_a, network_admin, internet
):
    file_request(login(requester_a), internet)
    account_request = AccountRequest.objects.get()
    login(supervisor_a).post(reverse("network:account_request_approve", args=[account_request.pk]))
    login(network_admin).post(reverse("network:account_request_complete", args=[account_request.pk]), {
        "user_id": "somchai.k", "delivery_method": "sealed_document", "delivered_at": "2026-11-20T10:30"})
    invitation = Invitation.objects.for_record(account_request).get()
    client.logout()
    questions = invitation.service.questions.all()
    response = client.post(reverse("surveys:answer", args=[invitation.token]),
                           {**{f"q{q.pk}": 5 for q in questions}, "comment": ""})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.response.score == 5
