"""The one date field: B.E. text input with the calendar hook, a placeholder that cannot pass for a value,
and no native Christian-era date picker left in any form or template."""

import datetime as dt
import re
from pathlib import Path

from django import forms
from django.conf import settings

from helpdesk.parsing import BEDateField, BEDateInput


class SampleForm(forms.Form):
    day = BEDateField(label="วันที่")
    legacy = BEDateField(label="เดิม", required=False,
                         widget=forms.DateInput(attrs={"type": "date", "placeholder": "15/03/2569", "class": "x"}))


def test_the_field_renders_a_be_text_input_with_the_calendar_hook():
    form = SampleForm(initial={"day": dt.date(2026, 3, 15)})
    html = str(form["day"])
    assert 'type="text"' in html and "data-be-date" in html and 'value="15/03/2569"' in html
    assert 'placeholder="วว/ดด/ปปปป (พ.ศ.)"' in html and 'inputmode="numeric"' in html


def test_a_form_cannot_bring_back_a_native_picker_or_a_value_like_placeholder():
    html = str(SampleForm()["legacy"])
    assert isinstance(SampleForm().fields["legacy"].widget, BEDateInput)
    assert 'type="date"' not in html and "15/03/2569" not in html and 'class="x"' in html


def test_be_and_ce_entries_parse_and_bad_dates_get_a_thai_message():
    form = SampleForm(data={"day": "15/03/2569", "legacy": "31/02/2569"})
    assert not form.is_valid()
    assert form.cleaned_data["day"] == dt.date(2026, 3, 15)
    assert "วันที่ไม่ถูกต้อง" in form.errors["legacy"][0]


def test_no_template_or_form_uses_a_native_date_input():
    offenders = []
    roots = [Path(settings.BASE_DIR, name) for name in ("templates", "helpdesk", "tickets", "assets", "publishing")]
    pattern = re.compile(r"""type=["']date["']|["']type["']\s*:\s*["']date["']|input_type\s*=\s*["']date["']""")
    for root in roots:
        for path in root.rglob("*"):
            wanted = path.suffix in (".html", ".py") and "migrations" not in path.parts
            if wanted and path.name != "parsing.py" and pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path))
    assert offenders == []


def test_the_calendar_is_vendored_and_recorded():
    static = Path(settings.BASE_DIR, "static")
    for name in ("vendor/vanillajs-datepicker/datepicker.min.js", "vendor/vanillajs-datepicker/datepicker-bs5.min.css",
                 "vendor/vanillajs-datepicker/th.js", "js/be-date.js"):
        assert (static / name).is_file(), name
    assert "vanillajs-datepicker | 1.3.4" in (static / "vendor/VERSIONS.md").read_text(encoding="utf-8")
