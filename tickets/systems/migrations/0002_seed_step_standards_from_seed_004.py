"""The time standards of seed 004 §7 (and agency defaults for the outsourced track of 002 §5, which gives none).
Idempotent: an agency's later edits are kept."""

from django.db import migrations

STANDARDS = [
    # kind, rule, days, quality, source
    ("factors", "within", 1, "ระบบที่พัฒนามีความสอดคล้องกับปัจจัยในการพัฒนาระบบ", "004 §7 ขั้นตอนที่ ๑"),
    ("project", "within", 15, "โครงการมีวัตถุประสงค์ เป้าหมาย ขอบเขตงาน งบประมาณ และผู้รับผิดชอบ", "004 §7 ขั้นตอนที่ ๒"),
    ("approval", "within", 1, "ผู้บริหารให้ความเห็นชอบ", "004 §7 ขั้นตอนที่ ๓"),
    ("survey", "at_least", 30, "ผลสำรวจมีความถูกต้องและครบถ้วน", "004 §7 ขั้นตอนที่ ๔"),
    ("design", "at_least", 30, "สอดคล้องกับความต้องการระบบและกระบวนการปฏิบัติงาน", "004 §7 ขั้นตอนที่ ๕"),
    ("prototype", "at_least", 30, "สอดคล้องกับความต้องการระบบและกระบวนการปฏิบัติงาน", "004 §7 ขั้นตอนที่ ๖"),
    ("prototype_review", "at_least", 1, "ระบบจำลองมีความถูกต้อง", "004 §7 ขั้นตอนที่ ๗"),
    ("build", "at_least", 30, "มีคุณลักษณะการทำงานครบถ้วนตามระบบจำลอง", "004 §7 ขั้นตอนที่ ๘"),
    ("user_test", "at_least", 1, "ระบบสารสนเทศมีความถูกต้อง", "004 §7 ขั้นตอนที่ ๙"),
    ("install", "at_least", 1, "ระบบสารสนเทศพร้อมใช้งาน", "004 §7 ขั้นตอนที่ ๑๐"),
    ("manual", "within", 2, "คู่มือถูกต้อง ครอบคลุมการใช้งานระบบ", "004 §7 ขั้นตอนที่ ๑๑"),
    ("training", "within", 1, "ผู้ใช้งานมีความรู้และเข้าใจระบบ", "004 §7 ขั้นตอนที่ ๑๑"),
    ("go_live", "within", 1, "ผู้ใช้งานสามารถเข้าใช้งานระบบได้", "004 §7 ขั้นตอนที่ ๑๒"),
    ("tor", "within", 15, "ขอบเขตของงานและราคากลางได้รับอนุมัติ", "002 §5 (ค่าเริ่มต้นของหน่วยงาน)"),
    ("quotations", "within", 7, "ได้รับใบเสนอราคาอย่างน้อย 1 ราย", "002 §5 (ค่าเริ่มต้นของหน่วยงาน)"),
    ("selection", "within", 3, "รายงานผลการพิจารณาได้รับความเห็นชอบ", "002 §5 (ค่าเริ่มต้นของหน่วยงาน)"),
    ("contract", "within", 7, "สัญญากำหนดงวดงานและวันส่งมอบ", "002 §5 (ค่าเริ่มต้นของหน่วยงาน)"),
    ("inspection", "within", 120, "คณะกรรมการตรวจรับครบทุกงวด", "002 §5 (ค่าเริ่มต้นของหน่วยงาน)"),
    ("payment", "within", 15, "เบิกจ่ายครบทุกงวด", "002 §5 (ค่าเริ่มต้นของหน่วยงาน)"),
]


def seed(apps, schema_editor):
    StepStandard = apps.get_model("systems", "StepStandard")
    for kind, rule, days, quality, source in STANDARDS:
        StepStandard.objects.get_or_create(kind=kind, defaults={"rule": rule, "days": days, "quality": quality,
                                                                "source": source})


class Migration(migrations.Migration):
    dependencies = [("systems", "0001_systems_development_register_change_requests")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
