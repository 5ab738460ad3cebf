"""The agency edits its letterhead, registers and team signatories in the admin; issued documents are read only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from helpdesk.correspondence.models import Agency, IssuedDocument, Register
from helpdesk.correspondence.services import document_issue
from tests.correspondence.conftest import emblem_png

pytestmark = pytest.mark.django_db


def test_the_admin_uploads_the_emblem_and_sets_the_prefix(login, admin_user, agency, registers):
    client = login(admin_user)
    url = reverse("admin:correspondence_agency_change", args=[agency.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "name": agency.name, "address": agency.address, "phone": "02 224 1300", "fax": "", "email": "",
        "emblem": SimpleUploadedFile("garuda.png", emblem_png(), "image/png"), "unit_letter_form": "external",
        "separate_memo_register": "on", "default_signer": "", "default_signer_position": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    agency = Agency.current()
    assert agency.emblem and agency.unit_letter_form == "external" and agency.separate_memo_register
    main = registers["main"]
    response = client.post(reverse("admin:correspondence_register_change", args=[main.pk]),
                           {"code": "main", "name": main.name, "prefix": "กท ๐๔๑๐"})
    assert response.status_code == 302
    assert Register.objects.get(pk=main.pk).prefix == "กท ๐๔๑๐"
    assert client.get(reverse("admin:correspondence_signatory_add")).status_code == 200


def test_issued_documents_cannot_be_edited_or_deleted_in_the_admin(login, admin_user, done_ticket, technician):
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    client = login(admin_user)
    assert client.get(reverse("admin:correspondence_issueddocument_changelist")).status_code == 200
    client.post(reverse("admin:correspondence_issueddocument_change", args=[document.pk]), {"subject": "แก้"})
    client.post(reverse("admin:correspondence_issueddocument_delete", args=[document.pk]), {"post": "yes"})
    document.refresh_from_db()
    assert IssuedDocument.objects.filter(pk=document.pk).exists() and document.subject != "แก้"
    assert client.get(reverse("admin:correspondence_issueddocument_add")).status_code == 403
