"""Demo unit requests: one waiting for the supervisor, one returned with a reason, one whose disbursement is
prepared (the stock officer records the hand-over on it), and an equipment loan (lent when a spare device of
its type is free). Safe to run twice."""

import contextlib
import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from assets.models import Asset
from tickets.plugins.disbursements import stock_items

from . import services
from .models import UnitRequest

MARKER_PURPOSE = "เปลี่ยนตลับหมึกเครื่องพิมพ์ที่เคาน์เตอร์งานทะเบียนราษฎร"


def seed(command, options) -> None:
    if UnitRequest.objects.filter(purpose=MARKER_PURPOSE).exists():
        return
    users = {user.username: user for user in User.objects.filter(
        username__in=["requester", "supervisor", "stock", "technician"])}
    if len(users) < 4:
        return
    requester, supervisor, stock, technician = (users[name] for name in ("requester", "supervisor", "stock",
                                                                           "technician"))
    items = list(stock_items()[:3]) if stock_items() is not None else []
    first = items[0] if items else None
    today = timezone.localdate()

    services.unit_request_create(kind="consumables", by=requester, purpose="ใช้ในงานบริการประชาชนช่วงเทศกาล",
                                 lines=[(first, "" if first else "กระดาษ A4", 2), (None, "แผ่นรองเมาส์", 3)])
    returned = services.unit_request_create(kind="consumables", by=requester, purpose="ขอเมาส์สำรอง",
                                            lines=[(None, "เมาส์ไร้สาย", 5)])
    services.unit_request_return(request=returned, by=supervisor,
                                 reason="ระบุจำนวนเครื่องที่ใช้งานจริงและเหตุผลที่ต้องใช้แบบไร้สาย")

    prepared = services.unit_request_create(kind="consumables", by=requester, purpose=MARKER_PURPOSE,
                                             lines=[(item, "", 1) for item in items[:2]] or [(None, "ตลับหมึก", 1)])
    services.unit_request_approve(request=prepared, by=supervisor, note="อนุมัติ")
    with contextlib.suppress(ValidationError):  # too little in this demo stock: it stays approved
        services.unit_request_prepare(request=prepared, by=stock, items={})

    loan = services.unit_request_create(
        kind="loan", by=requester, purpose="นำเสนอผลงานในการประชุมประจำเดือนของสำนักงานเขต",
        equipment_type=Asset.Type.NOTEBOOK, equipment_detail="โน้ตบุ๊กพร้อมสาย HDMI 1 เครื่อง",
        loan_from=today + dt.timedelta(days=1), loan_until=today + dt.timedelta(days=5))
    services.unit_request_approve(request=loan, by=supervisor)
    spare = Asset.objects.filter(asset_type=Asset.Type.NOTEBOOK, status=Asset.Status.SPARE).first()
    if spare is not None:
        with contextlib.suppress(ValidationError):
            services.unit_request_lend(request=loan, by=technician, asset=spare, borrower_name="สมศรี ใจดี")
