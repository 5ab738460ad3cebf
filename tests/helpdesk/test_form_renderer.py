"""The site's form renderer writes the common widgets in Python: byte for byte what Django's templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from helpdesk.parsing import BEDateInput
from helpdesk.templates_backend import SiteFormRenderer


class EveryWidget(forms.Form):
    text = forms.CharField(initial='a "quoted" <tag> & more', max_length=20, widget=forms.TextInput(
        attrs={"data-on": True, "data-off": False, "data-none": None, "data-safe": mark_safe("<b>"), "class": "x"}))
    number = forms.IntegerField(initial=5, min_value=0)
    hidden = forms.IntegerField(widget=forms.HiddenInput, initial=3)
    check = forms.BooleanField(initial=True, required=False)
    unchecked = forms.BooleanField(required=False)
    email = forms.EmailField(required=False)
    area = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), initial="<script>alert(1)</script>")
    empty_area = forms.CharField(widget=forms.Textarea, required=False)
    choice = forms.ChoiceField(choices=[("g", [("1", "one <1>"), ("2", "two")]), ("3", "three")], initial="2")
    many = forms.MultipleChoiceField(choices=[("1", "a"), ("2", "b")], initial=["2"], required=False)
    date = forms.DateField(widget=forms.DateInput, required=False)
    be_date = forms.CharField(widget=BEDateInput, required=False)
    radio = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, required=False)
    lazy = forms.ChoiceField(choices=[("x", gettext_lazy("ทดสอบ <x> & 'y'")), ("y", mark_safe("<i>y</i>"))],
                             widget=forms.Select(attrs={"title": gettext_lazy("ชื่อ \"ทดสอบ\"")}), required=False)


@pytest.mark.parametrize("data", [None, {"text": "<x>", "number": "nope", "choice": "1", "many": ["1", "2"],
                                         "area": "", "check": "on", "radio": "b", "be_date": "1/1/2569"}])
def test_every_widget_renders_as_djangos_templates_render_it(data):
    form = EveryWidget(data=data)
    form.is_valid()
    fast, templates = SiteFormRenderer(), DjangoTemplates()
    for field in form:
        widget = field.field.widget
        attrs = {"id": field.auto_id}
        ours = widget.render(field.html_name, field.value(), attrs, renderer=fast)
        theirs = widget.render(field.html_name, field.value(), attrs, renderer=templates)
        assert ours == theirs, field.name
        assert isinstance(ours, SafeString)


def test_user_text_is_escaped():
    form = EveryWidget(data={"text": '"><script>', "area": "</textarea><script>"})
    html = str(form["text"]) + str(form["area"])
    assert "<script>" not in html and "&lt;script&gt;" in html
