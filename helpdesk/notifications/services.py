"""Delivering a notice: always to the inbox, then by each user's channel for its kind (e-mail or LINE).

E-mail and LINE are queued as tasks (helpdesk.notifications.email.send_email_task, line_push_task) and run in the
worker; a request only writes the inbox rows and the queue entries.
"""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from helpdesk.notifications.kinds import GENERAL
from helpdesk.notifications.line import line_enabled
from helpdesk.notifications.models import Channel, ChannelPreference, LineAccount, LineDelivery, Notification

logger = logging.getLogger(__name__)


def channels_for(users, kind: str) -> dict[int, str]:
    """The channel each user chose for `kind` (their "general" choice otherwise; e-mail by default)."""
    ids = [user.pk for user in users]
    chosen: dict[int, dict[str, str]] = {}
    for user_id, pref_kind, channel in ChannelPreference.objects.filter(
        user_id__in=ids, kind__in={kind, GENERAL}
    ).values_list("user_id", "kind", "channel"):
        chosen.setdefault(user_id, {})[pref_kind] = channel
    return {
        user_id: chosen.get(user_id, {}).get(kind) or chosen.get(user_id, {}).get(GENERAL) or Channel.EMAIL
        for user_id in ids
    }


def notice_deliver(
    *, users=(), addresses=(), kind: str, subject: str, body: str, url: str = "", now: dt.datetime | None = None,
    attachments=(),
) -> None:
    """Inbox rows for `users`; e-mail to the addresses of those who chose it and to `addresses` (non-users);
    LINE pushes to those who chose LINE and linked it (e-mail when they have not)."""
    from helpdesk.notifications.email import queue_email

    now = now or timezone.now()
    users = {user.pk: user for user in users if user is not None and user.is_active}.values()
    channel = channels_for(users, kind)
    Notification.objects.bulk_create(
        Notification(user=user, kind=kind, subject=str(subject)[:255], message=body, url=url, created_at=now)
        for user in users
    )
    line_ids = {}
    if line_enabled():
        wanted = [user.pk for user in users if channel[user.pk] == Channel.LINE]
        line_ids = dict(LineAccount.objects.filter(user_id__in=wanted).values_list("user_id", "line_user_id"))
    emails = {address for address in addresses if address}
    for user in users:
        if user.pk in line_ids:
            continue
        if channel[user.pk] in (Channel.EMAIL, Channel.LINE) and user.email:
            emails.add(user.email)
    if emails:
        queue_email(subject=str(subject), body=body, recipients=sorted(emails), attachments=attachments)
    if line_ids:
        text = f"{subject}\n\n{body}".strip()
        if url:
            text += f"\n\n{settings.SITE_URL}{url}" if url.startswith("/") else f"\n\n{url}"
        deliveries = LineDelivery.objects.bulk_create(
            LineDelivery(user_id=user_id, line_user_id=line_id, text=text, created_at=now, next_attempt_at=now)
            for user_id, line_id in line_ids.items()
        )
        ids = [delivery.pk for delivery in deliveries if delivery.pk] or list(
            LineDelivery.objects.filter(created_at=now, line_user_id__in=line_ids.values()).values_list("pk", flat=True)
        )
        transaction.on_commit(lambda: _queue_pushes(ids))


def line_reply(*, line_user_id: str, text: str) -> None:
    """A push to a LINE user who may not be linked (the answer to a link code), through the same retrying task."""
    delivery = LineDelivery.objects.create(line_user_id=line_user_id, text=text)
    transaction.on_commit(lambda: _queue_pushes([delivery.pk]))


def _queue_pushes(ids) -> None:
    from helpdesk.notifications.tasks import line_push_task

    for delivery_id in ids:
        try:
            line_push_task.enqueue(delivery_id)
        except Exception:
            # The delivery row stays pending; the scheduled job (send_reminders) retries it.
            logger.exception("could not queue LINE push %s", delivery_id)


def users_by_email(addresses) -> tuple[list[User], list[str]]:
    """Active users owning these addresses, and the addresses no user owns (team mailboxes, walk-ins)."""
    addresses = sorted({address.strip() for address in addresses if address and address.strip()})
    if not addresses:
        return [], []
    lowered = {address.lower(): address for address in addresses}
    users = list(User.objects.filter(is_active=True, email__in=addresses).order_by("pk"))
    owned = {user.email.lower() for user in users}
    return users, [address for low, address in lowered.items() if low not in owned]


def inbox_mark_read(*, user, pk: int | None = None, now: dt.datetime | None = None) -> int:
    """Mark one notice (or, without pk, every notice) of `user` read; the number changed."""
    qs = Notification.objects.for_user(user).unread()
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(read_at=now or timezone.now())


def retry_due_line_pushes(now: dt.datetime | None = None) -> int:
    """Queue again the pending pushes whose backoff has passed (the deployment's timer calls this)."""
    now = now or timezone.now()
    ids = list(
        LineDelivery.objects.filter(status=LineDelivery.Status.PENDING, next_attempt_at__lte=now, attempts__gt=0)
        .values_list("pk", flat=True)[:500]
    )
    _queue_pushes(ids)
    return len(ids)


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Deliver every notice the registered sources find due at `now`, each key once; the number sent.

    The key is claimed (SentReminder row, unique) in the same transaction that writes the inbox rows, so
    two overlapping runs cannot both send it and a failed delivery is not marked as sent.
    """
    from django.db import IntegrityError

    from helpdesk import reminders
    from helpdesk.notifications.models import SentReminder

    now = now or timezone.now()
    due = list(reminders.collect(now))
    keys = [item.key for item in due]
    sent_keys = set()
    for start in range(0, len(keys), 500):
        sent_keys |= set(SentReminder.objects.filter(key__in=keys[start:start + 500]).values_list("key", flat=True))
    count = 0
    for item in due:
        if item.key in sent_keys or not item.recipients:
            continue
        try:
            with transaction.atomic():
                SentReminder.objects.create(key=item.key, kind=item.kind, sent_at=now,
                                            recipients=len(item.recipients))
                notice_deliver(users=item.recipients, kind=item.kind, subject=str(item.subject),
                               body=str(item.message), url=item.url, now=now)
        except IntegrityError:
            continue  # another run sent it meanwhile
        count += 1
    retry_due_line_pushes(now)
    return count
