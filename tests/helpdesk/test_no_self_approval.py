"""Nobody approves their own request: every approval step calls helpdesk.workflow.ensure_not_own_request
(one test per workflow; parts: tests/parts/test_no_self_approval.py)."""

import pytest

from helpdesk.workflow import SelfApprovalRefused
from publishing import services as publishing_services
from tests.network.conftest import internet, make_ip_request, subnet  # noqa: F401  (network fixtures)
from tests.network.test_account_requests import file_request
from tests.publishing.conftest import make_request, section  # noqa: F401  (publishing fixtures)
from tickets.network.models import AccountRequest, IPAssignment, IPRequest, MacChangeRequest
from tickets.network.services import account_request_approve, ip_request_assign, mac_change_apply, mac_change_create


def test_a_supervisor_cannot_approve_the_publishing_request_he_filed(supervisor_a, make_request):  # noqa: F811
    obj = make_request(supervisor_a, "submitted")
    with pytest.raises(SelfApprovalRefused):
        publishing_services.request_transition(request=obj, action="approve", by=supervisor_a)
    obj.refresh_from_db()
    assert obj.status == "submitted"


def test_an_it_head_cannot_accept_the_publishing_request_he_filed(it_head, supervisor_a, make_request):  # noqa: F811
    obj = make_request(it_head, "approved", approver=supervisor_a)
    with pytest.raises(SelfApprovalRefused):
        publishing_services.request_transition(request=obj, action="accept", by=it_head)
    obj.refresh_from_db()
    assert obj.status == "approved"


def test_the_account_request_service_refuses_self_approval(login, supervisor_a, internet):  # noqa: F811
    file_request(login(supervisor_a), internet)
    account_request = AccountRequest.objects.get()
    with pytest.raises(SelfApprovalRefused):
        account_request_approve(request=account_request, by=supervisor_a)
    account_request.refresh_from_db()
    assert account_request.status == "submitted" and account_request.approved_by is None


def test_a_network_admin_cannot_assign_an_address_to_his_own_request(network_admin, subnet, make_ip_request):  # noqa: F811
    ip_request = make_ip_request(network_admin, network_admin.profile.unit)
    with pytest.raises(SelfApprovalRefused):
        ip_request_assign(request=ip_request, by=network_admin, subnet=subnet, ip_address="10.50.1.30")
    assert IPRequest.objects.get().status == "submitted" and not IPAssignment.objects.exists()


def test_a_network_admin_cannot_apply_his_own_mac_change(network_admin, subnet, unit_a):  # noqa: F811
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:52:82:00:00:01",
                                             unit=unit_a, device_user="สมศรี ใจดี")
    change = mac_change_create(change=MacChangeRequest(
        assignment=assignment, unit=unit_a, requested_by=network_admin, old_mac="3c:52:82:00:00:01",
        new_mac="3c:52:82:00:00:0a", reason="การ์ดเสีย"), by=network_admin)
    with pytest.raises(SelfApprovalRefused):
        mac_change_apply(change=change, by=network_admin)
    assignment.refresh_from_db()
    assert assignment.mac_address == "3c:52:82:00:00:01" and MacChangeRequest.objects.get().status == "submitted"


def test_a_supervisor_cannot_approve_the_unit_request_he_filed(supervisor_a):
    from tickets.unitrequests.models import UnitRequest
    from tickets.unitrequests.services import unit_request_approve, unit_request_create

    obj = unit_request_create(kind="consumables", by=supervisor_a, purpose="ใช้ในห้องผู้อำนวยการ",
                              lines=[(None, "ตลับหมึก", 1)])
    with pytest.raises(SelfApprovalRefused):
        unit_request_approve(request=obj, by=supervisor_a)
    assert UnitRequest.objects.get(pk=obj.pk).status == "submitted"
