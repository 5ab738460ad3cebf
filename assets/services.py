"""Loans of assets (replacement devices during repairs, 002 §2 step 4).

Minimal version written by the tickets branch; the assets branch owns this module and its
fuller version replaces this one at merge (same signatures).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assets.models import Asset, AssetLoan


def loan_create(*, asset: Asset, borrower_unit, borrower_name: str, purpose: str, due_date: dt.date, by) -> AssetLoan:
    """Lend an asset; it becomes "on loan" and remembers its status for the return."""
    if due_date < timezone.localdate():
        raise ValidationError(_("กำหนดส่งคืนต้องไม่เป็นวันที่ผ่านมาแล้ว"), code="due_date_past")
    if not (borrower_name or "").strip():
        raise ValidationError(_("กรุณาระบุชื่อผู้ยืม"), code="borrower_name")
    with transaction.atomic():
        locked = Asset.objects.select_for_update().get(pk=asset.pk)
        if locked.status in (Asset.Status.DISPOSED, Asset.Status.RETIRED):
            raise ValidationError(_("ครุภัณฑ์นี้จำหน่ายหรือเลิกใช้งานแล้ว ให้ยืมไม่ได้"), code="not_lendable")
        if locked.status == Asset.Status.ON_LOAN or AssetLoan.objects.open().filter(asset=locked).exists():
            raise ValidationError(_("ครุภัณฑ์นี้อยู่ระหว่างการยืม ต้องรับคืนก่อนจึงจะให้ยืมใหม่ได้"), code="not_lendable")
        try:
            with transaction.atomic():
                loan = AssetLoan.objects.create(
                    asset=locked, borrower_unit=borrower_unit, borrower_name=borrower_name.strip(),
                    purpose=purpose.strip(), due_date=due_date, lent_by=by, previous_status=locked.status,
                )
        except IntegrityError as error:
            raise ValidationError(
                _("ครุภัณฑ์นี้อยู่ระหว่างการยืม ต้องรับคืนก่อนจึงจะให้ยืมใหม่ได้"), code="not_lendable"
            ) from error
        locked.status = Asset.Status.ON_LOAN
        locked.save(update_fields=["status", "updated_at"])
    asset.status = locked.status
    return loan


def loan_return(*, loan: AssetLoan, condition: str, by) -> AssetLoan:
    """Receive a lent asset back; the asset returns to the status it had before the loan."""
    if not (condition or "").strip():
        raise ValidationError(_("กรุณาระบุสภาพครุภัณฑ์เมื่อรับคืน"), code="condition")
    with transaction.atomic():
        asset = Asset.objects.select_for_update().get(pk=loan.asset_id)
        locked = AssetLoan.objects.select_for_update().get(pk=loan.pk)
        if locked.returned_at is not None:
            raise ValidationError(_("รายการยืมนี้รับคืนแล้ว"), code="already_returned")
        locked.returned_at = timezone.now()
        locked.return_condition = condition.strip()
        locked.received_by = by
        locked.save(update_fields=["returned_at", "return_condition", "received_by"])
        if asset.status == Asset.Status.ON_LOAN:
            asset.status = locked.previous_status or Asset.Status.IN_USE
            asset.save(update_fields=["status", "updated_at"])
    loan.returned_at, loan.return_condition, loan.received_by = locked.returned_at, locked.return_condition, by
    return locked
