"""Thai search on PostgreSQL: pg_trgm and GIN trigram indexes serving the icontains search
(Django compares UPPER(column) LIKE UPPER(pattern)). SQLite has neither and scans."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "knowledge_article_title_trgm": "UPPER(title) gin_trgm_ops",
    "knowledge_article_summary_trgm": "UPPER(summary) gin_trgm_ops",
    "knowledge_article_body_trgm": "UPPER(body) gin_trgm_ops",
}


class TrigramExtensionOnPostgres(TrigramExtension):
    """pg_trgm on PostgreSQL; nothing on SQLite in either direction."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON knowledge_article USING gin ({expression})")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        TrigramExtensionOnPostgres(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
