"""Hostile text in every field, in the file names and in the letters stays inert text."""


import pytest
from django.urls import reverse

from helpdesk.correspondence.models import IssuedDocument
from helpdesk.correspondence.services import document_draft
from tickets.datarequests import services
from tickets.datarequests.models import DataRequest

from .conftest import HOSTILE, add_file, at, csv_upload, pdf_text

pytestmark = pytest.mark.django_db

RAW = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def hostile_request(client, officer, it_head, deputy, walk):
    client.force_login(officer)
    text_fields = ["letter_number", "organisation", "parent_agency", "contact_name", "contact_phone", "purpose",
                   "data_requested", "scope", "data_owner", "delivery_detail"]
    data = dict.fromkeys(text_fields, HOSTILE)
    data["contact_phone"] = HOSTILE[:50]
    data.update(letter_date="2026-11-20", received_at="2026-11-23T10:00", delivery_method="pickup",
                contact_email="x@example.com")
    from .conftest import pdf_upload

    data["letter_scan"] = pdf_upload()
    response = client.post(reverse("datarequests:create"), data)
    assert response.status_code == 302, response.context["form"].errors
    obj = DataRequest.objects.get()
    assert obj.organisation == HOSTILE and obj.purpose == HOSTILE
    services.data_request_start_screening(request=obj, by=it_head)
    services.data_request_accept(request=obj, by=it_head, officer=officer, note=HOSTILE,
                                 criteria=dict.fromkeys(["crit_rules", "crit_info_act", "crit_purpose", "crit_scope",
                                                         "crit_parent_agency", "crit_ownership"], True))
    services.data_request_start_preparing(request=obj, by=officer)
    add_file(obj, officer, csv_upload(f"{HOSTILE}.csv"))
    services.data_request_submit(request=obj, by=officer, cover_memo=HOSTILE)
    services.data_request_review_return(request=obj, by=it_head, note=HOSTILE)
    services.data_request_submit(request=obj, by=officer, cover_memo=HOSTILE)
    services.data_request_review_pass(request=obj, by=it_head, note=HOSTILE)
    services.data_request_approve(request=obj, by=deputy, note=HOSTILE)
    services.data_request_send_reply(request=obj, by=officer, sent_at=at(2026, 11, 25, 11),
                                     sent_method="pickup", sent_note=HOSTILE)
    return services.data_request_close(request=obj, by=officer, summary=HOSTILE)


def test_pages_show_hostile_text_escaped(client, hostile_request, it_head):
    client.force_login(it_head)
    for path in (reverse("datarequests:detail", args=[hostile_request.pk]), reverse("datarequests:list")):
        content = client.get(path).content.decode()
        assert RAW not in content and "<img src=x" not in content
        assert ESCAPED in content
        assert "{{ 7*7 }}" in content or "{{ 7*7 }}"[:5] in content


def test_letters_show_hostile_text_as_text(client, hostile_request, officer, tmp_path):
    """The issued letters (reply and summary, numbered by the register) print the hostile text literally."""
    client.force_login(officer)
    for kind, code in (("reply", "datarequest_reply"), ("summary", "datarequest_summary")):
        html = document_draft(kind=code, target=hostile_request, as_html=True)
        assert RAW not in html and "<img src=x" not in html and ESCAPED in html
        response = client.get(reverse("datarequests:letter", args=[hostile_request.pk, kind]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text = pdf_text(b"".join(response.streaming_content), tmp_path)
        assert IssuedDocument.objects.get(kind=code).number in text
        assert "<script>alert(1)</script>" in text  # printed literally, not interpreted
        assert "{{ 7*7 }}" in text and '{% now "Y" %}' in text


def test_a_hostile_file_name_is_served_as_an_attachment(client, hostile_request, officer):
    client.force_login(officer)
    data_file = hostile_request.files.get()
    response = client.get(reverse("datarequests:file_download", args=[hostile_request.pk, data_file.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "\n" not in response["Content-Disposition"]


def test_the_csv_export_keeps_the_text(client, hostile_request, it_head):
    client.force_login(it_head)
    response = client.get(reverse("datarequests:list"), {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert hostile_request.reference in body and "alert(1)" in body


def test_notices_go_to_who_acts_next_as_plain_text(mailoutbox, officer, it_head, deputy, make_request, walk,
                                                   django_capture_on_commit_callbacks):
    obj = walk(make_request(officer, organisation=HOSTILE), to="preparing")
    with django_capture_on_commit_callbacks(execute=True):
        services.data_request_submit(request=obj, by=officer, cover_memo="x")
    assert [m.to for m in mailoutbox] == [[it_head.email]]
    assert HOSTILE in mailoutbox[0].body and mailoutbox[0].content_subtype == "plain"
    with django_capture_on_commit_callbacks(execute=True):
        services.data_request_review_pass(request=obj, by=it_head)
    assert mailoutbox[-1].to == [deputy.email] and obj.reference in mailoutbox[-1].subject


def test_a_long_file_name_is_shortened(officer, make_request, walk):
    obj = walk(make_request(officer), to="preparing")
    data_file = add_file(obj, officer, csv_upload("ก" * 400 + ".csv"))
    assert len(data_file.name) == 200


def test_control_characters_leave_the_file_name(officer, make_request, walk):
    obj = walk(make_request(officer), to="preparing")
    data_file = add_file(obj, officer, csv_upload("a\r\nb\x00c.csv"))
    assert data_file.name == "abc.csv"
