from django.db import migrations


def add_sections(apps, schema_editor):
    from publishing.sections import ensure_default_sections

    ensure_default_sections(apps.get_model("publishing", "Section"))


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial")]

    operations = [migrations.RunPython(add_sections, migrations.RunPython.noop)]
