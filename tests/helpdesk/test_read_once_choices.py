"""helpdesk.forms.ReadOnceChoiceField: a model choice list read with one query however often the form reads it
(Django's own iterator counts for len() and opens a server-side cursor for every pass)."""

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from helpdesk.forms import ReadOnceChoiceField
from helpdesk.models import Unit

pytestmark = pytest.mark.django_db


class UnitForm(forms.Form):
    unit = ReadOnceChoiceField(queryset=Unit.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.order_by("code")
        self.fields["unit"].empty_label = "— เลือก —"  # changed after the queryset: still used
        self.fields["unit"].label_from_instance = lambda unit: f"{unit.code} {unit.name}"


class DefaultUnitForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.order_by("code"))


def test_the_choices_are_read_with_one_query_and_rendered_as_before(unit_a, unit_b):
    form = UnitForm()
    with CaptureQueriesContext(connection) as queries:
        html = str(form["unit"])
        choices = list(form.fields["unit"].choices)
        assert len(form.fields["unit"].choices) == 3
        html_again = str(form["unit"])
    assert len(queries) == 1 and html == html_again
    assert [label for _value, label in choices] == ["— เลือก —", f"{unit_a.code} {unit_a.name}",
                                                    f"{unit_b.code} {unit_b.name}"]
    assert f'<option value="{unit_a.pk}">{unit_a.code} {unit_a.name}</option>' in html
    with CaptureQueriesContext(connection) as default_queries:
        str(DefaultUnitForm()["unit"])
        len(DefaultUnitForm().fields["unit"].choices)
    assert len(default_queries) >= 2  # what the field saves: Django's iterator reads again for len()


def test_a_bound_form_validates_against_the_queryset(unit_a):
    assert UnitForm({"unit": unit_a.pk}).is_valid()
    form = UnitForm({"unit": 999999})
    assert not form.is_valid() and "unit" in form.errors
