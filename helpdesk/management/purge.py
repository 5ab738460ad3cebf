"""The management command of a personal-data purge (helpdesk.retention), built from its parts by
:func:`purge_command`: ``--days`` (default: the retention the setting gives) and ``--dry-run``."""

from collections.abc import Callable

from django.core.management.base import BaseCommand


def purge_command(
    purge: Callable[..., int], retention_days: Callable[[], int], *, setting: str, files: str, help: str
) -> type[BaseCommand]:
    """A ``Command`` class that runs ``purge(days=, dry_run=)`` and says how many `files` went (or would go);
    `setting` names what ``--days`` overrides."""

    class Command(BaseCommand):
        def add_arguments(self, parser):
            parser.add_argument("--days", type=int, default=None, help=f"override {setting}")
            parser.add_argument("--dry-run", action="store_true", help="count only, delete nothing")

        def handle(self, *args, days=None, dry_run=False, **options):
            days = retention_days() if days is None else days
            count = purge(days=days, dry_run=dry_run)
            verb = "would remove" if dry_run else "removed"
            self.stdout.write(f"{verb} {count} {files} more than {days} days ago")

    Command.help = help
    return Command
