"""Delete personal-data files of data requests a configurable number of days after the request closed."""

from django.core.management.base import BaseCommand

from tickets.datarequests.services import data_files_purge, retention_days


class Command(BaseCommand):
    help = "ลบไฟล์ข้อมูลส่วนบุคคลของคำขอข้อมูลที่ปิดเรื่องเกินระยะเวลาเก็บรักษา (HELPDESK_DATA_FILE_RETENTION_DAYS)"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override HELPDESK_DATA_FILE_RETENTION_DAYS")
        parser.add_argument("--dry-run", action="store_true", help="count only, delete nothing")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else days
        count = data_files_purge(days=days, dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(f"{verb} {count} personal data file(s) of data requests closed more than {days} days ago")
