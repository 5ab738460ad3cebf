"""Send the reminders and escalations that are due (run every few minutes: docs/deploy.md)."""

from django.core.management.base import BaseCommand

from helpdesk.notifications.services import reminders_send
from helpdesk.ratelimit import prune_expired_counters


class Command(BaseCommand):
    help = "Send due reminders and escalations once each (inbox, e-mail, LINE); delete expired rate counters."

    def handle(self, *args, **options):
        sent = reminders_send()
        pruned = prune_expired_counters()
        if options["verbosity"] >= 1:
            self.stdout.write(f"sent {sent} reminder(s); deleted {pruned} expired rate counter(s)")
