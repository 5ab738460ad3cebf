"""Demo consultation log and question log: calls answered on the spot, topics within and past 15 days, memos."""

import datetime as dt

from django.utils import timezone

from helpdesk.demo import demo_accounts
from helpdesk.models import Unit
from publishing.knowledge.demo import MARKER_TITLE as ARTICLE_TITLE
from publishing.knowledge.models import Article
from tickets.consultations import services
from tickets.consultations.models import Consultation, Topic
from tickets.models import Category

MARKER_QUESTION = "สั่งพิมพ์แล้วเอกสารค้างในคิว เครื่องพิมพ์ไม่ทำงาน"

# (question, answer, category code, minutes, solved, topic key, days ago)
CALLS = [
    (MARKER_QUESTION, "แนะนำให้ลบงานพิมพ์ที่ค้างในคิวแล้วปิดเปิดเครื่องพิมพ์ใหม่ ใช้งานได้", "hw-printer", 5, True,
     "printer", 12),
    ("เพิ่มเครื่องพิมพ์ของสำนักงานในเครื่องใหม่ไม่เป็น", "อธิบายขั้นตอน Add device ทางโทรศัพท์", "hw-printer", 8, True,
     "printer", 10),
    ("ลืมรหัสผ่านอีเมลของหน่วยงาน", "แนะนำให้ยื่นคำขอรีเซ็ตรหัสผ่านผ่านระบบคำขอบัญชีผู้ใช้", "nw-account", 3, True,
     "password", 7),
    ("ได้รับอีเมลให้ยืนยันรหัสผ่าน น่าสงสัย", "แจ้งว่าเป็นอีเมลหลอกลวง ห้ามคลิก ให้ลบทิ้ง", "sw-virus", 4, True,
     "phishing", 20),
    ("อินเทอร์เน็ตใช้ไม่ได้ทั้งชั้น 3", "", "nw-connection", 6, False, None, 1),
    ("โปรแกรม Excel เปิดไฟล์แล้วค้าง", "ให้เปิดในโหมด Safe Mode แล้วบันทึกเป็นไฟล์ใหม่ ใช้งานได้", "sw-office", 7, True,
     None, 0),
]

TOPICS = {
    "printer": ("การใช้เครื่องพิมพ์ร่วมกันในสำนักงาน", 18, ARTICLE_TITLE),
    "password": ("การตั้งและเปลี่ยนรหัสผ่านอีเมลให้ปลอดภัย", 12, "ตั้งรหัสผ่านอีเมลให้ปลอดภัย 5 ข้อ"),
    "phishing": ("อีเมลหลอกลวงขอรหัสผ่าน", 25, None),  # accepted 25 days ago, no article yet: overdue
}


def seed(command, options) -> None:
    if Consultation.objects.filter(question=MARKER_QUESTION).exists():
        return
    users = demo_accounts("technician")
    if users is None:
        return
    [technician] = users
    units = list(Unit.objects.filter(is_active=True).order_by("code")[:3])
    if not units:
        return
    now = timezone.now()
    categories = {c.code: c for c in Category.objects.all()}
    topics = {}
    for key, (title, accepted_days_ago, article_title) in TOPICS.items():
        topic = services.topic_create(by=technician, title=title)
        services.topic_accept(topic=topic, by=technician)
        accepted = now - dt.timedelta(days=accepted_days_ago)
        Topic.objects.filter(pk=topic.pk).update(accepted_at=accepted, due_at=Topic.due_from(accepted))
        topic.refresh_from_db()
        article = Article.objects.filter(title=article_title).first() if article_title else None
        if article is not None:
            services.topic_link_article(topic=topic, article=article, by=technician)
        topics[key] = topic
    services.topic_create(by=technician, title="การสำรองข้อมูลในเครื่องก่อนส่งซ่อม")
    for index, (question, answer, code, minutes, solved, key, days_ago) in enumerate(CALLS):
        unit = units[index % len(units)]
        consultation = services.consultation_record(
            by=technician, unit=unit, caller_name=["คุณสมศรี", "คุณวิชัย", "คุณอรทัย"][index % 3],
            caller_phone="0 2521 0522", question=question, answer=answer, category=categories.get(code),
            topic=topics.get(key), minutes=minutes, solved=solved,
        )
        Consultation.objects.filter(pk=consultation.pk).update(recorded_at=now - dt.timedelta(days=days_ago))
    services.memo_record(by=technician, unit=units[0], memo_number="กท 5001/1234",
                                memo_date=timezone.localdate() - dt.timedelta(days=3),
                                subject="ขอให้จัดทำบทความแนะนำการสำรองข้อมูลด้วย OneDrive ของหน่วยงาน")
