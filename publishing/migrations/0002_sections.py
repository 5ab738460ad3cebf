from django.db import migrations

SECTIONS = [
    ("news", "ข่าวประชาสัมพันธ์", "ข่าวสารและกิจกรรมของหน่วยงาน", 10),
    ("procurement", "ประกาศจัดซื้อจัดจ้าง", "ประกาศ ร่างขอบเขตงาน และผลการจัดซื้อจัดจ้าง", 20),
    ("jobs", "ประกาศรับสมัครงาน", "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานและลูกจ้าง", 30),
    ("documents", "เอกสารเผยแพร่", "เอกสาร คู่มือ และแบบฟอร์มสำหรับประชาชน", 40),
]


def add_sections(apps, schema_editor):
    Section = apps.get_model("publishing", "Section")
    for slug, name, description, order in SECTIONS:
        Section.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "order": order})


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial")]

    operations = [migrations.RunPython(add_sections, migrations.RunPython.noop)]
