"""Personal-data retention (Thai PDPA): delete a stored file a set time after its record finished.

One routine for every process that keeps personal files (ID-card copies of account requests,
personal data files of data requests …): the row is locked, the file field cleared and the
purge time recorded (and the caller's ``record`` writes the history event) in one transaction;
the file itself goes only after that commit succeeded, so a failed save leaves the file in place.
"""

import datetime as dt
from collections.abc import Callable

from django.db import models, transaction


def purge_file(
    model: type[models.Model],
    pk: int,
    *,
    field: str,
    purged_field: str,
    now: dt.datetime,
    record: Callable[[models.Model], None] | None = None,
) -> bool:
    """Clear ``field`` of row ``pk``, set ``purged_field`` to ``now``, call ``record(obj)``; then delete the file.

    Returns False when the row has no file any more (purged meanwhile).
    """
    with transaction.atomic():
        obj = model.objects.select_for_update().get(pk=pk)
        stored = getattr(obj, field)
        if not stored:
            return False
        name, storage = stored.name, stored.storage
        setattr(obj, field, "")
        setattr(obj, purged_field, now)
        obj.save(update_fields=[field, purged_field])
        if record is not None:
            record(obj)
    storage.delete(name)
    return True
