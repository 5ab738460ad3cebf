"""The website menus every agency starts with (ข่าวประชาสัมพันธ์, ประกาศจัดซื้อจัดจ้าง …)."""

# (slug, name, description, order)
DEFAULT_SECTIONS = [
    ("news", "ข่าวประชาสัมพันธ์", "ข่าวสารและกิจกรรมของหน่วยงาน", 10),
    ("procurement", "ประกาศจัดซื้อจัดจ้าง", "ประกาศ ร่างขอบเขตงาน และผลการจัดซื้อจัดจ้าง", 20),
    ("jobs", "ประกาศรับสมัครงาน", "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานและลูกจ้าง", 30),
    ("documents", "เอกสารเผยแพร่", "เอกสาร คู่มือ และแบบฟอร์มสำหรับประชาชน", 40),
]


def ensure_default_sections(Section=None) -> None:
    """Create the default menus that are missing (idempotent; admins' edits are kept).

    Used by the data migration (with the historical model), by the demo seeder and by tests: a flushed
    database has lost what the migration created.
    """
    if Section is None:
        from publishing.models import Section
    for slug, name, description, order in DEFAULT_SECTIONS:
        Section.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "order": order})
