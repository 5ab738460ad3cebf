"""A unit files a development request; staff weigh it; a rejection goes back with a reason (002 §5 steps ๑–๓)."""

import pytest
from django.urls import reverse

from tickets.systems.models import DevRequest, DevRequestEvent

pytestmark = pytest.mark.django_db

FORM = {"title": "ระบบลงเวลาปฏิบัติงาน", "trigger": "strategy", "need": "ลงเวลาด้วยกระดาษ",
        "expected_benefit": "สรุปวันลาอัตโนมัติ"}


def test_a_unit_files_a_request(login, requester_a, technician):
    response = login(requester_a).post(reverse("systems:request_create"), FORM)
    dev_request = DevRequest.objects.get()
    assert response.status_code == 302 and response.url == reverse("systems:request_detail", args=[dev_request.pk])
    assert (dev_request.unit, dev_request.requested_by, dev_request.status) == (
        requester_a.profile.unit, requester_a, DevRequest.Status.SUBMITTED)
    assert dev_request.events.get().to_status == "submitted"


def test_bad_input_is_re_rendered_with_thai_messages(login, requester_a):
    response = login(requester_a).post(reverse("systems:request_create"), {**FORM, "need": "", "trigger": "x"})
    assert response.status_code == 200
    assert "กรุณาอธิบายความต้องการหรือสภาพปัญหา" in response.content.decode()
    assert "ระบบลงเวลาปฏิบัติงาน" in response.content.decode()  # nothing typed is lost
    assert not DevRequest.objects.exists()


def test_a_person_without_a_unit_may_not_file(client, db):
    from tests.conftest import make_user

    client.force_login(make_user("nounit"))
    assert client.get(reverse("systems:request_create")).status_code == 403


def test_staff_accept(login, dev_request, technician):
    response = login(technician).post(reverse("systems:request_accept", args=[dev_request.pk]),
                                      {"note": "สอดคล้องกับยุทธศาสตร์"})
    assert response.status_code == 302
    dev_request.refresh_from_db()
    assert dev_request.status == DevRequest.Status.ACCEPTED and dev_request.reviewed_by == technician
    assert list(dev_request.events.values_list("to_status", flat=True)) == ["submitted", "accepted"]


def test_rejection_goes_back_with_the_reason(login, dev_request, technician, requester_a):
    response = login(technician).post(reverse("systems:request_reject", args=[dev_request.pk]),
                                      {"reason": "ซ้ำกับระบบที่มีอยู่แล้ว"})
    assert response.status_code == 302
    dev_request.refresh_from_db()
    assert dev_request.status == DevRequest.Status.REJECTED and dev_request.review_note == "ซ้ำกับระบบที่มีอยู่แล้ว"
    page = login(requester_a).get(reverse("systems:request_detail", args=[dev_request.pk])).content.decode()
    assert "ซ้ำกับระบบที่มีอยู่แล้ว" in page


def test_rejection_without_a_reason_changes_nothing(login, dev_request, technician):
    response = login(technician).post(reverse("systems:request_reject", args=[dev_request.pk]), {"reason": " "},
                                      follow=True)
    assert "กรุณาระบุเหตุผล" in response.content.decode()
    dev_request.refresh_from_db()
    assert dev_request.status == DevRequest.Status.SUBMITTED
    assert DevRequestEvent.objects.count() == 1


def test_steps_refuse_get(login, dev_request, technician):
    client = login(technician)
    assert client.get(reverse("systems:request_accept", args=[dev_request.pk])).status_code == 405
    assert client.get(reverse("systems:request_reject", args=[dev_request.pk])).status_code == 405


def test_requester_may_not_weigh_their_request(login, dev_request, requester_a):
    response = login(requester_a).post(reverse("systems:request_accept", args=[dev_request.pk]))
    assert response.status_code == 403
    dev_request.refresh_from_db()
    assert dev_request.status == DevRequest.Status.SUBMITTED


def test_other_unit_gets_404(login, dev_request, requester_b):
    client = login(requester_b)
    assert client.get(reverse("systems:request_detail", args=[dev_request.pk])).status_code == 404
    assert client.post(reverse("systems:request_accept", args=[dev_request.pk])).status_code == 404
    assert dev_request.pk not in [r.pk for r in client.get(reverse("systems:request_list")).context["page_obj"]]


def test_a_decided_request_cannot_be_decided_again(login, dev_request, technician):
    client = login(technician)
    client.post(reverse("systems:request_reject", args=[dev_request.pk]), {"reason": "ไม่จำเป็น"})
    response = client.post(reverse("systems:request_accept", args=[dev_request.pk]), follow=True)
    assert "ไม่สามารถเปลี่ยนสถานะ" in response.content.decode()
    dev_request.refresh_from_db()
    assert dev_request.status == DevRequest.Status.REJECTED


def test_list_keeps_a_fixed_number_of_queries(login, requester_a, technician, django_assert_max_num_queries):
    from tickets.systems import services

    for n in range(15):
        services.devrequest_create(dev_request=DevRequest(unit=requester_a.profile.unit, title=f"ระบบ {n}",
                                                          trigger="need", need="x", expected_benefit="y"),
                                   by=requester_a)
    client = login(technician)
    client.get(reverse("systems:request_list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("systems:request_list"))
    assert len(response.context["page_obj"]) == 15
