"""Personal data (Thai PDPA): ID-card copies are deleted a set number of days after the request finished."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AccountRequest, MacChangeRequest


def retention_days() -> int:
    return int(getattr(settings, "HELPDESK_ID_CARD_RETENTION_DAYS", 90))


def purge_id_cards(*, days: int | None = None, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete ID-card files of requests finished more than ``days`` ago; record it on each request."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days() if days is None else days)
    purged = 0
    for model in (AccountRequest, MacChangeRequest):
        due = model.objects.filter(finished_at__lte=cutoff, id_card_purged_at__isnull=True).exclude(id_card="")
        for pk in due.values_list("pk", flat=True):
            if dry_run:
                purged += 1
                continue
            with transaction.atomic():
                obj = model.objects.select_for_update().get(pk=pk)
                if not obj.id_card:
                    continue
                name = obj.id_card.name
                storage = obj.id_card.storage
                obj.id_card = ""
                obj.id_card_purged_at = now
                obj.save(update_fields=["id_card", "id_card_purged_at"])
                obj.events.create(
                    from_status=obj.status, to_status=obj.status, by=None, at=now,
                    note=_("ลบสำเนาบัตรประจำตัวตามระยะเวลาเก็บรักษาข้อมูลส่วนบุคคล (%(days)s วัน)")
                    % {"days": retention_days() if days is None else days},
                )
            # The file goes only after the row (and its event) is saved: a failed save leaves the file in place.
            storage.delete(name)
            purged += 1
    return purged
