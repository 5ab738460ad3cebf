from django.db import migrations

from helpdesk.roles import grant_permissions


def grant(apps, schema_editor):
    grant_permissions(apps, "stock_officer", [
        "parts.add_item", "parts.change_item", "parts.view_item", "parts.view_movement",
        "parts.view_partrequest", "parts.view_disbursement",
    ])


class Migration(migrations.Migration):
    dependencies = [("parts", "0001_initial"), ("helpdesk", "0002_roles_and_cache")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
