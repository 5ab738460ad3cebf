"""The services that ask for satisfaction (001, 002, 004 §5/§8), each with its own questions, target 80 %."""

SERVICES = [
    ("repair", "งานซ่อมบำรุงคอมพิวเตอร์และอุปกรณ์", ("tickets", "ticket"), [
        "ความรวดเร็ว", "คุณภาพงานซ่อม", "ความสุภาพของเจ้าหน้าที่", "ความพึงพอใจโดยรวม",
    ]),
    ("publishing", "การเผยแพร่ข้อมูลบนเว็บไซต์", ("publishing", "publishingrequest"), [
        "ความรวดเร็วในการเผยแพร่", "ความถูกต้องครบถ้วนของข้อมูลที่เผยแพร่", "การประสานงานและคำแนะนำของเจ้าหน้าที่",
        "ความพึงพอใจโดยรวม",
    ]),
    ("network_ip", "ขอหมายเลขไอพี (IP Address)", ("network", "iprequest"), [
        "ความรวดเร็วในการดำเนินการ", "การใช้งานเครือข่ายได้ตามที่ขอ", "ความสุภาพและคำแนะนำของเจ้าหน้าที่",
        "ความพึงพอใจโดยรวม",
    ]),
    ("network_mac", "ขอเปลี่ยน MAC Address", ("network", "macchangerequest"), [
        "ความรวดเร็วในการดำเนินการ", "การใช้งานเครือข่ายได้ตามที่ขอ", "ความพึงพอใจโดยรวม",
    ]),
    ("network_account", "บัญชีผู้ใช้ (Internet, อีเมล, สารบรรณอิเล็กทรอนิกส์)", ("network", "accountrequest"), [
        "ความรวดเร็วในการดำเนินการ", "ความถูกต้องของบัญชีที่ได้รับ", "ความชัดเจนของการแจ้งรหัสผ่านและคำแนะนำ",
        "ความพึงพอใจโดยรวม",
    ]),
]


def ensure_default_services(SurveyService, Question, ContentType) -> None:
    """Idempotent: the data migration runs it, and so does survey_invite when a flushed test database lost them."""
    for code, name, (app_label, model), questions in SERVICES:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        service, created = SurveyService.objects.get_or_create(
            code=code, defaults={"name": name, "content_type": content_type, "target_percent": 80,
                                 "method": "share_4_5", "answer_days": 30},
        )
        if not Question.objects.filter(service=service).exists():
            Question.objects.bulk_create(
                Question(service=service, order=(n + 1) * 10, text=text, is_overall=text == "ความพึงพอใจโดยรวม")
                for n, text in enumerate(questions)
            )
