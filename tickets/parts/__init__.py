"""Spare parts and consumables (SPEC §3): part requests on tickets, the stock ledger, disbursements to units."""
