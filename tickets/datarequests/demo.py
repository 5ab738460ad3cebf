"""Demo data: a deputy director and data requests at every stage of 002 §3. Safe to run twice."""

import datetime as dt

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone

from helpdesk.demo import demo_accounts
from helpdesk.models import Profile, Unit
from helpdesk.roles import Role
from helpdesk.workdays import WorkingCalendar

from . import services
from .models import CRITERIA, DataRequest, DeputyApprover
from .uploads import CSV, PDF, XLSX

MARKER = "DEMO-DR"
PDF_BODY = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
SCHOOLS_CSV = (
    "รหัสสถานศึกษา,ชื่อสถานศึกษา,จังหวัด,ผลการประเมินรอบสี่\n"
    "1012345601,โรงเรียนวัดบางแพรก,นนทบุรี,ดีมาก\n1012345602,โรงเรียนบ้านคลองข่อย,นนทบุรี,ดี\n"
).encode()
TEACHERS_CSV = "ชื่อ-สกุล,ตำแหน่ง,สถานศึกษา\nนางสาวกานดา ใจงาม,ครูชำนาญการ,โรงเรียนวัดบางแพรก\n".encode()

REQUESTS = [
    # (organisation, parent agency, contact, purpose, data asked, scope, method, detail, working days ago, stage)
    ("มหาวิทยาลัยราชภัฏพระนคร", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "ผศ.ดร.สมชาย วิจัยดี",
     "ใช้ประกอบงานวิจัยเรื่องปัจจัยที่ส่งผลต่อคุณภาพการศึกษาขั้นพื้นฐาน",
     "ผลการประเมินคุณภาพภายนอกรอบสี่ของสถานศึกษาในจังหวัดนนทบุรี", "ปีการศึกษา 2564–2566 ระดับการศึกษาขั้นพื้นฐาน",
     "email", "somchai.w@example.ac.th", 0, "received"),
    ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษานนทบุรี เขต 1", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
     "นางวิไล ประสานงาน", "จัดทำแผนพัฒนาคุณภาพการศึกษาของเขตพื้นที่",
     "สรุปผลการประเมินรายมาตรฐานของสถานศึกษาในสังกัด", "สถานศึกษาในสังกัด 146 แห่ง ปีการศึกษา 2566",
     "post", "ถนนรัตนาธิเบศร์ ตำบลบางกระสอ อำเภอเมืองนนทบุรี 11000", 4, "received"),
    ("คณะครุศาสตร์ จุฬาลงกรณ์มหาวิทยาลัย", "จุฬาลงกรณ์มหาวิทยาลัย", "นายธีรวัฒน์ นิสิตเก่ง",
     "ประกอบวิทยานิพนธ์ระดับปริญญาโท", "คะแนนผลการประเมินรายตัวบ่งชี้ของโรงเรียนขนาดเล็ก",
     "โรงเรียนขนาดเล็กทั่วประเทศ ปีการศึกษา 2565", "email", "teerawat@example.ac.th", 1, "screening"),
    ("สำนักงานศึกษาธิการจังหวัดสุราษฎร์ธานี", "สำนักงานปลัดกระทรวงศึกษาธิการ", "นายอนันต์ รักษ์ถิ่น",
     "ประกอบการประชุมคณะกรรมการศึกษาธิการจังหวัด", "จำนวนสถานศึกษาที่ได้รับการประเมินจำแนกตามระดับผล",
     "จังหวัดสุราษฎร์ธานี ปีการศึกษา 2566", "pickup", "", 2, "preparing"),
    ("มหาวิทยาลัยขอนแก่น", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "รศ.ดร.มาลี ศึกษาดี",
     "ศึกษาแนวโน้มคุณภาพการศึกษาในภาคตะวันออกเฉียงเหนือ", "ผลการประเมินภายนอกระดับอุดมศึกษา",
     "สถาบันอุดมศึกษาในภาคตะวันออกเฉียงเหนือ รอบสาม", "email", "malee.s@example.ac.th", 1, "review"),
    ("สำนักงานสภาการศึกษา", "กระทรวงศึกษาธิการ", "นางสาวศิริพร นโยบายดี",
     "จัดทำรายงานสภาวะการศึกษาไทยประจำปี", "สถิติผลการประเมินคุณภาพภายนอกระดับประเทศ",
     "ทุกระดับการศึกษา ปีการศึกษา 2566", "email", "siriporn@example.go.th", 2, "approval"),
    ("บริษัท ข้อมูลการตลาด จำกัด", "-", "นายสมบัติ ขายดี", "ใช้จัดอันดับโรงเรียนเพื่อการโฆษณา",
     "รายชื่อครูและผลการประเมินรายบุคคล", "ทุกโรงเรียนในกรุงเทพมหานคร", "email", "sombat@example.com", 1, "refused"),
    ("มหาวิทยาลัยเชียงใหม่", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "ดร.ปกรณ์ ล้านนา",
     "ประกอบโครงการวิจัยการประกันคุณภาพการศึกษาปฐมวัย", "ผลการประเมินระดับการศึกษาปฐมวัยในภาคเหนือ",
     "สถานศึกษาปฐมวัย 8 จังหวัดภาคเหนือ ปีการศึกษา 2565–2566", "email", "pakorn@example.ac.th", 5, "closed"),
    ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุราษฎร์ธานี ชุมพร", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
     "นายประยุทธ มัธยม", "นิเทศและติดตามสถานศึกษาที่ผลการประเมินต่ำกว่าเกณฑ์",
     "รายชื่อสถานศึกษาในสังกัดที่ผลการประเมินระดับปรับปรุง", "สถานศึกษาในสังกัด ปีการศึกษา 2566", "post",
     "ถนนดอนนก ตำบลมะขามเตี้ย อำเภอเมืองสุราษฎร์ธานี 84000", 3, "replied"),
]


def _user(username: str, first: str, last: str, role: str, unit: Unit, position: str) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@helpdesk.local"}
    )
    if created:
        from helpdesk.demo import DEMO_PASSWORD

        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        Profile.objects.create(user=user, unit=unit, position=position, phone="0 2216 3955")
    return user


def _file(request, by, name, body, kind, personal=False, description=""):
    upload = ContentFile(body, name=name)
    services.data_file_add(request=request, by=by, upload=upload, kind=kind, is_personal=personal,
                           description=description, name=name)


def seed(command, options) -> None:
    users = demo_accounts("ithead", "technician2", "requester")
    if users is None:
        command.stdout.write("datarequests demo: demo users missing, skipped")
        return
    head, officer, requester = users
    top = Unit.objects.filter(code="01000").first() or requester.profile.unit
    deputy = _user("deputy", "วิภาวดี", "ธรรมาภิบาล", Role.DEPUTY_DIRECTOR, top, "รองผู้อำนวยการ")
    DeputyApprover.objects.get_or_create(user=deputy, defaults={"title": "รองผู้อำนวยการ ปฏิบัติการแทนผู้อำนวยการ"})
    if DataRequest.objects.filter(letter_number__startswith=MARKER).exists():
        return
    now = timezone.now()
    calendar = WorkingCalendar(now.date() - dt.timedelta(days=40), now.date() + dt.timedelta(days=10))
    criteria = dict.fromkeys(CRITERIA, True)
    for number, row in enumerate(REQUESTS, start=1):
        org, parent, contact, purpose, data, scope, method, detail, days_ago, stage = row
        received = now - dt.timedelta(hours=2)
        for _ in range(days_ago):
            received -= dt.timedelta(days=1)
            while not calendar.is_working_day(timezone.localtime(received).date()):
                received -= dt.timedelta(days=1)
        request = DataRequest(
            letter_number=f"{MARKER} {number:03d}/2569", letter_date=timezone.localtime(received).date(),
            received_at=received, organisation=org, parent_agency=parent, contact_name=contact,
            contact_phone="0 2123 4567", contact_email=detail if method == "email" else "", purpose=purpose,
            data_requested=data, scope=scope, data_owner="สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
            delivery_method=method, delivery_detail=detail,
        )
        request.letter_scan.save("letter.pdf", ContentFile(PDF_BODY), save=False)
        if number == 1:
            request.channel, request.unit = DataRequest.Channel.ONLINE, requester.profile.unit
        request = services.data_request_create(request=request, by=requester if number == 1 else officer)
        if stage == "received":
            continue
        request = services.data_request_start_screening(request=request, by=head)
        if stage == "screening":
            continue
        if stage == "refused":
            services.data_request_refuse(
                request=request, by=head, officer=officer, criteria={**criteria, "crit_purpose": False},
                reason="วัตถุประสงค์เป็นการแสวงหาประโยชน์ทางการค้า และข้อมูลที่ขอเป็นข้อมูลส่วนบุคคล"
                       "ซึ่งไม่อาจเปิดเผยได้ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ มาตรา ๒๔")
            continue
        request = services.data_request_accept(request=request, by=head, officer=officer, criteria=criteria)
        request = services.data_request_start_preparing(request=request, by=officer)
        _file(request, officer, "ผลการประเมินรอบสี่.xlsx", _xlsx(), XLSX, description="ตารางผลการประเมิน")
        _file(request, officer, "สรุปผลการประเมิน.pdf", PDF_BODY, PDF)
        if stage == "closed":
            _file(request, officer, "รายชื่อผู้ประสานงานสถานศึกษา.csv", TEACHERS_CSV, CSV, personal=True,
                  description="มีชื่อและตำแหน่งบุคคล")
        if stage == "preparing":
            _file(request, officer, "สถานศึกษาจำแนกตามผล.csv", SCHOOLS_CSV, CSV)
            continue
        memo = "เรียน หัวหน้าภารกิจ ICT\nได้จัดทำข้อมูลตามขอบเขตที่ผู้ขอระบุแล้ว รายละเอียดตามไฟล์แนบ จึงเรียนมาเพื่อโปรดพิจารณา"
        request = services.data_request_submit(request=request, by=officer, cover_memo=memo)
        if stage == "review":
            continue
        request = services.data_request_review_return(request=request, by=head,
                                                      note="ขอให้ตัดคอลัมน์ชื่อผู้บริหารสถานศึกษาออก")
        request = services.data_request_submit(request=request, by=officer, cover_memo=memo + "\n(แก้ไขแล้ว)")
        request = services.data_request_review_pass(request=request, by=head)
        if stage == "approval":
            continue
        request = services.data_request_approve(request=request, by=deputy)
        sent = min(now, calendar.add(received, 2))
        request = services.data_request_send_reply(
            request=request, by=officer, sent_at=sent, sent_method=method,
            sent_note="ส่งพร้อมไฟล์แนบทางอีเมล" if method == "email" else "ไปรษณีย์ลงทะเบียน EA 1234 5678 9 TH",
        )
        if stage == "closed":
            services.data_request_close(request=request, by=officer,
                                        summary="ส่งข้อมูลผลการประเมินครบตามที่ขอภายใน ๓ วันทำการ ผู้ขอยืนยันได้รับแล้ว")


def _xlsx() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return buffer.getvalue()
