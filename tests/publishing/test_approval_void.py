"""Seed 001 step 4: the approver "signs every page" — a change after approval voids the approval."""

import pytest
from django.urls import reverse

from publishing import services
from publishing.models import Approval, Event
from tests.publishing.conftest import ALL_CHECKS, pdf_bytes, png_bytes, status_of, upload


@pytest.mark.parametrize("state", ["approved", "accepted", "preview"])
def test_swapping_a_file_after_approval_voids_it_and_sends_the_request_back(
        login, requester_a, supervisor_a, it_head, technician, make_request, state,
        django_capture_on_commit_callbacks, mailoutbox):
    obj = make_request(requester_a, state, approver=supervisor_a, it_head=it_head, staff=technician)
    attachment = obj.attachments.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(technician).post(
            reverse("publishing:attachment_replace", args=[obj.pk, attachment.pk]),
            {"replace-file": upload("ประกาศ-แก้ไข.pdf", pdf_bytes(pages=2))},
        )
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "submitted" and obj.preview_token == "" and obj.due_at is None
    approval = Approval.objects.get(request=obj)
    assert approval.voided_at is not None and "เปลี่ยนไฟล์" in approval.void_reason
    assert obj.valid_approval() is None
    void = Event.objects.get(request=obj, action="void")
    assert (void.from_status, void.to_status, void.actor) == (state, "submitted", technician)
    assert supervisor_a.email in {address for m in mailoutbox for address in m.to}
    # Re-approval signs the new file.
    services.request_transition(request=obj, action="approve", by=supervisor_a)
    new = obj.valid_approval()
    assert new.files[0]["sha256"] == obj.attachments.get().sha256 != approval.files[0]["sha256"]


def test_changing_the_text_while_preparing_voids_the_approval(login, requester_a, supervisor_a, it_head,
                                                              technician, make_request, section):
    obj = make_request(requester_a, "accepted", approver=supervisor_a, it_head=it_head)
    data = {"section": section.pk, "title": obj.title, "body_format": "plain", "body": "ข้อความที่แก้ไข"}
    assert login(technician).post(reverse("publishing:prepare", args=[obj.pk]), data).status_code == 302
    assert status_of(obj) == "submitted"
    assert Approval.objects.get(request=obj).voided_at is not None


def test_moving_the_post_to_another_menu_keeps_the_approval(login, requester_a, supervisor_a, it_head, technician,
                                                            make_request, other_section):
    obj = make_request(requester_a, "accepted", approver=supervisor_a, it_head=it_head)
    data = {"section": other_section.pk, "title": obj.title, "body_format": obj.body_format, "body": obj.body}
    assert login(technician).post(reverse("publishing:prepare", args=[obj.pk]), data).status_code == 302
    obj.refresh_from_db()
    assert obj.status == "accepted" and obj.section == other_section and obj.valid_approval() is not None


def test_adding_or_removing_a_file_after_approval_voids_it(login, requester_a, supervisor_a, technician,
                                                           make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    client = login(technician)
    client.post(reverse("publishing:attachment_add", args=[obj.pk]), {"add-file": upload("รูป.png", png_bytes())})
    assert status_of(obj) == "submitted"

    services.request_transition(request=obj, action="approve", by=supervisor_a)
    added = obj.attachments.get(kind="image")
    client.post(reverse("publishing:attachment_delete", args=[obj.pk, added.pk]))
    assert status_of(obj) == "submitted"
    assert Approval.objects.filter(request=obj, voided_at__isnull=True).count() == 0


def test_a_file_changed_on_disk_is_caught_before_it_is_accepted(login, requester_a, supervisor_a, it_head,
                                                                 make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    attachment = obj.attachments.get()
    with open(attachment.file.path, "wb") as handle:
        handle.write(pdf_bytes(pages=3))
    response = login(it_head).post(reverse("publishing:accept", args=[obj.pk]),
                                   {"accept-check_rules": "on", "accept-check_oia": "on", "accept-check_chain": "on"})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "submitted" and obj.accepted_at is None
    assert Approval.objects.get(request=obj).voided_at is not None


def test_a_file_changed_on_disk_blocks_publishing(requester_a, supervisor_a, it_head, technician, make_request):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    with open(obj.attachments.get().file.path, "ab") as handle:
        handle.write(b"% tampered")
    with pytest.raises(services.ApprovalVoided):
        services.request_transition(request=obj, action="publish", by=technician, checklist=ALL_CHECKS)
    obj.refresh_from_db()
    assert obj.status == "submitted" and obj.published_at is None


def test_the_requester_may_not_change_files_while_it_staff_prepare(login, requester_a, supervisor_a,
                                                                   make_request):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    attachment = obj.attachments.get()
    response = login(requester_a).post(reverse("publishing:attachment_replace", args=[obj.pk, attachment.pk]),
                                       {"replace-file": upload("x.pdf", pdf_bytes(2))})
    assert response.status_code == 403
    assert status_of(obj) == "approved" and obj.valid_approval() is not None
