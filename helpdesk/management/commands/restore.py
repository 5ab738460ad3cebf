from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from helpdesk.backup import restore


class Command(BaseCommand):
    help = "Restore a backup folder into the configured, empty database and MEDIA_ROOT, then verify it."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)

    def handle(self, *args, source: Path, **options):
        try:
            problems = restore(source)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if problems:
            raise CommandError("restore verification failed:\n" + "\n".join(problems))
        self.stdout.write("restored and verified: every table's rows and every file are back")
