from django.core.management import call_command
from django.db import migrations



def create_roles(apps, schema_editor):
    from helpdesk.roles import ensure_default_roles

    ensure_default_roles(apps.get_model("auth", "Group"))


def create_cache_table(apps, schema_editor):
    # The database cache (sessions-independent, shared by every app server) needs its table.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
