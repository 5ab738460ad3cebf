"""Demo: run the reminder job once so the inboxes show due and overdue work (safe to run twice)."""

from helpdesk.notifications.services import reminders_send


def seed(command, options) -> None:
    sent = reminders_send()
    command.stdout.write(f"notifications: {sent} reminders sent")
