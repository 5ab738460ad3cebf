"""Demo publishing requests in every state and a handful of published posts with Thai text and files."""

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from helpdesk.demo import demo_accounts, demo_clock, past_without_notices, png_bytes, working_moment
from helpdesk.pdf import render_pdf
from helpdesk.workdays import add_working_days, working_days_between
from publishing import services
from publishing.files import check_upload
from publishing.models import PublishingRequest, Section
from publishing.sections import ensure_default_sections

# (section, title pattern) of the notices published every month
YEAR_POSTS = [
    ("news", "ข่าวกิจกรรมสำนักงานเขต ฉบับที่ %(n)d"),
    ("procurement", "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ครั้งที่ %(n)d"),
    ("jobs", "ประกาศรับสมัครลูกจ้างชั่วคราว รอบที่ %(n)d"),
]
MARKER_TITLE = "ประชาสัมพันธ์การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569"

# (title, section slug, body, final state, days ago it reached IT)
POSTS = [
    (MARKER_TITLE, "news",
     "สำนักงานเขตบางเขนขอเชิญชวนผู้เสียภาษี **ชำระภาษีที่ดินและสิ่งปลูกสร้าง** ได้ที่ฝ่ายการคลัง "
     "ตั้งแต่วันที่ 1 เมษายน ถึง 30 มิถุนายน\n\n- วันจันทร์–ศุกร์ เวลา 08.30–16.30 น.\n"
     "- ชำระผ่านแอปพลิเคชันธนาคารได้\n\nสอบถามเพิ่มเติม [กรุงเทพมหานคร](https://www.bangkok.go.th)",
     "published", 9),
    ("ประกาศประกวดราคาจ้างปรับปรุงห้องประชุมสำนักงานเขต ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
     "procurement", "ด้วยสำนักงานเขตบางเขนมีความประสงค์จะประกวดราคาจ้างปรับปรุงห้องประชุม ชั้น 3\n"
     "ราคากลาง 1,250,000 บาท รายละเอียดตามเอกสารแนบ", "published", 6),
    ("ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งพนักงานธุรการ", "jobs",
     "รับสมัครตั้งแต่วันนี้ถึงสิ้นเดือน ณ ฝ่ายปกครอง สำนักงานเขตบางเขน\nคุณสมบัติ: วุฒิ ปวส. ขึ้นไป", "published", 4),
    ("คู่มือการขอรับบริการงานทะเบียนราษฎร", "documents",
     "เอกสารคู่มือสำหรับประชาชน ขั้นตอนการแจ้งเกิด แจ้งตาย และย้ายที่อยู่", "published", 3),
    ("ประชาสัมพันธ์โครงการฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า (หมดอายุแล้ว)", "news",
     "ประกาศเก่า หมดอายุการเผยแพร่แล้ว", "expired", 40),
    ("ขอเชิญร่วมกิจกรรมวันเด็กแห่งชาติ", "news", "ร่างประกาศกิจกรรมวันเด็ก (ยังไม่ส่ง)", "draft", None),
    ("ประกาศผลการคัดเลือกชุมชนดีเด่น", "news", "รายชื่อชุมชนดีเด่นประจำปีตามเอกสารแนบ", "submitted", None),
    ("ประกาศปิดถนนชั่วคราวเพื่อซ่อมท่อระบายน้ำ", "news", "ปิดถนนพหลโยธินช่วงซอย 50–52 ระหว่างวันที่ 5–7", "returned",
     None),
    ("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569", "documents", "เผยแพร่แผนปฏิบัติราชการตามเอกสารแนบ", "approved", 1),
    ("ประกาศเชิญชวนยื่นข้อเสนอจ้างเหมาทำความสะอาด", "procurement", "รายละเอียดตามเอกสารแนบ", "accepted", 1),
    ("ประชาสัมพันธ์ตลาดนัดชุมชนทุกวันเสาร์", "news", "ตลาดนัดชุมชนหน้าสำนักงานเขต ทุกวันเสาร์ 06.00–12.00 น.",
     "preview", 0),
    ("ประกาศรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน", "jobs", "ถอนเรื่องเนื่องจากยกเลิกโครงการ", "withdrawn", None),
]

PATHS = {
    "draft": [],
    "submitted": ["submit"],
    "returned": ["submit", "return"],
    "approved": ["submit", "approve"],
    "accepted": ["submit", "approve", "accept"],
    "preview": ["submit", "approve", "accept", "preview"],
    "published": ["submit", "approve", "accept", "preview", "publish"],
    "expired": ["submit", "approve", "accept", "preview", "publish"],
    "withdrawn": ["submit", "withdraw"],
}


def _demo_pdf(title: str) -> bytes:
    return render_pdf("pdf/sample.html", {
        "title": title, "subtitle": "เอกสารแนบประกอบประกาศ (ข้อมูลตัวอย่าง)",
        "paragraphs": ["เอกสารนี้สร้างขึ้นเพื่อสาธิตการแนบไฟล์ PDF ในระบบขอเผยแพร่ข้อมูลบนเว็บไซต์"],
    })


def _demo_png() -> bytes:
    image = Image.new("RGB", (320, 180), (13, 110, 253))
    ImageDraw.Draw(image).rectangle((20, 20, 300, 160), outline=(255, 255, 255), width=4)
    return png_bytes(image)


def seed(command, options) -> None:
    if PublishingRequest.objects.filter(title=MARKER_TITLE).exists():
        return
    users = demo_accounts("requester", "supervisor", "ithead", "technician")
    if users is None:
        return
    requester, supervisor, ithead, technician = users
    # The menus come from a data migration; a flushed test database has lost them.
    ensure_default_sections(Section)
    sections = {s.slug: s for s in Section.objects.all()}
    pdf_bytes = _demo_pdf("เอกสารประกอบประกาศ")
    png_bytes = _demo_png()
    today = timezone.localdate()
    now = timezone.now()
    for index, (title, slug, body, state, days_ago) in enumerate(POSTS):
        files = [check_upload(SimpleUploadedFile(f"เอกสารแนบ-{index + 1}.pdf", pdf_bytes, "application/pdf"))]
        if slug == "news":
            files.append(check_upload(SimpleUploadedFile(f"ภาพประกอบ-{index + 1}.png", png_bytes, "image/png")))
        wanted = today - dt.timedelta(days=days_ago or 0)
        expires = today - dt.timedelta(days=1) if state == "expired" else None
        if state == "expired":
            wanted = today - dt.timedelta(days=45)
        obj = services.request_create(
            by=requester, title=title, body=body, body_format="markdown" if index == 0 else "plain",
            section=sections[slug], wanted_on=wanted, expires_on=expires, files=files,
        )
        actors = {"submit": requester, "approve": supervisor, "accept": ithead, "preview": technician,
                  "publish": technician, "return": supervisor, "withdraw": requester}
        for action in PATHS[state]:
            services.request_transition(
                request=obj, action=action, by=actors[action],
                note={"return": "กรุณาแนบแผนที่เส้นทางเลี่ยงและระบุเวลาปิดถนนให้ชัดเจน",
                      "withdraw": "ยกเลิกโครงการตามนโยบายผู้บริหาร"}.get(action, ""),
                checklist=dict.fromkeys(("check_rules", "check_oia", "check_chain", "verify_display",
                                         "verify_positions", "verify_fonts", "verify_downloads"), True),
                external_url="https://www.bangkok.go.th/bangkhen" if action == "publish" and index == 0 else "",
            )
        if days_ago:
            # Spread the demo over past days so lists, SLA flags and the monthly report have variety.
            reached = now - dt.timedelta(days=days_ago)
            published = reached + dt.timedelta(days=1 if index % 2 else 3)
            updates = {"reached_it_at": reached, "submitted_at": reached - dt.timedelta(hours=3)}
            if state in ("published", "expired"):
                updates["published_at"] = published
            PublishingRequest.objects.filter(pk=obj.pk).update(**updates)
            obj.refresh_from_db()
            due = add_working_days(reached, 2)
            days = working_days_between(reached, obj.published_at) if obj.published_at else None
            PublishingRequest.objects.filter(pk=obj.pk).update(due_at=due, working_days_to_publish=days)
    with past_without_notices():
        made = _year_of_posts(sections, pdf_bytes, png_bytes, requester, supervisor, ithead, technician)
    command.stdout.write(f"publishing: {len(POSTS)} demo requests, {made} over the last twelve months")


def _year_of_posts(sections, pdf_bytes, png_bytes, requester, supervisor, ithead, technician) -> int:
    """Each month of the last year: news, a procurement notice and a job notice, approved and published
    on the demo clock (older notices have expired), so the monthly report has every month."""
    rng = random.Random(2573)
    made = 0
    actors = {"submit": requester, "approve": supervisor, "accept": ithead, "preview": technician,
              "publish": technician}
    for month in range(12, 0, -1):
        for index, (slug, title) in enumerate(YEAR_POSTS):
            start = working_moment(rng, timezone.localdate() - dt.timedelta(days=30 * month - 8 * index))
            files = [check_upload(SimpleUploadedFile(f"ประกาศ-{month:02d}-{index + 1}.pdf", pdf_bytes,
                                                     "application/pdf"))]
            if slug == "news":
                files.append(check_upload(SimpleUploadedFile(f"ภาพข่าว-{month:02d}.png", png_bytes, "image/png")))
            with demo_clock(start):
                obj = services.request_create(
                    by=requester, title=title % {"n": 13 - month}, body="รายละเอียดตามเอกสารแนบ", body_format="plain",
                    section=sections[slug], wanted_on=timezone.localdate(start) + dt.timedelta(days=2),
                    expires_on=timezone.localdate(start) + dt.timedelta(days=60) if slug != "news" else None,
                    files=files,
                )
            at = start
            for action in ("submit", "approve", "accept", "preview", "publish"):
                at += dt.timedelta(hours=rng.uniform(1, 20))
                with demo_clock(min(at, timezone.now())):
                    services.request_transition(
                        request=obj, action=action, by=actors[action], note="",
                        checklist=dict.fromkeys(("check_rules", "check_oia", "check_chain", "verify_display",
                                                 "verify_positions", "verify_fonts", "verify_downloads"), True),
                    )
            made += 1
    return made
