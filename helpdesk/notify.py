"""Notices: the in-app inbox, plus e-mail (queued: helpdesk.notifications.email) or LINE by each user's choice.

``notify(recipients=[addresses], …)`` is the entry point for the apps: every address that belongs to an
active user also lands in that user's inbox, and the user's channel choice for ``kind`` decides whether
it goes on by e-mail or LINE (helpdesk.notifications.services.notice_deliver). Addresses no user owns
(team mailboxes, walk-in requesters) get the e-mail as before.
"""

from django.conf import settings
from django.template.loader import render_to_string


def notify(
    *, recipients, subject: str, template: str, context: dict, kind: str = "general", url: str = "", attachments=()
) -> None:
    """Render `template` (plain text); inbox for the users among `recipients`, e-mail/LINE by their choice,
    e-mail to the other addresses. `url` is the path of the record the notice is about; `attachments`,
    (storage name, file name, MIME type) of stored files the e-mail carries (an issued letter)."""
    from helpdesk.notifications.services import notice_deliver, users_by_email

    users, others = users_by_email(recipients)
    if not users and not others:
        return
    context = {"site_url": settings.SITE_URL, **context}
    body = render_to_string(template, context)
    notice_deliver(users=users, addresses=others, kind=kind, subject=str(subject), body=body, url=url,
                   attachments=attachments)
