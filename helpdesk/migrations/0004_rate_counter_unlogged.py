from django.db import migrations


def unlogged(apps, schema_editor):
    # Rate-limit counters are worthless after a crash; skipping the write-ahead log spares every public
    # tracking-page hit a disk flush (PostgreSQL only; other databases keep the plain table).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE helpdesk_ratecounter SET UNLOGGED")


def logged(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE helpdesk_ratecounter SET LOGGED")


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0003_rate_counter")]

    operations = [migrations.RunPython(unlogged, logged)]
