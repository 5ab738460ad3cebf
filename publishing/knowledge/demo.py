"""Demo knowledge: the default guides (a few completed and published), articles for each audience, channels."""

import datetime as dt

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone
from PIL import Image, ImageDraw

from helpdesk.demo import demo_accounts, png_bytes
from publishing.files import check_upload
from publishing.knowledge import services
from publishing.knowledge.defaults import ensure_default_guides
from publishing.knowledge.models import Article, GuideFeedback
from tickets.models import Category, Status, Ticket

MARKER_TITLE = "วิธีตั้งค่าเครื่องพิมพ์ร่วมกันในสำนักงาน (Shared Printer)"

PUBLISHED_GUIDES = {
    "คู่มือแนวทางการแก้ไขปัญหา Printer": (
        "1. ตรวจสอบกระดาษในถาด และเปิดฝาเครื่องดึง **กระดาษที่ติด** ออกอย่างระมัดระวัง\n"
        "2. ตรวจสอบไฟสถานะหมึก/ผงหมึก หากกะพริบให้เปลี่ยนตลับตามรุ่นที่ระบุบนเครื่อง\n"
        "3. ปิดเครื่องพิมพ์ รอ 30 วินาที แล้วเปิดใหม่\n"
        "4. ที่เครื่องคอมพิวเตอร์ เปิด *Settings › Printers* ลบงานพิมพ์ที่ค้าง แล้วสั่งพิมพ์ใหม่\n"
        "5. หากยังพิมพ์ไม่ได้ ให้แจ้งซ่อม พร้อมระบุรุ่นเครื่องพิมพ์และข้อความบนจอ"
    ),
    "คู่มือแนวทางการแก้ไขปัญหา Internet": (
        "1. ตรวจสอบสาย LAN ว่าเสียบแน่น และไฟที่ช่องเสียบกะพริบ\n"
        "2. เปิดเว็บไซต์อื่น เช่น www.bangkok.go.th เพื่อดูว่าเสียเฉพาะบางเว็บไซต์หรือไม่\n"
        "3. รีสตาร์ตเครื่องคอมพิวเตอร์\n"
        "4. ถามเพื่อนร่วมงานข้างเคียงว่าใช้งานได้หรือไม่ หากเสียทั้งสำนักงานให้แจ้งซ่อมทันที"
    ),
    "คู่มือแนวทางการแก้ไขปัญหา Computer": (
        "1. ตรวจสอบปลั๊กไฟและสวิตช์ที่รางปลั๊ก\n2. กดปุ่มเปิดเครื่องค้างไว้ 5 วินาทีเพื่อปิด แล้วเปิดใหม่\n"
        "3. ถอดอุปกรณ์ USB ที่ไม่จำเป็นออก แล้วเปิดเครื่องอีกครั้ง\n4. จดข้อความแสดงข้อผิดพลาดบนจอเพื่อแจ้งเจ้าหน้าที่"
    ),
}

ARTICLES = [
    (MARKER_TITLE, "public", "hw-printer",
     "หลายสำนักงานใช้เครื่องพิมพ์เครื่องเดียวร่วมกัน บทความนี้อธิบายวิธีเพิ่มเครื่องพิมพ์ที่แชร์ไว้\n\n"
     "1. เปิด **Settings › Bluetooth & devices › Printers & scanners**\n2. กด *Add device*\n"
     "3. เลือกชื่อเครื่องพิมพ์ของสำนักงาน แล้วกด *Add*\n\n> หากไม่พบเครื่องพิมพ์ ให้ตรวจสอบว่าเครื่องพิมพ์เปิดอยู่", 20),
    ("ตั้งรหัสผ่านอีเมลให้ปลอดภัย 5 ข้อ", "public", "nw-account",
     "1. ยาวอย่างน้อย 12 ตัวอักษร\n2. ผสมตัวพิมพ์ใหญ่ เล็ก ตัวเลข และสัญลักษณ์\n3. ไม่ใช้ซ้ำกับระบบอื่น\n"
     "4. เปลี่ยนทันทีเมื่อสงสัยว่ารั่วไหล\n5. ไม่บอกรหัสผ่านทางโทรศัพท์แก่ผู้ใด แม้อ้างว่าเป็นเจ้าหน้าที่", 9),
    ("สังเกตอีเมลหลอกลวง (Phishing) ก่อนคลิก", "unit", "sw-virus",
     "ตรวจสอบชื่อผู้ส่ง ลิงก์ที่ชี้ไปยังโดเมนแปลก และข้อความเร่งรัดให้กรอกรหัสผ่าน **อย่าคลิกลิงก์** "
     "ให้ส่งต่อมาที่ศูนย์เทคโนโลยีสารสนเทศเพื่อตรวจสอบ", 4),
    ("ขั้นตอนติดตั้งไดรเวอร์เครื่องสแกนรุ่นที่ใช้ในหน่วยงาน (สำหรับเจ้าหน้าที่)", "technician", "sw-driver",
     "1. ดาวน์โหลดไดรเวอร์จากแฟ้มกลางของศูนย์ฯ\n2. ถอนการติดตั้งไดรเวอร์เดิม\n3. ติดตั้งและรีสตาร์ต\n"
     "4. ทดสอบสแกนเป็น PDF", 2),
]


def _demo_png() -> bytes:
    image = Image.new("RGB", (640, 360), (235, 242, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((160, 120, 480, 260), outline=(40, 80, 140), width=6)
    draw.rectangle((220, 60, 420, 120), outline=(40, 80, 140), width=6)
    return png_bytes(image)


def seed(command, options) -> None:
    if Article.objects.filter(title=MARKER_TITLE).exists():
        return
    users = demo_accounts("technician", "ithead")
    if users is None:
        return
    technician, ithead = users
    # The default guides come from a data migration; a flushed database has lost them.
    ensure_default_guides(Article, Category)
    now = timezone.now()
    for title, body in PUBLISHED_GUIDES.items():
        guide = Article.objects.filter(kind=Article.Kind.GUIDE, title=title).first()
        if guide is None or guide.status != Article.Status.DRAFT:
            continue
        services.article_update(article=guide, by=technician, body=body, audience=Article.Audience.PUBLIC)
        services.article_publish(article=guide, by=ithead)
    categories = {c.code: c for c in Category.objects.all()}
    for title, audience, code, body, days_ago in ARTICLES:
        article = services.article_create(by=technician, title=title, summary="", body=body, body_format="markdown",
                                          kind=Article.Kind.ARTICLE, category=categories.get(code),
                                          audience=audience)
        services.article_publish(article=article, by=ithead)
        Article.objects.filter(pk=article.pk).update(published_at=now - dt.timedelta(days=days_ago))
        if title == MARKER_TITLE:
            services.article_attach(article=article, by=technician, checked=check_upload(
                SimpleUploadedFile("หน้าจอเพิ่มเครื่องพิมพ์.png", _demo_png(), "image/png")))
            for channel, url, issue in (("line", "", ""), ("facebook", "https://www.facebook.com/", ""),
                                        ("journal", "", "ปีที่ 12 ฉบับที่ 3")):
                services.publication_record(article=article, by=technician, channel=channel, url=url, issue=issue,
                                            published_on=timezone.localdate() - dt.timedelta(days=days_ago - 1))
    # Unit users who read a guide on the repair form: most solved it themselves, some still filed.
    requesters = list(User.objects.filter(username__in=["requester", "requester2"]))
    for index, (title, outcome) in enumerate([
        ("คู่มือแนวทางการแก้ไขปัญหา Printer", "solved"), ("คู่มือแนวทางการแก้ไขปัญหา Printer", "solved"),
        ("คู่มือแนวทางการแก้ไขปัญหา Printer", "need_help"), ("คู่มือแนวทางการแก้ไขปัญหา Internet", "solved"),
        ("คู่มือแนวทางการแก้ไขปัญหา Computer", "need_help"),
    ]):
        guide = Article.objects.filter(kind=Article.Kind.GUIDE, title=title, status=Article.Status.PUBLISHED).first()
        if guide is None or not requesters:
            continue
        feedback = services.guide_feedback_record(article=guide, user=requesters[index % len(requesters)],
                                                  outcome=outcome, category=guide.category)
        GuideFeedback.objects.filter(pk=feedback.pk).update(at=now - dt.timedelta(days=index + 1))
    # Finished repairs of a category with a published guide followed that guide.
    for ticket in Ticket.objects.filter(
        Q(status__in=[Status.DELIVERED, Status.CLOSED, Status.READY_FOR_PICKUP]),
        guide_followed__isnull=True, category__guide__status=Article.Status.PUBLISHED,
    ).select_related("category"):
        Ticket.objects.filter(pk=ticket.pk).update(guide_followed=ticket.category.guide_id)
