from tickets.parts.models.catalogue import Item, ItemQuerySet, Movement
from tickets.parts.models.disbursements import Disbursement, DisbursementCounter, DisbursementLine
from tickets.parts.models.requests import (
    IN_HAND_STATUSES,
    OUTSTANDING_STATUSES,
    PART_TRANSITIONS,
    PartRequest,
    PartRequestEvent,
    PartRequestStatus,
)

__all__ = [
    "IN_HAND_STATUSES",
    "OUTSTANDING_STATUSES",
    "PART_TRANSITIONS",
    "Disbursement",
    "DisbursementCounter",
    "DisbursementLine",
    "Item",
    "ItemQuerySet",
    "Movement",
    "PartRequest",
    "PartRequestEvent",
    "PartRequestStatus",
]
