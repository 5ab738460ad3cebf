"""Parts workflows; every entry point (views, admin, demo) goes through these functions."""

from tickets.parts.services.disbursements import (
    can_disburse,
    disbursement_cancel,
    disbursement_create,
    disbursement_hand_over,
)
from tickets.parts.services.requests import (
    can_decide,
    can_transition,
    outstanding_part_names,
    part_request_create,
    part_request_transition,
)
from tickets.parts.services.stock import (
    balances,
    can_keep_stock,
    recount_on_hand,
    stock_adjust,
    stock_balance,
    stock_issue,
    stock_receive,
    stock_return,
)

__all__ = [
    "balances",
    "can_decide",
    "can_disburse",
    "can_keep_stock",
    "can_transition",
    "disbursement_cancel",
    "disbursement_create",
    "disbursement_hand_over",
    "outstanding_part_names",
    "part_request_create",
    "part_request_transition",
    "recount_on_hand",
    "stock_adjust",
    "stock_balance",
    "stock_issue",
    "stock_receive",
    "stock_return",
]
