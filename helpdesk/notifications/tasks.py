"""The LINE push task: a failed push is tried again later with exponential backoff."""

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from helpdesk.notifications.line import line_enabled, push_text
from helpdesk.notifications.models import LineDelivery

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BASE_DELAY = dt.timedelta(seconds=30)


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, 4 min, 8 min … after the 1st, 2nd, 3rd … failure."""
    return BASE_DELAY * (2 ** (attempts - 1))


@task()
def line_push_task(delivery_id: int) -> str:
    with transaction.atomic():
        delivery = LineDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != LineDelivery.Status.PENDING:
            return "skipped"
        now = timezone.now()
        if delivery.next_attempt_at > now:
            return "not yet"
        if not line_enabled():
            delivery.status = LineDelivery.Status.FAILED
            delivery.last_error = "LINE is not configured"
            delivery.save(update_fields=["status", "last_error"])
            return "failed"
        delivery.attempts += 1
        try:
            push_text(delivery.line_user_id, delivery.text)
        except Exception as error:  # the SDK raises ApiException, urllib3 raises connection errors
            delivery.last_error = str(error)[:500]
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = LineDelivery.Status.FAILED
                logger.warning("LINE push %s failed for good: %s", delivery.pk, error)
            else:
                delivery.next_attempt_at = now + backoff(delivery.attempts)
            delivery.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            if delivery.status == LineDelivery.Status.PENDING and default_task_backend.supports_defer:
                run_after = delivery.next_attempt_at
                transaction.on_commit(lambda: line_push_task.using(run_after=run_after).enqueue(delivery_id))
            return "retry" if delivery.status == LineDelivery.Status.PENDING else "failed"
        delivery.status = LineDelivery.Status.SENT
        delivery.sent_at = now
        delivery.last_error = ""
        delivery.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return "sent"
