"""Demo data: subnets, an IP registry, IP/MAC/account requests in every state. Safe to run twice."""

import datetime as dt
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from helpdesk.demo import demo_accounts, demo_clock, past_without_notices, png_bytes, working_moment
from helpdesk.models import Unit

from . import services
from .defaults import DEFAULT_SERVICES
from .models import AccountRequest, IPRequest, MacChangeRequest, ReservedRange, Service, ServiceAccount, Subnet

SUBNETS = [
    ("เครือข่ายสำนักงานเขตบางเขน", "10.50.1.0/24", "10.50.1.1", 501, [("10.50.1.1", "10.50.1.20", "สวิตช์และเราเตอร์")]),
    ("เครือข่ายสำนักงานเขตลาดกระบัง", "10.60.1.0/24", "10.60.1.1", 601, [("10.60.1.1", "10.60.1.20", "อุปกรณ์เครือข่าย")]),
    ("เครือข่ายศาลาว่าการ", "10.1.0.0/23", "10.1.0.1", 10,
     [("10.1.0.1", "10.1.0.50", "เครื่องแม่ข่ายและอุปกรณ์เครือข่าย"), ("10.1.1.240", "10.1.1.254", "เครื่องพิมพ์ส่วนกลาง")]),
]
SERVICES = DEFAULT_SERVICES
MARKER = "DEMO-NET"
NEW_STAFF = ["นางสาวกานดา มีสุข", "นายธีรพงษ์ แก้วกล้า", "นางสาวศิริพร ทองคำ", "นายปกรณ์ ใจเย็น", "นางสาวอรุณี สว่างใจ",
             "นายภานุวัฒน์ ศรีทอง", "นางสาวชุติมา บุญรอด", "นายเกียรติศักดิ์ พูลผล", "นางสาวนภัสสร ดวงดี",
             "นายอดิศร สมบูรณ์", "นางสาวรัตนา เพ็ชรงาม", "นายศุภชัย วงศ์ใหญ่"]



def _record_checks(step, by, configuration_note: str, *, failed: str = "", notes: dict | None = None, **target):
    """The technician's tests: all passed except ``failed`` (mis, daily_plan or internet); ``notes`` by test."""
    results = {}
    for test in ("mis", "daily_plan", "internet"):
        results[f"{test}_result"] = "failed" if test == failed else "passed"
        results[f"{test}_note"] = (notes or {}).get(test, "")
    return step(**target, by=by, configuration_note=configuration_note, **results)


def _pdf(title: str) -> ContentFile:
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return ContentFile(body, name=f"{title}.pdf")


def _png() -> ContentFile:
    return ContentFile(png_bytes(Image.new("RGB", (320, 200), (230, 230, 240))), name="id-card.png")


def seed(command, options) -> None:
    subnets = {}
    for name, cidr, gateway, vlan, reserved in SUBNETS:
        subnet, created = Subnet.objects.get_or_create(
            cidr=cidr, defaults={"name": name, "gateway": gateway, "vlan": vlan}
        )
        subnets[cidr] = subnet
        if created:
            for start, end, purpose in reserved:
                ReservedRange.objects.create(subnet=subnet, start=start, end=end, purpose=purpose)
    service_by_code = {}
    for code, name, issues_email in SERVICES:
        service_by_code[code], _ = Service.objects.get_or_create(
            code=code, defaults={"name": name, "issues_email": issues_email}
        )
    if IPRequest.objects.filter(memo_number__startswith=MARKER).exists():
        return
    users = demo_accounts("requester", "requester2", "supervisor", "netadmin", "technician")
    if users is None:
        command.stdout.write("network demo: demo users missing, skipped")
        return
    requester, requester2, supervisor, netadmin, technician = users
    unit_a = Unit.objects.get(code="50110")
    unit_b = Unit.objects.get(code="60110")
    counter = iter(range(1, 1000))

    def ip_request(user, unit, mac, device, location, days_ago=3):
        number = next(counter)
        request = IPRequest(
            unit=unit, requested_by=user, device_description=device, device_user=user.get_full_name(),
            mac_address=mac, location=location, purpose="ใช้งานระบบ MIS, Daily Plan และอินเทอร์เน็ตเพื่อปฏิบัติราชการ",
            memo_number=f"{MARKER}-{number:03d}", memo_date=timezone.localdate() - dt.timedelta(days=days_ago),
            created_at=timezone.now() - dt.timedelta(days=days_ago),
        )
        request.memo_file.save(f"memo-{number}.pdf", _pdf("memo"), save=False)
        return services.ip_request_create(request=request, by=user)

    bangkhen = subnets["10.50.1.0/24"]
    ladkrabang = subnets["10.60.1.0/24"]
    # submitted
    ip_request(requester, unit_a, "3c:52:82:10:00:01", "คอมพิวเตอร์ตั้งโต๊ะ งานทะเบียนราษฎร", "ชั้น 1 ห้องทะเบียน", 1)
    ip_request(requester2, unit_b, "3c:52:82:20:00:01", "คอมพิวเตอร์โน้ตบุ๊ก งานพัฒนาชุมชน", "ชั้น 2", 1)
    # returned
    returned = ip_request(requester, unit_a, "3c:52:82:10:00:02", "เครื่องพิมพ์เครือข่าย", "ชั้น 1", 4)
    services.ip_request_return(request=returned, by=netadmin, reason="หนังสือบันทึกยังไม่มีลายมือชื่อผู้อำนวยการเขต")
    # assigned, waiting for the technician
    waiting = ip_request(requester, unit_a, "3c:52:82:10:00:03", "คอมพิวเตอร์ตั้งโต๊ะ ฝ่ายทะเบียน", "ชั้น 1 โต๊ะ 3", 6)
    services.ip_request_assign(request=waiting, by=netadmin, subnet=bangkhen,
                               ip_address=bangkhen.next_free_address(), rights_note="Internet, MIS, Daily Plan")
    # check failed
    failed = ip_request(requester2, unit_b, "3c:52:82:20:00:02", "คอมพิวเตอร์ตั้งโต๊ะ งานสวัสดิการ", "ชั้น 2", 8)
    services.ip_request_assign(request=failed, by=netadmin, subnet=ladkrabang,
                               ip_address=ladkrabang.next_free_address(), rights_note="Internet, MIS")
    _record_checks(services.ip_request_record_checks, technician, "ตั้งค่า IP แบบคงที่ DNS 10.1.0.10",
                   failed="daily_plan", notes={"daily_plan": "ยังไม่ได้รับสิทธิ Daily Plan"}, request=failed)
    # closed, with MAC changes below
    closed = []
    for index in range(4):
        request = ip_request(requester, unit_a, f"3c:52:82:10:01:{index:02x}", f"คอมพิวเตอร์ตั้งโต๊ะ เครื่องที่ {index + 1}",
                             f"ชั้น 2 ห้อง {201 + index}", 20 + index)
        services.ip_request_assign(request=request, by=netadmin, subnet=bangkhen,
                                   ip_address=bangkhen.next_free_address(), rights_note="Internet, MIS, Daily Plan")
        _record_checks(services.ip_request_record_checks, technician, "ตั้งค่า IP แบบคงที่ ติดตั้งใบรับรอง proxy",
                       notes={"internet": "ความเร็ว 95 Mbps"}, request=request)
        closed.append(request)
    # cancelled
    cancelled = ip_request(requester2, unit_b, "3c:52:82:20:00:03", "แท็บเล็ต", "ห้องประชุม", 9)
    services.ip_request_cancel(request=cancelled, by=requester2)
    # a released address
    services.assignment_release(assignment=closed[3].assignment, by=netadmin, reason="ครุภัณฑ์จำหน่ายแล้ว")

    def mac_change(assignment, new_mac, reason):
        change = MacChangeRequest(assignment=assignment, unit=assignment.unit, requested_by=requester,
                                  old_mac=assignment.mac_address, new_mac=new_mac, reason=reason)
        change.id_card.save("id-card.png", _png(), save=False)
        return services.mac_change_create(change=change, by=requester)

    applied = mac_change(closed[0].assignment, "3c:52:82:10:aa:01", "การ์ดเครือข่ายเสีย เปลี่ยนการ์ดใหม่")
    services.mac_change_apply(change=applied, by=netadmin)
    _record_checks(services.mac_change_record_checks, technician,
                   "ตั้งค่าการ์ดเครือข่ายใหม่ให้รับ IP เดิม ทดสอบ ping เกตเวย์", change=applied)
    to_test = mac_change(closed[1].assignment, "3c:52:82:10:aa:02", "เมนบอร์ดเสีย เปลี่ยนเมนบอร์ด")
    services.mac_change_apply(change=to_test, by=netadmin)
    returned_mac = mac_change(closed[2].assignment, "3c:52:82:10:aa:03", "การ์ดเครือข่ายเสีย")
    services.mac_change_return(change=returned_mac, by=netadmin, reason="สำเนาบัตรยังไม่ได้รับรองสำเนาถูกต้อง")
    cancelled_mac = mac_change(waiting.assignment, "3c:52:82:10:aa:04", "ยื่นซ้ำโดยไม่ได้ตั้งใจ")
    services.mac_change_cancel(change=cancelled_mac, by=requester)
    mac_change(waiting.assignment, "3c:52:82:10:aa:05", "เปลี่ยนเครื่องคอมพิวเตอร์ใหม่แทนเครื่องเดิมที่จำหน่าย")
    retest = mac_change(failed.assignment, "3c:52:82:10:aa:06", "การ์ดเครือข่ายไร้สายเสีย")
    services.mac_change_apply(change=retest, by=netadmin)
    _record_checks(services.mac_change_record_checks, technician, "ตั้งค่าการ์ดใหม่ รับ IP เดิม", failed="internet",
                   notes={"internet": "proxy ยังไม่รู้จัก MAC ใหม่ รอผู้ดูแลเครือข่ายปรับปรุง"}, change=retest)

    def account_request(user, unit, service, kind, name, position, account=None):
        request = AccountRequest(
            service=service_by_code[service], kind=kind, unit=unit, requested_by=user, account=account,
            person_name=name, person_position=position, mobile="0812345678", office_phone=unit.phone or "0 2521 0522",
            memo_number=f"{MARKER}-A{next(counter):03d}", memo_date=timezone.localdate() - dt.timedelta(days=2),
        )
        request.memo_file.save("memo.pdf", _pdf("memo"), save=False)
        request.id_card.save("id-card.png", _png(), save=False)
        return services.account_request_create(request=request, by=user)

    account_request(requester, unit_a, "internet", "new", "นายสมชาย ขยันงาน", "เจ้าพนักงานทะเบียน")
    returned_account = account_request(requester, unit_a, "email", "new", "นางสาวสุดา ใจงาม", "นักจัดการงานทั่วไป")
    services.account_request_return(request=returned_account, by=supervisor, note="ขาดสำเนาบัตรด้านหลัง")
    approved = account_request(requester, unit_a, "saraban", "new", "นายวิชัย รักษ์ดี", "นิติกร")
    services.account_request_approve(request=approved, by=supervisor)
    done = account_request(requester, unit_a, "email", "new", "นางมาลัย ศรีงาม", "นักวิชาการทะเบียน")
    services.account_request_approve(request=done, by=supervisor)
    services.account_request_complete(request=done, by=netadmin, user_id="malai.s", email="malai.s@bangkok.go.th",
                                      delivery_method=AccountRequest.Delivery.SMS)
    internet = account_request(requester, unit_a, "internet", "new", "นางมาลัย ศรีงาม", "นักวิชาการทะเบียน")
    services.account_request_approve(request=internet, by=supervisor)
    services.account_request_complete(request=internet, by=netadmin, user_id="malai.s",
                                      delivery_method=AccountRequest.Delivery.SEALED)
    reset = account_request(requester, unit_a, "email", "reset", "นางมาลัย ศรีงาม", "นักวิชาการทะเบียน",
                            account=ServiceAccount.objects.get(user_id="malai.s", service__code="email"))
    services.account_request_approve(request=reset, by=supervisor)
    services.account_request_complete(request=reset, by=netadmin, delivery_method=AccountRequest.Delivery.SMS)
    close = account_request(requester, unit_a, "internet", "close", "นางมาลัย ศรีงาม", "นักวิชาการทะเบียน",
                            account=ServiceAccount.objects.get(user_id="malai.s", service__code="internet"))
    services.account_request_approve(request=close, by=supervisor)
    services.account_request_complete(request=close, by=netadmin, note="ย้ายไปสังกัดอื่น")
    cancelled_account = account_request(requester2, unit_b, "internet", "new", "นายประสิทธิ์ มีสุข", "เจ้าพนักงานธุรการ")
    services.account_request_cancel(request=cancelled_account, by=requester2)

    # A year of it (on the demo clock): each month two addresses given and checked, one e-mail account opened.
    with past_without_notices():
        rng = random.Random(2572)
        for month in range(12, 0, -1):
            day = timezone.localdate() - dt.timedelta(days=30 * month)
            for index, (user, unit, subnet) in enumerate(((requester, unit_a, bangkhen), (requester2, unit_b, ladkrabang))):
                start = working_moment(rng, day + dt.timedelta(days=7 * index))
                with demo_clock(start):
                    request = ip_request(user, unit, f"3c:52:82:{0x30 + month:02x}:{index:02x}:01",
                                         "คอมพิวเตอร์ตั้งโต๊ะ (จัดหาใหม่)", f"ชั้น {1 + index} ห้อง {101 + month}", 0)
                with demo_clock(start + dt.timedelta(hours=20)):
                    services.ip_request_assign(request=request, by=netadmin, subnet=subnet,
                                               ip_address=subnet.next_free_address(), rights_note="Internet, MIS")
                with demo_clock(start + dt.timedelta(hours=44)):
                    services.ip_request_record_checks(
                        request=request, by=technician, configuration_note="ตั้งค่า IP แบบคงที่ ติดตั้งใบรับรอง proxy",
                        mis_result="passed", mis_note="", daily_plan_result="passed", daily_plan_note="",
                        internet_result="passed", internet_note="",
                    )
            start = working_moment(rng, day + dt.timedelta(days=12))
            person = NEW_STAFF[month % len(NEW_STAFF)]
            with demo_clock(start):
                request = account_request(requester, unit_a, "email", "new", person, "นักจัดการงานทั่วไป")
            with demo_clock(start + dt.timedelta(hours=5)):
                services.account_request_approve(request=request, by=supervisor)
            with demo_clock(start + dt.timedelta(hours=26)):
                services.account_request_complete(request=request, by=netadmin, user_id=f"staff{month:02d}.y",
                                                  email=f"staff{month:02d}.y@bangkok.go.th",
                                                  delivery_method=AccountRequest.Delivery.SMS)
