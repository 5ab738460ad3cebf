"""No double booking, enforced by PostgreSQL itself: an exclusion constraint over tstzrange(starts_at, ends_at)
per room, and per video-conference account whose limit is one meeting at a time (vc_exclusive).

Ranges are half-open '[)': a meeting may start when the previous one ends. Cancelled bookings do not count.
On SQLite (development, tests) nothing is created; services.booking_create checks under a locked
transaction on every backend.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CONSTRAINTS = {
    "meetings_no_overlap_room": "room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&",
    "meetings_no_overlap_vc": "vc_account_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&",
}
CONDITIONS = {
    "meetings_no_overlap_room": "status <> 'cancelled' AND room_id IS NOT NULL",
    "meetings_no_overlap_vc": "status <> 'cancelled' AND vc_exclusive AND vc_account_id IS NOT NULL",
}


def add_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, expressions in CONSTRAINTS.items():
        schema_editor.execute(
            f"ALTER TABLE meetings_booking ADD CONSTRAINT {name} "
            f"EXCLUDE USING gist ({expressions}) WHERE ({CONDITIONS[name]})"
        )


def drop_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE meetings_booking DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_rooms_accounts_bookings"),
    ]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(add_constraints, drop_constraints),
    ]
