"""Notices: e-mail sent through the task queue so a request never waits on SMTP, plus the in-app inbox.

``notify(recipients=[addresses], …)`` is the entry point for the apps: every address that belongs to an
active user also lands in that user's inbox, and the user's channel choice for ``kind`` decides whether
it goes on by e-mail or LINE (helpdesk.notifications.services.notice_deliver). Addresses no user owns
(team mailboxes, walk-in requesters) get the e-mail as before.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
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


def notify(*, recipients, subject: str, template: str, context: dict, kind: str = "general", url: str = "") -> None:
    """Render `template` (plain text); inbox for the users among `recipients`, e-mail/LINE by their choice,
    e-mail to the other addresses. `url` is the path of the record the notice is about."""
    from helpdesk.notifications.services import notice_deliver, users_by_email

    users, others = users_by_email(recipients)
    if not users and not others:
        return
    context = {"site_url": settings.SITE_URL, **context}
    body = render_to_string(template, context)
    notice_deliver(users=users, addresses=others, kind=kind, subject=str(subject), body=body, url=url)
