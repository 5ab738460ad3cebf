"""Delete ID-card copies (personal data) a configurable number of days after their request finished."""

from django.core.management.base import BaseCommand

from tickets.network.services import purge_id_cards
from tickets.network.services.privacy import retention_days


class Command(BaseCommand):
    help = "ลบไฟล์สำเนาบัตรประจำตัวของคำขอที่เสร็จสิ้นเกินระยะเวลาเก็บรักษา (HELPDESK_ID_CARD_RETENTION_DAYS)"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override HELPDESK_ID_CARD_RETENTION_DAYS")
        parser.add_argument("--dry-run", action="store_true", help="count only, delete nothing")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else days
        count = purge_id_cards(days=days, dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(f"{verb} {count} ID-card file(s) of requests finished more than {days} days ago")
