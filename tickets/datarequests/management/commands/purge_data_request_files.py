"""Delete personal-data files of data requests a configurable number of days after the request closed."""

from helpdesk.management.purge import purge_command
from tickets.datarequests.services import data_files_purge, retention_days

Command = purge_command(
    data_files_purge,
    retention_days,
    setting="HELPDESK_DATA_FILE_RETENTION_DAYS",
    files="personal data file(s) of data requests closed",
    help="ลบไฟล์ข้อมูลส่วนบุคคลของคำขอข้อมูลที่ปิดเรื่องเกินระยะเวลาเก็บรักษา (HELPDESK_DATA_FILE_RETENTION_DAYS)",
)
