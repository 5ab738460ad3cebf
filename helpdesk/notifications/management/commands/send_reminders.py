"""Send the reminders and escalations that are due (run every few minutes: docs/deploy.md)."""

from django.core.management.base import BaseCommand

from helpdesk.notifications.services import reminders_send


class Command(BaseCommand):
    help = "Send due reminders and escalations once each (inbox, e-mail, LINE)."

    def handle(self, *args, **options):
        sent = reminders_send()
        if options["verbosity"] >= 1:
            self.stdout.write(f"sent {sent} reminder(s)")
