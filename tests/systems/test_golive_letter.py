"""The go-live letter (004 §7 step ๑๒) through the outgoing register: the register gives its number and date,
reprints are the stored file, another unit cannot see it, a cancelled letter holds back go-live."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse

from helpdesk.correspondence.kinds import get_letter_kind
from helpdesk.correspondence.models import IssuedDocument
from helpdesk.correspondence.services import document_cancel
from tests.correspondence.conftest import norm, pdf_text
from tests.systems.conftest import at
from tickets.systems import services
from tickets.systems.letters import GOLIVE
from tickets.systems.models import Project, ProjectStep

pytestmark = pytest.mark.django_db
DAY = dt.date(2027, 3, 1)


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


@pytest.fixture
def ready(make_project, requester_a, technician, clock):
    """An approved project whose every step but go-live is done, the go-live step started."""
    clock.set(at(DAY, 9))
    project = make_project(requester_a)
    from tests.systems.conftest import pdf_upload

    for step in project.steps.all():
        services.step_start(step=ProjectStep.objects.get(pk=step.pk), by=technician)
        if step.kind == "go_live":
            break
        if step.required_attachment:
            services.step_attach(step=step, by=technician, kind=step.required_attachment, upload=pdf_upload(),
                                 ext="pdf")
        services.step_finish(step=ProjectStep.objects.get(pk=step.pk), by=technician)
    return Project.objects.get(pk=project.pk)


def test_issue_takes_the_registers_number_and_date_and_reprints_are_identical(
    login, ready, technician, requester_a, clock, django_capture_on_commit_callbacks,
):
    client = login(technician)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("systems:golive_letter", args=[ready.pk]),
                               {"go_live_on": be(DAY + dt.timedelta(days=7))}, follow=True)
    document = IssuedDocument.objects.get(kind=GOLIVE)
    assert document.record == ready and document.issued_on == DAY and document.unit == ready.unit
    assert document.number and f"ที่ {document.number}" in response.content.decode()
    ready.refresh_from_db()
    assert ready.go_live_on == DAY + dt.timedelta(days=7)
    assert ready.events.filter(note__contains=document.number).exists()
    stored = document.pdf.read()
    assert hashlib.sha256(stored).hexdigest() == document.sha256
    text = pdf_text(stored)
    assert norm(ready.title) in text and norm("๘ มีนาคม ๒๕๗๐") in text
    # Days later the requester's unit reprints it: the same bytes.
    clock.days(40)
    first = b"".join(login(requester_a).get(reverse("correspondence:pdf", args=[document.pk])).streaming_content)
    assert first == stored
    page = login(technician).get(reverse("systems:project_detail", args=[ready.pk])).content.decode()
    assert reverse("correspondence:pdf", args=[document.pk]) in page and 'id="letter-form"' not in page
    # A second issue is refused: a correction is a replacement in the register.
    later = be(DAY + dt.timedelta(days=60))
    again = client.post(reverse("systems:golive_letter", args=[ready.pk]), {"go_live_on": later}, follow=True)
    assert "ออกหนังสือแจ้งเปิดใช้งานแล้ว" in again.content.decode()
    assert IssuedDocument.objects.filter(kind=GOLIVE).count() == 1
    # With the letter the last step finishes and the project goes live.
    step = ready.steps.get(kind="go_live")
    services.step_finish(step=step, by=technician)
    services.project_go_live(project=Project.objects.get(pk=ready.pk), by=technician)
    assert Project.objects.get(pk=ready.pk).status == Project.Status.LIVE


def test_other_unit_404_requester_403_get_405_bad_date(login, ready, technician, requester_a, requester_b):
    url = reverse("systems:golive_letter", args=[ready.pk])
    assert login(technician).get(url).status_code == 405
    assert login(requester_a).post(url, {"go_live_on": be(DAY)}).status_code == 403
    assert login(requester_b).post(url, {"go_live_on": be(DAY)}).status_code == 404
    past = login(technician).post(url, {"go_live_on": be(DAY - dt.timedelta(days=1))}, follow=True)
    assert "วันเปิดใช้งานต้องไม่ก่อนวันที่หนังสือ" in past.content.decode()
    assert not IssuedDocument.objects.exists()
    services.golive_letter_issue(project=ready, by=technician, go_live_on=DAY)
    document = IssuedDocument.objects.get()
    assert login(requester_b).get(reverse("correspondence:pdf", args=[document.pk])).status_code == 404
    assert login(requester_b).get(reverse("correspondence:draft", args=[GOLIVE, ready.pk])).status_code == 404


def test_a_cancelled_letter_holds_back_go_live_and_demo_targets(ready, technician):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.step_finish(step=ready.steps.get(kind="go_live"), by=technician)
    document = services.golive_letter_issue(project=ready, by=technician, go_live_on=DAY)
    document_cancel(document=document, by=technician, reason="วันเปิดใช้งานเลื่อน")
    assert services.golive_letter_current(ready) is None
    with pytest.raises(ValidationError):
        services.step_finish(step=ready.steps.get(kind="go_live"), by=technician)
    kind = get_letter_kind(GOLIVE)
    assert list(kind.demo_targets(technician)) == [ready]
    # A letter is not ready before the date is set.
    from helpdesk.correspondence.kinds import LetterNotReady

    Project.objects.filter(pk=ready.pk).update(go_live_on=None)
    with pytest.raises(LetterNotReady):
        kind.compose(Project.objects.get(pk=ready.pk))
