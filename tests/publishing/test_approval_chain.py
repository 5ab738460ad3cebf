from django.urls import reverse

from publishing.models import Approval, Event, PublishingRequest
from tests.conftest import make_user
from tests.publishing.conftest import status_of


def post(client, obj, action, **data):
    return client.post(reverse(f"publishing:{action}", args=[obj.pk]), {f"{action}-{k}": v for k, v in data.items()})


def test_the_supervisor_approves_and_the_approval_signs_text_and_every_file(
        login, requester_a, supervisor_a, make_request, django_capture_on_commit_callbacks, mailoutbox):
    obj = make_request(requester_a, "submitted")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(login(supervisor_a), obj, "approve", note="อนุมัติ")
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "approved"
    approval = Approval.objects.get(request=obj)
    assert approval.approver == supervisor_a and approval.voided_at is None
    attachment = obj.attachments.get()
    assert approval.text_sha256 == obj.text_sha256()
    assert approval.files == [{"id": attachment.pk, "name": attachment.original_name, "sha256": attachment.sha256}]
    assert obj.reached_it_at is not None and obj.due_at > obj.reached_it_at
    event = Event.objects.get(request=obj, action="approve")
    assert (event.actor, event.from_status, event.to_status) == (supervisor_a, "submitted", "approved")


def test_a_supervisor_above_the_unit_approves_a_child_units_request(login, unit_a_child, supervisor_a,
                                                                  make_request):
    child_user = make_user("child", "requester", unit=unit_a_child)
    obj = make_request(child_user, "submitted")
    assert post(login(supervisor_a), obj, "approve").status_code == 302
    assert status_of(obj) == "approved"


def test_nobody_approves_their_own_request(login, supervisor_a, make_request):
    obj = make_request(supervisor_a, "submitted")
    response = post(login(supervisor_a), obj, "approve")
    assert response.status_code == 403
    assert status_of(obj) == "submitted" and not Approval.objects.exists()


def test_a_supervisor_of_another_unit_cannot_decide(login, requester_a, supervisor_b, make_request):
    obj = make_request(requester_a, "submitted")
    client = login(supervisor_b)
    assert post(client, obj, "approve").status_code == 404
    assert post(client, obj, "return", note="ไม่").status_code == 404
    assert status_of(obj) == "submitted" and not Approval.objects.exists()


def test_a_supervisor_of_a_child_unit_cannot_approve_the_parents_request(login, requester_a, unit_a_child,
                                                                       make_request):
    child_supervisor = make_user("child_sup", "supervisor", unit=unit_a_child)
    obj = make_request(requester_a, "submitted")
    assert post(login(child_supervisor), obj, "approve").status_code == 404
    assert status_of(obj) == "submitted"


def test_the_it_head_and_staff_cannot_stand_in_for_the_supervisor(login, requester_a, it_head, technician,
                                                                   make_request):
    obj = make_request(requester_a, "submitted")
    assert post(login(it_head), obj, "approve").status_code == 403
    assert post(login(technician), obj, "approve").status_code == 403
    assert status_of(obj) == "submitted"


def test_approve_is_post_only(login, requester_a, supervisor_a, make_request):
    obj = make_request(requester_a, "submitted")
    client = login(supervisor_a)
    for action in ("approve", "return", "submit", "accept", "preview", "publish", "withdraw", "recall"):
        assert client.get(reverse(f"publishing:{action}", args=[obj.pk])).status_code == 405
    assert status_of(obj) == "submitted"


def test_returning_needs_a_reason_and_the_requester_sees_it(login, requester_a, supervisor_a, make_request,
                                                           django_capture_on_commit_callbacks, mailoutbox):
    obj = make_request(requester_a, "submitted")
    client = login(supervisor_a)
    response = post(client, obj, "return", note="")
    assert response.status_code == 200 and "ต้องระบุเหตุผล" in response.content.decode()
    assert status_of(obj) == "submitted"

    with django_capture_on_commit_callbacks(execute=True):
        post(client, obj, "return", note="กรุณาแนบแผนที่")
    obj.refresh_from_db()
    assert obj.status == "returned" and obj.return_reason == "กรุณาแนบแผนที่"
    assert [m.to for m in mailoutbox] == [[requester_a.email]]
    page = login(requester_a).get(obj.get_absolute_url()).content.decode()
    assert "กรุณาแนบแผนที่" in page


def test_a_returned_request_is_corrected_and_resubmitted_keeping_history(login, requester_a, supervisor_a,
                                                                        make_request, section):
    obj = make_request(requester_a, "returned", approver=supervisor_a)
    client = login(requester_a)
    data = {"title": obj.title, "section": section.pk, "body_format": "plain", "body": "แก้ไขตามที่แนะนำ",
            "wanted_on": obj.wanted_on.isoformat(), "expires_on": ""}
    assert client.post(reverse("publishing:edit", args=[obj.pk]), data).status_code == 302
    assert post(client, obj, "submit").status_code == 302
    obj.refresh_from_db()
    assert obj.status == "submitted" and obj.return_reason == ""
    history = list(Event.objects.filter(request=obj).values_list("action", "from_status", "to_status"))
    assert history == [
        ("create", "", "draft"), ("submit", "draft", "submitted"), ("return", "submitted", "returned"),
        ("edit", "returned", "returned"), ("submit", "returned", "submitted"),
    ]
    assert Event.objects.get(request=obj, action="return").note == "เหตุผล"


def test_the_it_head_checks_compliance_with_a_checklist(login, requester_a, supervisor_a, it_head, make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    client = login(it_head)
    response = post(client, obj, "accept", check_rules="on", check_oia="on", note="")
    assert response.status_code == 200 and "ต้องตรวจข้อนี้" in response.content.decode()
    assert status_of(obj) == "approved"

    response = post(client, obj, "accept", check_rules="on", check_oia="on", check_chain="on", note="ครบถ้วน")
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "accepted" and obj.checked_by == it_head and obj.check_notes == "ครบถ้วน"
    assert obj.check_rules and obj.check_oia and obj.check_chain


def test_the_it_head_may_return_an_approved_request(login, requester_a, supervisor_a, it_head, make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    assert post(login(it_head), obj, "return", note="ขัด พ.ร.บ. ข้อมูลข่าวสาร").status_code == 302
    obj.refresh_from_db()
    assert obj.status == "returned" and obj.return_reason == "ขัด พ.ร.บ. ข้อมูลข่าวสาร"
    assert obj.approvals.get().voided_at is not None


def test_only_the_it_head_accepts(login, requester_a, supervisor_a, technician, make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    for user in (technician, supervisor_a, requester_a):
        response = post(login(user), obj, "accept", check_rules="on", check_oia="on", check_chain="on")
        assert response.status_code == 403
    assert status_of(obj) == "approved"


def test_the_it_head_cannot_accept_their_own_request(login, it_head, unit_a, make_request):
    boss = make_user("boss", "supervisor", unit=unit_a)
    obj = make_request(it_head, "approved", approver=boss)
    response = post(login(it_head), obj, "accept", check_rules="on", check_oia="on", check_chain="on")
    assert response.status_code == 403
    assert status_of(obj) == "approved"


def test_a_stale_action_shows_a_message_instead_of_failing(login, requester_a, supervisor_a, make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    response = post(login(supervisor_a), obj, "approve")
    assert response.status_code == 302
    assert PublishingRequest.objects.get(pk=obj.pk).approvals.count() == 1


def test_the_requester_withdraws_with_a_reason_and_the_record_stays(login, requester_a, make_request):
    obj = make_request(requester_a, "submitted")
    client = login(requester_a)
    assert post(client, obj, "withdraw", note="").status_code == 200
    assert status_of(obj) == "submitted"
    assert post(client, obj, "withdraw", note="ยกเลิกกิจกรรม").status_code == 302
    obj.refresh_from_db()
    assert obj.status == "withdrawn" and obj.withdrawn_reason == "ยกเลิกกิจกรรม" and obj.withdrawn_at
    assert client.get(obj.get_absolute_url()).status_code == 200


def test_the_requester_recalls_a_submitted_request_to_edit_it(login, requester_a, supervisor_a, make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    assert post(login(requester_a), obj, "recall").status_code == 302
    obj.refresh_from_db()
    assert obj.status == "draft" and obj.valid_approval() is None and obj.due_at is None
