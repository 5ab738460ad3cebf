"""The categories of SPEC §1 with the troubleshooting guides the 000 manual names."""

# (code, name, kind, parent code, guide title)
DEFAULT_CATEGORIES = [
    ("hardware", "ฮาร์ดแวร์", "hardware", None, ""),
    ("hw-computer", "เครื่องคอมพิวเตอร์", "hardware", "hardware", "คู่มือแนวทางการแก้ไขปัญหา Computer"),
    ("hw-monitor", "จอภาพ", "hardware", "hardware", "คู่มือแนวทางการแก้ไขปัญหา Monitor"),
    ("hw-printer", "เครื่องพิมพ์", "hardware", "hardware", "คู่มือแนวทางการแก้ไขปัญหา Printer"),
    ("hw-scanner", "สแกนเนอร์", "hardware", "hardware", "คู่มือแนวทางการแก้ไขปัญหา Scanner"),
    ("hw-ups", "เครื่องสำรองไฟ (UPS)", "hardware", "hardware", "คู่มือแนวทางการแก้ไขปัญหา UPS"),
    ("hw-other", "อุปกรณ์อื่น ๆ", "hardware", "hardware", ""),
    ("software", "ซอฟต์แวร์", "software", None, ""),
    ("sw-os", "ระบบปฏิบัติการ (OS)", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา OS"),
    ("sw-office", "โปรแกรมสำนักงาน (Office)", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา office"),
    ("sw-driver", "ไดรเวอร์อุปกรณ์", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา driver ของอุปกรณ์"),
    ("sw-virus", "ไวรัสคอมพิวเตอร์", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา virus computer"),
    ("sw-mis", "ระบบสารสนเทศ (MIS)", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา MIS"),
    ("sw-internet", "อินเทอร์เน็ต", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา Internet"),
    ("sw-portal", "เว็บพอร์ทัล (Portal)", "software", "software", "คู่มือแนวทางการแก้ไขปัญหา Portal"),
    ("sw-install", "ติดตั้งโปรแกรม", "software", "software", ""),
    ("network", "เครือข่าย", "network", None, ""),
    ("nw-connection", "การเชื่อมต่อเครือข่าย", "network", "network", "คู่มือแนวทางการแก้ไขปัญหา Internet"),
    ("nw-ipmac", "IP Address / MAC Address", "network", "network", ""),
    ("nw-account", "บัญชีผู้ใช้ (User ID / E-mail)", "network", "network", ""),
]


DEFAULT_DAYS = {"hardware": 3, "software": 2, "network": 2}


def ensure_default_categories(Category) -> None:
    """Create the default categories that are missing (idempotent; admins' edits are kept)."""
    created = {}
    for order, (code, name, kind, parent, guide) in enumerate(DEFAULT_CATEGORIES):
        category, _ = Category.objects.get_or_create(
            code=code,
            defaults={"name": name, "kind": kind, "parent": created.get(parent), "guide_title": guide,
                      "sort_order": order, "sla_working_days": DEFAULT_DAYS[kind] if parent is None else None},
        )
        created[code] = category
