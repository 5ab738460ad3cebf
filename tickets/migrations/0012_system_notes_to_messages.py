"""Existing system-written timeline notes become a message key plus parameters (shown in the reader's
language); notes a person wrote stay as they are. Rows that match no known wording are left untouched."""

import datetime as dt
import re

from django.db import migrations

PATTERNS = [
    ("assigned", re.compile(r"^มอบหมายให้ (?P<name>.+)$")),
    ("reassigned", re.compile(r"^เปลี่ยนผู้รับผิดชอบเป็น (?P<name>.+)$")),
    ("updated", re.compile(r"^ปรับปรุง: (?P<fields>.+)$")),
    ("waiting_parts", re.compile(r"^รออะไหล่: (?P<parts>.+)$")),
    ("loan_lent", re.compile(r"^ให้ยืมเครื่องทดแทน (?P<asset>\S+) กำหนดคืน (?P<due_date>\d{4}-\d{2}-\d{2})$")),
    ("loan_returned", re.compile(r"^รับคืนเครื่องทดแทน (?P<asset>\S+)$")),
    ("callback_done", re.compile(r"^โทรกลับผู้แจ้งแล้ว$")),
    ("survey_score", re.compile(r"^ประเมินความพึงพอใจ (?P<score>[\d.]+)/5$")),
    ("guarantee_of", re.compile(r"^งานการันตีภายใน 30 วัน ของใบแจ้งซ่อม (?P<number>\S+)$")),
]
# Which event kinds each message can come from (a person's note of the same words on a NOTE row stays).
KINDS = {
    "assigned": {"assigned"}, "reassigned": {"assigned"}, "updated": {"work"}, "waiting_parts": {"status"},
    "loan_lent": {"loan"}, "loan_returned": {"loan"}, "callback_done": {"callback"}, "survey_score": {"survey"},
    "guarantee_of": {"created"},
}


def split_note(kind: str, note: str) -> tuple[str, dict] | None:
    text = (note or "").strip()
    for message, pattern in PATTERNS:
        if kind not in KINDS[message]:
            continue
        match = pattern.match(text)
        if match:
            params = match.groupdict()
            if "due_date" in params:
                dt.date.fromisoformat(params["due_date"])  # a real date, or the row is left alone
            return message, params
    return None


def forwards(apps, schema_editor):
    TicketEvent = apps.get_model("tickets", "TicketEvent")
    batch = []
    rows = TicketEvent.objects.filter(message="").exclude(note="").exclude(kind="note").only("pk", "kind", "note")
    for event in rows.iterator(chunk_size=2000):
        try:
            found = split_note(event.kind, event.note)
        except ValueError:
            found = None
        if found:
            event.message, event.params = found
            event.note = ""
            batch.append(event)
        if len(batch) >= 1000:
            TicketEvent.objects.bulk_update(batch, ["message", "params", "note"])
            batch = []
    if batch:
        TicketEvent.objects.bulk_update(batch, ["message", "params", "note"])


def backwards(apps, schema_editor):
    from tickets.models.ticket import event_message_text

    TicketEvent = apps.get_model("tickets", "TicketEvent")
    for event in TicketEvent.objects.exclude(message="").iterator(chunk_size=2000):
        words = event_message_text(event.message, event.params)
        event.note = "\n".join(part for part in (words, event.note) if part)
        event.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("tickets", "0011_event_message_and_params")]
    operations = [migrations.RunPython(forwards, backwards)]
