from django.conf import settings
from django.db import migrations

REGISTERS = (
    ("main", "ทะเบียนหนังสือส่ง", "กท ๐๔๐๕.๑"),
    ("memo", "ทะเบียนบันทึกข้อความ", "กท ๐๔๐๕.๑"),
)


def create_defaults(apps, schema_editor):
    Register = apps.get_model("correspondence", "Register")
    Agency = apps.get_model("correspondence", "Agency")
    for code, name, prefix in REGISTERS:
        Register.objects.get_or_create(code=code, defaults={"name": name, "prefix": prefix})
    if not Agency.objects.exists():
        Agency.objects.create(name=settings.HELPDESK_ORGANISATION)


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0001_outgoing_register")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
