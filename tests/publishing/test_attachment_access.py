from django.urls import reverse

from tests.conftest import make_user


def test_before_publishing_another_unit_gets_404_for_attachments(login, requester_a, requester_b, supervisor_b,
                                                                 make_request, supervisor_a):
    obj = make_request(requester_a, "approved", approver=supervisor_a)
    url = reverse("publishing:attachment", args=[obj.pk, obj.attachments.get().pk])
    for outsider in (requester_b, supervisor_b):
        assert login(outsider).get(url).status_code == 404


def test_the_requester_supervisor_and_staff_download_as_attachment(login, requester_a, supervisor_a, technician,
                                                                   make_request):
    obj = make_request(requester_a, "submitted")
    attachment = obj.attachments.get()
    url = reverse("publishing:attachment", args=[obj.pk, attachment.pk])
    for user in (requester_a, supervisor_a, technician):
        response = login(user).get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_anonymous_users_are_sent_to_login(client, requester_a, make_request):
    obj = make_request(requester_a, "submitted")
    response = client.get(reverse("publishing:attachment", args=[obj.pk, obj.attachments.get().pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_attachment_id_from_another_request_is_404(login, requester_a, make_request):
    first = make_request(requester_a, "submitted")
    second = make_request(requester_a, "submitted")
    url = reverse("publishing:attachment", args=[first.pk, second.attachments.get().pk])
    assert login(requester_a).get(url).status_code == 404


def test_uploaded_files_have_no_public_media_url(client, requester_a, make_request):
    obj = make_request(requester_a, "submitted")
    assert client.get("/media/" + obj.attachments.get().file.name).status_code == 404
    assert client.get("/media-not-served/" + obj.attachments.get().file.name).status_code == 404


def test_a_draft_attachment_is_private_to_its_author(login, requester_a, unit_a, make_request):
    obj = make_request(requester_a)
    colleague = make_user("colleague", "requester", unit=unit_a)
    url = reverse("publishing:attachment", args=[obj.pk, obj.attachments.get().pk])
    assert login(colleague).get(url).status_code == 404
