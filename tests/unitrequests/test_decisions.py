"""The supervisor approves, returns with a reason, or refuses; nobody approves their own request; other units
get 404, people without the role 403, a GET on a step 405."""

import pytest
from django.urls import reverse

from helpdesk.notifications.models import Notification
from tickets.unitrequests.models import UnitRequest
from tickets.unitrequests.services import unit_request_create

S = UnitRequest.Status


def url(name, obj):
    return reverse(f"unitrequests:{name}", args=[obj.pk])


def status_of(obj) -> str:
    return UnitRequest.objects.get(pk=obj.pk).status


def test_the_supervisor_approves(login, consumables_request, supervisor_a, requester_a, stock_officer,
                                 django_capture_on_commit_callbacks):
    client = login(supervisor_a)
    assert 'id="approve-form"' in client.get(url("detail", consumables_request)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("approve", consumables_request), {"note": "เห็นควรอนุมัติ"})
    assert response.status_code == 302
    obj = UnitRequest.objects.get(pk=consumables_request.pk)
    assert (obj.status, obj.decided_by) == (S.APPROVED, supervisor_a) and obj.decided_at is not None
    event = obj.events.last()
    assert (event.from_status, event.to_status, event.by, event.note) == (S.SUBMITTED, S.APPROVED, supervisor_a,
                                                                          "เห็นควรอนุมัติ")
    # The requester hears of it, and so does the stock officer who will fulfil it.
    assert Notification.objects.filter(user=requester_a, kind="unitrequest").exists()
    assert Notification.objects.filter(user=stock_officer, kind="unitrequest").exists()


def test_a_returned_request_shows_its_reason_and_goes_back_when_corrected(login, consumables_request, supervisor_a,
                                                                          requester_a, toner,
                                                                          django_capture_on_commit_callbacks):
    supervisor = login(supervisor_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = supervisor.post(url("return", consumables_request), {"return-reason": "ระบุรุ่นเครื่องพิมพ์ด้วย"})
    assert response.status_code == 302
    obj = UnitRequest.objects.get(pk=consumables_request.pk)
    assert (obj.status, obj.reason) == (S.RETURNED, "ระบุรุ่นเครื่องพิมพ์ด้วย")
    notice = Notification.objects.get(user=requester_a, kind="unitrequest")
    assert obj.reference in notice.subject and "ระบุรุ่นเครื่องพิมพ์ด้วย" in notice.message

    requester = login(requester_a)
    page = requester.get(url("detail", obj)).content.decode()
    assert 'id="decision-reason"' in page and "ระบุรุ่นเครื่องพิมพ์ด้วย" in page
    data = {"purpose": "ใช้กับเครื่องพิมพ์ HP LaserJet P1102 งานทะเบียน", "lines-TOTAL_FORMS": "4",
            "lines-INITIAL_FORMS": "0", "lines-0-item": toner.pk, "lines-0-quantity": "1"}
    assert requester.post(url("edit", obj), data).status_code == 302
    obj.refresh_from_db()
    assert obj.status == S.SUBMITTED and obj.purpose.startswith("ใช้กับเครื่องพิมพ์ HP")
    assert list(obj.lines.values_list("item_id", "quantity")) == [(toner.pk, 1)]
    assert [e.to_status for e in obj.events.all()] == [S.SUBMITTED, S.RETURNED, S.SUBMITTED]


def test_a_return_needs_a_reason(login, consumables_request, supervisor_a):
    response = login(supervisor_a).post(url("return", consumables_request), {"return-reason": "  "})
    assert response.status_code == 400 and "กรุณาระบุเหตุผล" in response.content.decode()
    assert status_of(consumables_request) == S.SUBMITTED


def test_a_refusal_says_why(login, consumables_request, supervisor_a, requester_a):
    assert login(supervisor_a).post(url("reject", consumables_request),
                                    {"reject-reason": "งบประมาณวัสดุไตรมาสนี้หมดแล้ว"}).status_code == 302
    assert status_of(consumables_request) == S.REJECTED
    page = login(requester_a).get(url("detail", consumables_request)).content.decode()
    assert "เหตุผลที่ไม่อนุมัติ" in page and "งบประมาณวัสดุไตรมาสนี้หมดแล้ว" in page


def test_nobody_approves_their_own_request(login, supervisor_a, toner):
    own = unit_request_create(kind="consumables", by=supervisor_a, purpose="ใช้ในห้องผู้อำนวยการ",
                              lines=[(toner, "", 1)])
    client = login(supervisor_a)
    assert 'id="approve-form"' not in client.get(url("detail", own)).content.decode()
    assert client.post(url("approve", own), {"note": ""}).status_code == 403
    assert client.post(url("reject", own), {"reject-reason": "x"}).status_code == 403
    assert status_of(own) == S.SUBMITTED and own.events.count() == 1


def test_the_kernel_refuses_self_approval_whatever_the_entry_point(supervisor_a, toner):
    from django.core.exceptions import PermissionDenied

    from tickets.unitrequests.services import unit_request_approve

    own = unit_request_create(kind="consumables", by=supervisor_a, purpose="ใช้เอง", lines=[(toner, "", 1)])
    with pytest.raises(PermissionDenied, match="ไม่สามารถอนุมัติคำขอของตนเองได้"):
        unit_request_approve(request=own, by=supervisor_a)
    assert status_of(own) == S.SUBMITTED


def test_other_units_get_404(login, consumables_request, supervisor_b, requester_b):
    for user in (supervisor_b, requester_b):
        client = login(user)
        assert client.get(url("detail", consumables_request)).status_code == 404
        assert client.post(url("approve", consumables_request), {"note": ""}).status_code == 404
        assert client.post(url("cancel", consumables_request), {}).status_code == 404
    assert status_of(consumables_request) == S.SUBMITTED


def test_people_without_the_role_get_403(login, consumables_request, requester_a, unit_a, technician):
    from helpdesk.roles import Role
    from tests.conftest import make_user

    colleague = make_user("colleague", Role.REQUESTER, unit=unit_a)
    for user in (requester_a, colleague, technician):
        client = login(user)
        assert client.post(url("approve", consumables_request), {"note": ""}).status_code == 403
        assert client.post(url("return", consumables_request), {"return-reason": "x"}).status_code == 403
    assert login(colleague).post(url("cancel", consumables_request), {}).status_code == 403
    assert login(requester_a).post(url("prepare", consumables_request), {}).status_code == 403
    assert status_of(consumables_request) == S.SUBMITTED


@pytest.mark.parametrize("name", ["approve", "return", "reject", "cancel", "prepare", "lend"])
def test_a_get_on_a_step_is_405_and_changes_nothing(login, consumables_request, supervisor_a, name):
    assert login(supervisor_a).get(url(name, consumables_request)).status_code == 405
    assert status_of(consumables_request) == S.SUBMITTED


def test_a_step_from_the_wrong_status_is_refused_in_thai(login, consumables_request, supervisor_a):
    client = login(supervisor_a)
    assert client.post(url("approve", consumables_request), {"note": ""}).status_code == 302
    response = client.post(url("return", consumables_request), {"return-reason": "ขอแก้"})
    assert response.status_code == 400
    assert "ไม่สามารถเปลี่ยนสถานะจาก" in response.content.decode()
    assert status_of(consumables_request) == S.APPROVED


def test_the_requester_cancels_before_it_is_prepared(login, consumables_request, requester_a):
    assert login(requester_a).post(url("cancel", consumables_request), {"cancel-reason": "ได้รับจากที่อื่นแล้ว"}
                                   ).status_code == 302
    obj = UnitRequest.objects.get(pk=consumables_request.pk)
    assert obj.status == S.CANCELLED and obj.events.last().note == "ได้รับจากที่อื่นแล้ว"


def test_only_the_requester_edits_and_other_units_get_404(login, consumables_request, supervisor_a, requester_b):
    data = {"purpose": "แก้โดยผู้อื่น", "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
            "lines-0-description": "ปากกา", "lines-0-quantity": "1"}
    assert login(supervisor_a).post(url("edit", consumables_request), data).status_code == 403
    assert login(requester_b).get(url("edit", consumables_request)).status_code == 404
    assert UnitRequest.objects.get(pk=consumables_request.pk).purpose == "ใช้ในงานทะเบียนราษฎร"


def test_a_decided_request_can_no_longer_be_edited(login, consumables_request, supervisor_a, requester_a):
    login(supervisor_a).post(url("approve", consumables_request), {"note": ""})
    assert login(requester_a).get(url("edit", consumables_request)).status_code == 403
