"""Trigram GIN indexes for the asset search (AssetQuerySet.search): PostgreSQL only, SQLite scans."""

from django.db import migrations

from helpdesk.trigram import AddIndexOnPostgres, TrigramExtensionOnPostgres, trigram_index

FIELDS = ("asset_number", "serial_number", "brand", "model_name", "custodian")


class Migration(migrations.Migration):

    dependencies = [
        ("assets", "0002_maintenance"),
    ]

    operations = [
        TrigramExtensionOnPostgres(),
        *(AddIndexOnPostgres(model_name="asset", index=trigram_index(name, f"assets_{name}_trgm")) for name in FIELDS),
    ]
