import pathlib

import pytest
from django.core.files.base import ContentFile

from helpdesk.correspondence.services import document_issue
from tests.correspondence.conftest import emblem_png

OUT = pathlib.Path("/tmp/h16pdf")
OUT.mkdir(exist_ok=True)


@pytest.mark.django_db
def test_render(done_ticket, make_done_ticket, technician, agency):
    from tickets.models import Status
    for emblem in (False, True):
        if emblem:
            agency.emblem.save("emblem.png", ContentFile(emblem_png()), save=True)
        for form in ("memo", "external"):
            agency.unit_letter_form = form
            agency.save()
            doc = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
            (OUT / f"summary-{form}-{'emblem' if emblem else 'none'}.pdf").write_bytes(doc.pdf.read())
        doc = document_issue(kind="ticket_disposal", target=make_done_ticket(status=Status.UNREPAIRABLE), by=technician)
        (OUT / f"disposal-{'emblem' if emblem else 'none'}.pdf").write_bytes(doc.pdf.read())
