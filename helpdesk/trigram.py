"""Substring search served by trigram indexes on PostgreSQL, and a plain scan on SQLite.

Thai is written without spaces between words, so word tokenising (full-text search) cannot find "จอ" inside
"จอภาพดับ"; a substring match can. Django's ``icontains`` compares ``UPPER(column::text) LIKE UPPER('%term%')``
on PostgreSQL, and a GIN index with ``gin_trgm_ops`` on ``UPPER(column)`` serves exactly that expression.

A model declares its indexes with :func:`trigram_index` in ``Meta.indexes`` (so the migration state knows
them), and its migration adds them with :class:`AddIndexOnPostgres` after :class:`TrigramExtensionOnPostgres`:
SQLite has neither GIN nor pg_trgm, keeps the model state and scans (correct, slower).
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models.functions import Upper


def trigram_index(field: str, name: str) -> GinIndex:
    """The GIN trigram index serving ``<field>__icontains`` on PostgreSQL."""
    return GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=name)


def _on_postgres(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


class TrigramExtensionOnPostgres(TrigramExtension):
    """``CREATE EXTENSION IF NOT EXISTS pg_trgm`` on PostgreSQL; nothing on SQLite. Never dropped backwards:
    other apps' indexes use it too (publishing/knowledge/migrations/0002_trigram_search.py)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgres(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        return


class AddIndexOnPostgres(migrations.AddIndex):
    """An index only PostgreSQL can build (GIN): the model state always gains it, the database only there."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgres(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgres(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)
