"""Wrong method (405), no permission (403), outsiders (404), and nobody approves their own preparation."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from helpdesk.correspondence.models import IssuedDocument
from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.datarequests import services
from tickets.datarequests.models import DataRequest

from .conftest import ALL_CRITERIA

pytestmark = pytest.mark.django_db

POST_STEPS = ["start_screening", "screen", "start_preparing", "file_add", "submit", "review", "approve", "send",
              "close", "cancel"]


@pytest.mark.parametrize("name", POST_STEPS)
def test_steps_refuse_get(client, it_head, officer, make_request, name):
    obj = make_request(officer)
    client.force_login(it_head)
    assert client.get(reverse(f"datarequests:{name}", args=[obj.pk])).status_code == 405
    obj.refresh_from_db()
    assert obj.status == "received"


def test_pages_refuse_post(client, officer, make_request):
    obj = make_request(officer)
    client.force_login(officer)
    assert client.post(reverse("datarequests:detail", args=[obj.pk])).status_code == 405
    assert client.post(reverse("datarequests:list")).status_code == 405


def test_someone_outside_the_unit_gets_404(client, requester_a, requester_b, make_request, unit_a, officer):
    online = make_request(requester_a, channel="online", unit=unit_a)
    letter = make_request(officer)
    client.force_login(requester_b)
    for obj in (online, letter):
        assert client.get(reverse("datarequests:detail", args=[obj.pk])).status_code == 404
        assert client.post(reverse("datarequests:start_screening", args=[obj.pk])).status_code == 404
    client.force_login(requester_a)
    assert client.get(reverse("datarequests:detail", args=[online.pk])).status_code == 200
    assert client.get(reverse("datarequests:detail", args=[letter.pk])).status_code == 404
    listing = client.get(reverse("datarequests:list")).content.decode()
    assert online.reference in listing and letter.reference not in listing


@pytest.mark.parametrize("who, name, data", [
    ("officer", "start_screening", {}),
    ("technician_b", "screen", {"decision": "refuse", "refusal_reason": "x"}),
    ("deputy", "review", {"action": "pass"}),
    ("it_head", "approve", {"action": "approve"}),
    ("executive", "cancel", {"note": "x"}),
])
def test_people_without_the_role_get_403(client, request, make_request, officer, who, name, data):
    obj = make_request(officer)
    client.force_login(request.getfixturevalue(who))
    assert client.post(reverse(f"datarequests:{name}", args=[obj.pk]), data).status_code == 403
    obj.refresh_from_db()
    assert obj.status == "received" and obj.events.count() == 1


def test_a_requester_cannot_record_letters_for_the_desk_but_files_online(client, requester_a, unit_a):
    client.force_login(requester_a)
    page = client.get(reverse("datarequests:create")).content.decode()
    assert "ยื่นคำขอข้อมูลออนไลน์" in page and 'name="received_at"' not in page


def test_someone_without_a_unit_cannot_file(client, db):
    nobody = make_user("nobody")
    client.force_login(nobody)
    assert client.get(reverse("datarequests:create")).status_code == 403


def test_an_it_head_who_prepared_the_data_cannot_check_it(client, it_head, make_request, unit_a, walk, deputy):
    other_head = make_user("ithead2", Role.IT_HEAD, unit=unit_a)
    obj = make_request(it_head)
    services.data_request_start_screening(request=obj, by=it_head)
    services.data_request_accept(request=obj, by=it_head, officer=it_head, criteria=ALL_CRITERIA)
    services.data_request_start_preparing(request=obj, by=it_head)
    from .conftest import add_file

    add_file(obj, it_head)
    services.data_request_submit(request=obj, by=it_head, cover_memo="memo")
    client.force_login(it_head)
    assert client.post(reverse("datarequests:review", args=[obj.pk]), {"action": "pass"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.data_request_review_pass(request=obj, by=it_head)
    obj.refresh_from_db()
    assert obj.status == "review"
    client.force_login(other_head)
    client.post(reverse("datarequests:review", args=[obj.pk]), {"action": "pass"})
    obj.refresh_from_db()
    assert obj.status == "approval" and obj.reviewed_by == other_head


def test_the_approver_cannot_approve_their_own_preparation(client, it_head, make_request, unit_a):
    both = make_user("both", Role.TECHNICIAN, Role.DEPUTY_DIRECTOR, unit=unit_a)
    obj = make_request(it_head)
    services.data_request_start_screening(request=obj, by=it_head)
    services.data_request_accept(request=obj, by=it_head, officer=both, criteria=ALL_CRITERIA)
    services.data_request_start_preparing(request=obj, by=both)
    from .conftest import add_file

    add_file(obj, both)
    services.data_request_submit(request=obj, by=both, cover_memo="memo")
    services.data_request_review_pass(request=obj, by=it_head)
    client.force_login(both)
    page = client.get(reverse("datarequests:detail", args=[obj.pk])).content.decode()
    assert 'id="pass-form"' not in page and "งานที่คุณจัดทำต้องให้ผู้อื่นตรวจสอบและอนุมัติ" in page
    assert client.post(reverse("datarequests:approve", args=[obj.pk]), {"action": "approve"}).status_code == 403
    with pytest.raises(PermissionDenied) as refused:
        services.data_request_approve(request=obj, by=both)
    assert "ไม่สามารถตรวจสอบหรืออนุมัติงานของตนเองได้" in str(refused.value)
    obj.refresh_from_db()
    assert obj.status == "approval" and obj.approved_by is None


def test_submitting_without_files_is_refused_with_a_message(client, officer, make_request, walk):
    obj = walk(make_request(officer), to="preparing")
    obj.files.all().delete()
    client.force_login(officer)
    response = client.post(reverse("datarequests:submit", args=[obj.pk]), {"cover_memo": "x"}, follow=True)
    assert "กรุณาแนบไฟล์ข้อมูลที่จัดทำอย่างน้อย 1 ไฟล์ก่อนส่งตรวจ" in response.content.decode()
    obj.refresh_from_db()
    assert obj.status == "preparing"


def test_bad_input_rerenders_with_thai_messages_and_keeps_the_text(client, it_head, officer, make_request, walk):
    obj = walk(make_request(officer), to="review")
    client.force_login(it_head)
    response = client.post(reverse("datarequests:review", args=[obj.pk]), {"action": "return", "note": ""})
    assert response.status_code == 200 and "กรุณาระบุสิ่งที่ต้องแก้ไข" in response.content.decode()
    obj = walk(make_request(officer), to="approved")
    client.force_login(officer)
    response = client.post(reverse("datarequests:send", args=[obj.pk]), {
        "sent_at": "2026-11-01T10:00", "sent_method": "email", "sent_note": "ส่งถึง somchai@example.ac.th"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "เวลาส่งต้องไม่ก่อนวันที่รับหนังสือ" in content and "ส่งถึง somchai@example.ac.th" in content
    obj.refresh_from_db()
    assert obj.status == DataRequest.Status.APPROVED and obj.reply_number == ""
    assert not IssuedDocument.objects.exists()  # no number taken


def test_the_deputy_director_role_exists_after_migrations(db):
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name="deputy_director").exists()


def test_letters_are_for_the_desk_and_the_approvers(client, requester_a, unit_a, officer, deputy, make_request,
                                                    walk):
    obj = walk(make_request(requester_a, channel="online", unit=unit_a), to="approval")
    path = reverse("datarequests:letter", args=[obj.pk, "reply"])
    client.force_login(requester_a)
    assert client.get(path).status_code == 403
    client.force_login(deputy)
    draft = client.get(path, {"preview": "1"})
    assert draft.status_code == 200 and "ขอแสดงความนับถือ" in draft.content.decode()
    assert client.get(reverse("datarequests:letter", args=[obj.pk, "summary"])).status_code == 403
    assert client.get(reverse("datarequests:letter", args=[obj.pk, "other"])).status_code == 404


def test_the_admin_pages_open(client, admin_user, officer, make_request, walk):
    obj = walk(make_request(officer), to="review")
    client.force_login(admin_user)
    for path in (reverse("admin:datarequests_datarequest_changelist"),
                 reverse("admin:datarequests_datarequest_change", args=[obj.pk]),
                 reverse("admin:datarequests_deputyapprover_add"),
                 reverse("admin:datarequests_datafileaccess_changelist")):
        assert client.get(path).status_code == 200, path
