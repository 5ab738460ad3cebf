"""E-mail through the task queue, so a request never waits on SMTP (the e-mail channel of the notices)."""

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage, send_mail
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email_task(subject: str, body: str, recipients: list[str], attachments: list | None = None) -> int:
    if not attachments:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    # Files travel through the queue by storage name (task arguments must be JSON); read them here.
    for name, filename, mimetype in attachments:
        with default_storage.open(name, "rb") as file:
            message.attach(filename, file.read(), mimetype)
    return message.send(fail_silently=False)


def queue_email(*, subject: str, body: str, recipients: list[str], attachments=()) -> None:
    """`attachments`: (storage name, file name, MIME type) of stored files to attach."""
    try:
        extra = {"attachments": [list(item) for item in attachments]} if attachments else {}
        send_email_task.enqueue(subject=str(subject), body=body, recipients=recipients, **extra)
    except Exception:
        # A broken mail setup must not lose the user's work; the failure is logged.
        logger.exception("could not queue e-mail %r to %s", subject, recipients)
