"""Delete ID-card copies (personal data) a configurable number of days after their request finished."""

from helpdesk.management.purge import PurgeCommand
from tickets.network.services import purge_id_cards
from tickets.network.services.privacy import retention_days


class Command(PurgeCommand):
    help = "ลบไฟล์สำเนาบัตรประจำตัวของคำขอที่เสร็จสิ้นเกินระยะเวลาเก็บรักษา (HELPDESK_ID_CARD_RETENTION_DAYS)"
    setting = "HELPDESK_ID_CARD_RETENTION_DAYS"
    files = "ID-card file(s) of requests finished"
    retention_days = staticmethod(retention_days)
    purge = staticmethod(purge_id_cards)
