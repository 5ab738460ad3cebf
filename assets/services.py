"""Workflows on assets that change state: loans (แบบบันทึกขอยืม, 001; replacement devices, 002 §2 step 4).

Every entry point (the loan form, the tickets app lending a replacement device, the admin) calls these
functions; they lock the asset row, check the rules and keep the asset's status in step with its loans.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assets.models import FISCAL_MONTH_ORDER, Asset, AssetLoan, MaintenancePlanItem, MaintenanceRecord
from helpdesk.models import Unit
from helpdesk.thai import fiscal_year

# An asset in one of these states cannot be lent out.
UNLENDABLE_STATUSES = {
    Asset.Status.ON_LOAN: gettext_lazy("ครุภัณฑ์นี้อยู่ระหว่างการยืม ต้องรับคืนก่อนจึงจะให้ยืมใหม่ได้"),
    Asset.Status.DISPOSED: gettext_lazy("ครุภัณฑ์นี้จำหน่ายแล้ว ให้ยืมไม่ได้"),
    Asset.Status.RETIRED: gettext_lazy("ครุภัณฑ์นี้เลิกใช้งานแล้ว ให้ยืมไม่ได้"),
    Asset.Status.IN_REPAIR: gettext_lazy("ครุภัณฑ์นี้อยู่ระหว่างส่งซ่อม ให้ยืมไม่ได้"),
}


def loan_create(
    *,
    asset: Asset,
    borrower_unit: Unit,
    borrower_name: str,
    purpose: str,
    due_date: dt.date,
    by,
    lent_on: dt.date | None = None,
) -> AssetLoan:
    """Lend an asset; the asset becomes "on loan" and remembers its status for the return.

    Raises ValidationError (Thai message) when the asset cannot be lent or the due date has passed.
    """
    today = timezone.localdate()
    lent_on = lent_on or today
    if due_date < today:
        raise ValidationError(_("กำหนดส่งคืนต้องไม่เป็นวันที่ผ่านมาแล้ว"), code="due_date_past")
    if due_date < lent_on:
        raise ValidationError(_("กำหนดส่งคืนต้องไม่ก่อนวันที่ยืม"), code="due_before_lent")
    if not (borrower_name or "").strip():
        raise ValidationError(_("กรุณาระบุชื่อผู้ยืม"), code="borrower_name")
    if not (purpose or "").strip():
        raise ValidationError(_("กรุณาระบุวัตถุประสงค์การยืม"), code="purpose")
    with transaction.atomic():
        locked = Asset.objects.select_for_update().get(pk=asset.pk)
        if locked.status in UNLENDABLE_STATUSES:
            raise ValidationError(str(UNLENDABLE_STATUSES[locked.status]), code="not_lendable")
        if AssetLoan.objects.open().filter(asset=locked).exists():
            raise ValidationError(str(UNLENDABLE_STATUSES[Asset.Status.ON_LOAN]), code="not_lendable")
        try:
            # A savepoint, so a lost race on the one-open-loan constraint leaves the transaction usable.
            with transaction.atomic():
                loan = AssetLoan.objects.create(
                    asset=locked, borrower_unit=borrower_unit, borrower_name=borrower_name.strip(),
                    purpose=purpose.strip(), lent_on=lent_on, due_date=due_date, lent_by=by,
                    previous_status=locked.status,
                )
        except IntegrityError as error:
            raise ValidationError(str(UNLENDABLE_STATUSES[Asset.Status.ON_LOAN]), code="not_lendable") from error
        locked.status = Asset.Status.ON_LOAN
        locked._history_user = by
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
        locked._history_user = by
        locked.save(update_fields=["returned_at", "return_condition", "received_by"])
        if asset.status == Asset.Status.ON_LOAN:
            asset.status = locked.previous_status or Asset.Status.IN_USE
            asset._history_user = by
            asset.save(update_fields=["status", "updated_at"])
    loan.returned_at, loan.return_condition, loan.received_by = locked.returned_at, locked.return_condition, by
    return locked


def loan_extend(*, loan: AssetLoan, due_date: dt.date, by) -> AssetLoan:
    """Move the due date of a loan still out (e.g. a replacement device kept after the repair is handed over)."""
    if due_date < timezone.localdate():
        raise ValidationError(_("กำหนดส่งคืนต้องไม่เป็นวันที่ผ่านมาแล้ว"), code="due_date_past")
    with transaction.atomic():
        locked = AssetLoan.objects.select_for_update().get(pk=loan.pk)
        if locked.returned_at is not None:
            raise ValidationError(_("รายการยืมนี้รับคืนแล้ว"), code="already_returned")
        if due_date < locked.lent_on:
            raise ValidationError(_("กำหนดส่งคืนต้องไม่ก่อนวันที่ยืม"), code="due_before_lent")
        locked.due_date = due_date
        locked._history_user = by
        locked.save(update_fields=["due_date"])
    loan.due_date = due_date
    return locked


def _fiscal_order(item: MaintenancePlanItem) -> int:
    return FISCAL_MONTH_ORDER.index(item.month)


def plan_item_for(asset: Asset, day: dt.date) -> MaintenancePlanItem | None:
    """The plan line a maintenance on ``day`` fulfils: the group's first line of that fiscal year not yet done."""
    items = list(MaintenancePlanItem.objects.for_asset(asset).filter(fiscal_year=fiscal_year(day)))
    done = set(
        MaintenanceRecord.objects.filter(asset=asset, plan_item__in=items).values_list("plan_item_id", flat=True)
    )
    pending = sorted((item for item in items if item.pk not in done), key=_fiscal_order)
    return pending[0] if pending else None


def maintenance_record_create(
    *,
    asset: Asset,
    performed_on: dt.date,
    checks: str,
    findings: str,
    result: str,
    by,
    plan_item: MaintenancePlanItem | None = None,
) -> MaintenanceRecord:
    """Record a preventive maintenance, counted against the asset group's plan for that fiscal year."""
    if performed_on > timezone.localdate():
        raise ValidationError(_("วันที่บำรุงรักษาต้องไม่เป็นวันในอนาคต"), code="future")
    if asset.status in (Asset.Status.DISPOSED, Asset.Status.RETIRED):
        raise ValidationError(_("ครุภัณฑ์นี้เลิกใช้งานหรือจำหน่ายแล้ว"), code="out_of_service")
    if plan_item is not None and (plan_item.unit_id, plan_item.asset_type) != (asset.unit_id, asset.asset_type):
        raise ValidationError(_("ครุภัณฑ์นี้ไม่อยู่ในกลุ่มของแผนที่เลือก"), code="wrong_group")
    with transaction.atomic():
        Asset.objects.select_for_update().filter(pk=asset.pk).first()
        if plan_item is None or MaintenanceRecord.objects.filter(asset=asset, plan_item=plan_item).exists():
            plan_item = plan_item_for(asset, performed_on)
        record = MaintenanceRecord(
            asset=asset, plan_item=plan_item, performed_on=performed_on, checks=checks.strip(),
            findings=findings.strip(), result=result, performed_by=by,
        )
        record._history_user = by
        record.save()
        if result == MaintenanceRecord.Result.NEEDS_REPAIR:
            from assets.repairs import open_repair_for

            open_repair_for(record, by=by)
    return record
