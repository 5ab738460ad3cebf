"""Trigram GIN indexes for the ticket text search (TicketQuerySet.search): PostgreSQL only, SQLite scans."""

from django.db import migrations

from helpdesk.trigram import AddIndexOnPostgres, TrigramExtensionOnPostgres, trigram_index

FIELDS = ("number", "device_serial", "device_description", "requester_name", "symptom")


class Migration(migrations.Migration):

    dependencies = [
        ("tickets", "0014_saved_board_view"),
    ]

    operations = [
        TrigramExtensionOnPostgres(),
        *(
            AddIndexOnPostgres(model_name="ticket",
                               index=trigram_index(name, f"tickets_{name.removeprefix('device_')}_trgm"))
            for name in FIELDS
        ),
    ]
