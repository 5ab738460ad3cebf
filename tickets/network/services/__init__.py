from .accounts import (
    ACCOUNT_REQUEST_TRANSITIONS,
    account_request_approve,
    account_request_cancel,
    account_request_complete,
    account_request_create,
    account_request_resubmit,
    account_request_return,
)
from .common import TransitionNotAllowed
from .ip import IP_REQUEST_TRANSITIONS, IP_STEPS, assignment_release, ip_request_assign, mac_in_use_error
from .mac import MAC_CHANGE_TRANSITIONS, MAC_STEPS, mac_change_apply
from .privacy import purge_id_cards

# The steps IP requests and MAC changes share (tickets/network/services/common.py CheckedRequestSteps).
ip_request_create, ip_request_resubmit, ip_request_return, ip_request_cancel, ip_request_record_checks = (
    IP_STEPS.functions())
mac_change_create, mac_change_resubmit, mac_change_return, mac_change_cancel, mac_change_record_checks = (
    MAC_STEPS.functions())

__all__ = [
    "ACCOUNT_REQUEST_TRANSITIONS", "IP_REQUEST_TRANSITIONS", "IP_STEPS", "MAC_CHANGE_TRANSITIONS", "MAC_STEPS",
    "TransitionNotAllowed",
    "account_request_approve", "account_request_cancel", "account_request_complete", "account_request_create",
    "account_request_resubmit", "account_request_return", "assignment_release", "ip_request_assign",
    "ip_request_cancel", "ip_request_create", "ip_request_record_checks", "ip_request_resubmit",
    "ip_request_return", "mac_change_apply", "mac_change_cancel", "mac_change_create", "mac_change_record_checks",
    "mac_change_resubmit",
    "mac_change_return", "mac_in_use_error", "purge_id_cards",
]
