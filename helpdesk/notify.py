"""E-mail notifications, sent through the task queue so a request never waits on SMTP."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email_task(subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)


def notify(*, recipients, subject: str, template: str, context: dict) -> None:
    """Render `template` (plain text) and queue one e-mail to every non-empty address."""
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return
    context = {"site_url": settings.SITE_URL, **context}
    body = render_to_string(template, context)
    try:
        send_email_task.enqueue(subject=str(subject), body=body, recipients=addresses)
    except Exception:
        # A broken mail setup must not lose the user's work; the failure is logged.
        logger.exception("could not queue e-mail %r to %s", subject, addresses)
