"""E-mail through the task queue, so a request never waits on SMTP (the e-mail channel of the notices)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email_task(subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)


def queue_email(*, subject: str, body: str, recipients: list[str]) -> None:
    try:
        send_email_task.enqueue(subject=str(subject), body=body, recipients=recipients)
    except Exception:
        # A broken mail setup must not lose the user's work; the failure is logged.
        logger.exception("could not queue e-mail %r to %s", subject, recipients)
