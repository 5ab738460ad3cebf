"""The management command of a personal-data purge (helpdesk.retention): ``--days`` and ``--dry-run``.

A process's command names its setting, its purge service and what the files are::

    class Command(PurgeCommand):
        help = "ลบไฟล์สำเนาบัตรประจำตัว … (HELPDESK_ID_CARD_RETENTION_DAYS)"
        setting = "HELPDESK_ID_CARD_RETENTION_DAYS"
        files = "ID-card file(s) of requests finished"
        retention_days = staticmethod(retention_days)
        purge = staticmethod(purge_id_cards)
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand


class PurgeCommand(BaseCommand):
    """Runs ``purge(days=, dry_run=)`` with ``--days`` (default ``retention_days()``) and says how many went."""

    setting = ""  # the setting that --days overrides
    files = ""  # what the purge removes, for the report line

    def retention_days(self) -> int:
        raise ImproperlyConfigured(f"{type(self).__name__} must define retention_days")

    def purge(self, *, days: int, dry_run: bool) -> int:
        raise ImproperlyConfigured(f"{type(self).__name__} must define purge")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=f"override {self.setting}")
        parser.add_argument("--dry-run", action="store_true", help="count only, delete nothing")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = self.retention_days() if days is None else days
        count = self.purge(days=days, dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(f"{verb} {count} {self.files} more than {days} days ago")
