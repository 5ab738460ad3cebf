"""In production mode (database task backend) a request only queues e-mail; the worker sends it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tickets.services import ticket_transition

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_a_status_change_queues_the_mail_and_the_worker_sends_it(
    settings, make_ticket, hw, unit_a, requester_a, technician
):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    mail.outbox.clear()
    settings.TASKS = DB_TASKS

    ticket_transition(ticket=ticket, to="in_progress", by=technician)

    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert queued.task_path == "helpdesk.notifications.email.send_email_task"
    assert queued.args_kwargs["kwargs"]["recipients"] == [requester_a.email]

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [[requester_a.email]]
    assert "กำลังดำเนินการ" in mail.outbox[0].subject
