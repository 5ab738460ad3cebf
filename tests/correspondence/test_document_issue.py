"""Issuing stores the document once (number, date, PDF, SHA-256); reprints serve the same bytes; corrections cancel."""

import datetime as dt
import hashlib
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from helpdesk.correspondence.models import IssuedDocument, Signatory
from helpdesk.correspondence.services import document_cancel, document_issue
from tests.correspondence.conftest import norm, pdf_text
from tickets.models import Status

pytestmark = pytest.mark.django_db


def test_issuing_stores_number_date_subject_addressee_record_issuer_and_the_pdf_hash(done_ticket, technician,
                                                                                    it_head):
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    document.refresh_from_db()
    body = document.pdf.read()
    assert body.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(body).hexdigest() and document.size == len(body)
    assert document.record == done_ticket and document.unit == done_ticket.unit
    assert document.issued_by == technician and document.issued_on == timezone.localdate()
    assert document.subject.startswith("รายงานผลการซ่อมบำรุง") and done_ticket.unit.name in document.addressee
    assert document.kind == "ticket_summary" and document.form == "memo" and not document.is_cancelled
    text = pdf_text(body)
    assert norm(f"ที่ {document.number}") in text and "บันทึกข้อความ" in text


def test_the_team_head_signs_and_the_technician_is_named_in_the_body(done_ticket, technician, it_head, team_a):
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    assert document.signer == it_head and document.signer_name == it_head.get_full_name()
    text = pdf_text(document.pdf.read())
    closing = text.index(norm("จึงเรียนมาเพื่อโปรดทราบ"))
    signature, body = text[closing:], text[:closing]
    assert norm(it_head.get_full_name()) in signature and norm(technician.get_full_name()) not in signature
    assert norm(technician.get_full_name()) in body


def test_a_configured_team_signatory_and_position_replace_the_head(done_ticket, technician, team_a, supervisor_a):
    Signatory.objects.create(team=team_a, signer=supervisor_a, position="หัวหน้าฝ่ายบริการ 1")
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    assert (document.signer, document.signer_position) == (supervisor_a, "หัวหน้าฝ่ายบริการ 1")
    assert norm("หัวหน้าฝ่ายบริการ ๑") in pdf_text(document.pdf.read())  # Thai digits in the printed position


def test_a_reprint_days_later_is_the_same_file_byte_for_byte(done_ticket, technician, requester_a, login):
    with mock.patch("django.utils.timezone.now",
                    return_value=timezone.make_aware(dt.datetime(2026, 11, 20, 9, 0))):
        document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    stored = document.pdf.read()
    with mock.patch("django.utils.timezone.now",
                    return_value=timezone.make_aware(dt.datetime(2027, 2, 3, 15, 0))):
        first = b"".join(login(requester_a).get(reverse("correspondence:pdf", args=[document.pk])).streaming_content)
        via_ticket = login(requester_a).get(reverse("tickets:letter", args=[done_ticket.pk]))
        second = b"".join(via_ticket.streaming_content)
    assert first == stored == second
    assert hashlib.sha256(first).hexdigest() == document.sha256
    assert norm("วันที่ ๒๐ พฤศจิกายน ๒๕๖๙") in pdf_text(first)
    assert IssuedDocument.objects.count() == 1


def test_a_correction_is_a_new_document_that_cancels_the_old_with_a_reason(done_ticket, technician):
    old = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    old_bytes = old.pdf.read()
    with pytest.raises(ValidationError):
        document_issue(kind="ticket_summary", target=done_ticket, by=technician, replaces=old, reason="  ")
    new = document_issue(kind="ticket_summary", target=done_ticket, by=technician, replaces=old,
                         reason="แก้ชื่อหน่วยงานผิด")
    old.refresh_from_db()
    assert new.sequence == old.sequence + 1 and new.replaces == old
    assert old.is_cancelled and old.cancel_reason == "แก้ชื่อหน่วยงานผิด" and old.cancelled_by == technician
    assert old.pdf.read() == old_bytes  # the cancelled file stays as issued
    with pytest.raises(ValidationError):
        document_issue(kind="ticket_summary", target=done_ticket, by=technician, replaces=old, reason="อีกครั้ง")


def test_cancelling_needs_a_reason_and_happens_once(done_ticket, technician):
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    with pytest.raises(ValidationError):
        document_cancel(document=document, by=technician, reason="")
    document_cancel(document=document, by=technician, reason="ออกซ้ำโดยไม่ตั้งใจ")
    with pytest.raises(ValidationError):
        document_cancel(document=document, by=technician, reason="อีกครั้ง")
    document.refresh_from_db()
    assert document.cancel_reason == "ออกซ้ำโดยไม่ตั้งใจ"


def test_a_letter_for_unfinished_work_is_refused_and_takes_no_number(make_ticket, unit_a, hw, technician, agency):
    ticket = make_ticket(unit_a, hw, by=technician)
    assert ticket.status == Status.NEW
    with pytest.raises(ValidationError):
        document_issue(kind="ticket_summary", target=ticket, by=technician)
    assert not IssuedDocument.objects.exists()


def test_the_unit_is_emailed_the_issued_letter_as_an_attachment(done_ticket, technician, unit_a, requester_a,
                                                                 django_capture_on_commit_callbacks):
    unit_a.email = "bangkhen@example.go.th"
    unit_a.save()
    done_ticket.unit.email = unit_a.email
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    message = mail.outbox[-1]
    assert set(message.to) == {"bangkhen@example.go.th", requester_a.email}
    assert document.number in message.subject
    (name, content, mimetype), = message.attachments
    assert mimetype == "application/pdf" and content == document.pdf.read()
    assert reverse("correspondence:pdf", args=[document.pk]) in message.body


def test_the_job_done_email_carries_the_issued_summary_letter(make_ticket, unit_a, hw, requester_a, technician,
                                                               agency, django_capture_on_commit_callbacks):
    from tests.tickets.conftest import FULL_PATH
    from tickets.services import ticket_transition

    ticket = make_ticket(unit_a, hw, requester=requester_a, by=technician)
    for status, fields in FULL_PATH[:3]:  # to quality check: the letter may be issued from here on
        ticket_transition(ticket=ticket, to=status, by=technician, **fields)
    document = document_issue(kind="ticket_summary", target=ticket, by=technician)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_transition(ticket=ticket, to=Status.READY_FOR_PICKUP, by=technician)
    message = next(m for m in mail.outbox if ticket.number in m.subject and requester_a.email in m.to)
    (name, content, mimetype), = message.attachments
    assert (name, mimetype, content) == (document.filename, "application/pdf", document.pdf.read())
    assert reverse("correspondence:pdf", args=[document.pk]) in message.body


def test_the_job_done_email_without_an_issued_letter_has_no_attachment(make_ticket, unit_a, hw, requester_a,
                                                                       technician, django_capture_on_commit_callbacks):
    from tests.tickets.conftest import FULL_PATH
    from tickets.services import ticket_transition

    ticket = make_ticket(unit_a, hw, requester=requester_a, by=technician)
    for status, fields in FULL_PATH[:3]:
        ticket_transition(ticket=ticket, to=status, by=technician, **fields)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_transition(ticket=ticket, to=Status.READY_FOR_PICKUP, by=technician)
    message = next(m for m in mail.outbox if ticket.number in m.subject and requester_a.email in m.to)
    assert message.attachments == []


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_attachment_survives_the_database_task_queue(settings, done_ticket, technician, requester_a):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    mail.outbox.clear()
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    queued = DBTaskResult.objects.get(task_path="helpdesk.notifications.email.send_email_task")
    assert queued.args_kwargs["kwargs"]["attachments"] == [[document.pdf.name, document.filename, "application/pdf"]]
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert mail.outbox[0].attachments[0][1] == document.pdf.read()
