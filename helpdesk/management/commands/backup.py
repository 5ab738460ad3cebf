from pathlib import Path

from django.core.management.base import BaseCommand

from helpdesk.backup import backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a folder (see docs/deploy.md)."

    def add_arguments(self, parser):
        parser.add_argument("target", type=Path)

    def handle(self, *args, target: Path, **options):
        manifest = backup(target)
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"backed up {len(manifest['tables'])} tables, {rows} rows, "
                          f"{len(manifest['files'])} files into {target}")
