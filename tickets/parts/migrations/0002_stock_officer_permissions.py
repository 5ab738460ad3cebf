from django.db import migrations


def grant(apps, schema_editor):
    from tickets.parts.defaults import ensure_default_permissions

    ensure_default_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("parts", "0001_initial"), ("helpdesk", "0002_roles_and_cache")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
