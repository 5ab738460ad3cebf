"""Delete ID-card copies (personal data) a configurable number of days after their request finished."""

from helpdesk.management.purge import purge_command
from tickets.network.services import purge_id_cards
from tickets.network.services.privacy import retention_days

Command = purge_command(
    purge_id_cards,
    retention_days,
    setting="HELPDESK_ID_CARD_RETENTION_DAYS",
    files="ID-card file(s) of requests finished",
    help="ลบไฟล์สำเนาบัตรประจำตัวของคำขอที่เสร็จสิ้นเกินระยะเวลาเก็บรักษา (HELPDESK_ID_CARD_RETENTION_DAYS)",
)
