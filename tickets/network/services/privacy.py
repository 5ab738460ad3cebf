"""Personal data (Thai PDPA): ID-card copies are deleted a set number of days after the request finished."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.retention import purge_file

from ..models import AccountRequest, MacChangeRequest


def retention_days() -> int:
    return int(getattr(settings, "HELPDESK_ID_CARD_RETENTION_DAYS", 90))


def purge_id_cards(*, days: int | None = None, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete ID-card files of requests finished more than ``days`` ago; record it on each request."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days() if days is None else days)
    purged = 0
    note = _("ลบสำเนาบัตรประจำตัวตามระยะเวลาเก็บรักษาข้อมูลส่วนบุคคล (%(days)s วัน)") % {
        "days": retention_days() if days is None else days
    }

    def record(obj):
        obj.events.create(from_status=obj.status, to_status=obj.status, by=None, at=now, note=note)

    for model in (AccountRequest, MacChangeRequest):
        due = model.objects.filter(finished_at__lte=cutoff, id_card_purged_at__isnull=True).exclude(id_card="")
        for pk in due.values_list("pk", flat=True):
            if dry_run:
                purged += 1
                continue
            if purge_file(model, pk, field="id_card", purged_field="id_card_purged_at", now=now, record=record):
                purged += 1
    return purged
