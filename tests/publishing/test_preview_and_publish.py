from django.urls import reverse

from publishing.models import Event
from tests.publishing.conftest import status_of

CHECKS = {f"publish-{key}": "on" for key in ("verify_display", "verify_positions", "verify_fonts",
                                              "verify_downloads")}


def test_staff_publish_a_preview_at_a_private_url(login, requester_a, supervisor_a, it_head, technician,
                                                  make_request, django_capture_on_commit_callbacks, mailoutbox):
    obj = make_request(requester_a, "accepted", approver=supervisor_a, it_head=it_head)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(technician).post(reverse("publishing:preview", args=[obj.pk]))
    obj.refresh_from_db()
    assert obj.status == "preview" and len(obj.preview_token) >= 40
    assert response["Location"] == obj.get_preview_url()
    assert mailoutbox[-1].to == [requester_a.email] and obj.get_preview_url() in mailoutbox[-1].body
    # Not on the public pages yet.
    assert login(technician).get(obj.get_public_url()).status_code == 404


def test_the_preview_is_seen_only_by_staff_and_the_requester(client, login, requester_a, requester_b, supervisor_a,
                                                            it_head, technician, make_request, unit_a):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    url = obj.get_preview_url()
    for user in (technician, requester_a):
        page = login(user).get(url)
        assert page.status_code == 200 and "preview-banner" in page.content.decode()
        attachment = obj.attachments.get()
        download = login(user).get(reverse("news:preview_attachment", args=[obj.preview_token, attachment.pk]))
        assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert login(requester_b).get(url).status_code == 404
    assert login(supervisor_a).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    assert login(technician).get(reverse("news:preview", args=["guessed-token"])).status_code == 404


def test_publishing_needs_the_display_checklist(login, requester_a, supervisor_a, it_head, technician,
                                                make_request):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    response = login(technician).post(reverse("publishing:publish", args=[obj.pk]),
                                      {"publish-verify_display": "on"})
    assert response.status_code == 200 and "ต้องตรวจข้อนี้" in response.content.decode()
    assert status_of(obj) == "preview"


def test_publishing_records_time_url_and_tells_the_requester(login, requester_a, supervisor_a, it_head, technician,
                                                              make_request, django_capture_on_commit_callbacks,
                                                              mailoutbox):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(technician).post(
            reverse("publishing:publish", args=[obj.pk]),
            {**CHECKS, "publish-external_url": "https://www.example.go.th/news/123"},
        )
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "published" and obj.published_at and obj.published_by == technician
    assert obj.external_url == "https://www.example.go.th/news/123"
    assert obj.working_days_to_publish == 0 and obj.preview_token
    mail = mailoutbox[-1]
    assert mail.to == [requester_a.email] and obj.get_public_url() in mail.body
    assert "https://www.example.go.th/news/123" in mail.body
    page = login(requester_a).get(obj.get_absolute_url()).content.decode()
    assert obj.get_public_url() in page and "โปรดตรวจสอบการแสดงผลอีกครั้ง" in page
    assert Event.objects.filter(request=obj, action="publish", actor=technician).exists()
    # The preview URL dies with publication.
    assert login(technician).get(reverse("news:preview", args=[obj.preview_token])).status_code == 404


def test_requesters_and_supervisors_cannot_publish(login, requester_a, supervisor_a, it_head, technician,
                                                   make_request):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    for user in (requester_a, supervisor_a):
        assert login(user).post(reverse("publishing:publish", args=[obj.pk]), CHECKS).status_code == 403
    assert status_of(obj) == "preview"


def test_staff_can_take_a_preview_back_to_preparation(login, requester_a, supervisor_a, it_head, technician,
                                                      make_request):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    assert login(technician).post(reverse("publishing:unpreview", args=[obj.pk])).status_code == 302
    obj.refresh_from_db()
    assert obj.status == "accepted" and obj.preview_token == ""


def test_staff_withdraw_a_published_post(login, published, technician, client, django_capture_on_commit_callbacks,
                                         mailoutbox, requester_a):
    obj = published()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(technician).post(reverse("publishing:withdraw", args=[obj.pk]),
                                          {"withdraw-note": "ข้อมูลคลาดเคลื่อน"})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "withdrawn" and obj.withdrawn_reason == "ข้อมูลคลาดเคลื่อน"
    assert mailoutbox[-1].to == [requester_a.email]
    client.logout()
    assert client.get(obj.get_public_url()).status_code == 404
