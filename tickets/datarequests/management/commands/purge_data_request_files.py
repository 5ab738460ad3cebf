"""Delete personal-data files of data requests a configurable number of days after the request closed."""

from helpdesk.management.purge import PurgeCommand
from tickets.datarequests.services import data_files_purge, retention_days


class Command(PurgeCommand):
    help = "ลบไฟล์ข้อมูลส่วนบุคคลของคำขอข้อมูลที่ปิดเรื่องเกินระยะเวลาเก็บรักษา (HELPDESK_DATA_FILE_RETENTION_DAYS)"
    setting = "HELPDESK_DATA_FILE_RETENTION_DAYS"
    files = "personal data file(s) of data requests closed"
    retention_days = staticmethod(retention_days)
    purge = staticmethod(data_files_purge)
