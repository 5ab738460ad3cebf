from django.db import migrations


def create_services(apps, schema_editor):
    from tickets.network.defaults import ensure_default_services

    ensure_default_services(apps.get_model("network", "Service"))


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(create_services, migrations.RunPython.noop)]
