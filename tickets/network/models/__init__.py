from .accounts import AccountRequest, AccountRequestEvent, IdCardAccess, Service, ServiceAccount
from .common import CheckResult
from .ip_request import IPRequest, IPRequestEvent
from .mac_change import MacChangeEvent, MacChangeRequest
from .subnet import AssignmentEvent, IPAssignment, ReservedRange, Subnet

__all__ = [
    "AccountRequest", "AccountRequestEvent", "AssignmentEvent", "CheckResult", "IPAssignment", "IPRequest",
    "IPRequestEvent", "IdCardAccess", "MacChangeEvent", "MacChangeRequest", "ReservedRange", "Service",
    "ServiceAccount", "Subnet",
]
