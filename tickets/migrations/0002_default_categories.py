from django.db import migrations


def create_categories(apps, schema_editor):
    from tickets.categories import ensure_default_categories

    ensure_default_categories(apps.get_model("tickets", "Category"))


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
