"""`{{ form|plain_form }}` and `{{ form.field|plain_field }}`: Bootstrap 5 form markup as crispy-forms' bootstrap5
pack writes it (the same ids, classes and structure), built in Python; `{% options items selected %}`: the
`<option>`s of a hand-written filter menu.

crispy renders each field through several nested templates; on the ticket page (four forms) that was a third of
the page's time. Only the widget itself still goes through Django's widget templates.
"""

from django import forms, template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _errors(field: forms.BoundField) -> SafeString:
    if not field.errors:
        return mark_safe("")
    return format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>', field.auto_id,
        format_html_join("", '<p id="error_{}_{}"><strong>{}</strong></p>',
                         ((number, field.auto_id, error) for number, error in enumerate(field.errors, start=1))),
    )


def _help(field: forms.BoundField) -> SafeString:
    if not field.help_text:
        return mark_safe("")
    return format_html('<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, field.help_text)


def _widget(field: forms.BoundField, css: str) -> str:
    widget = field.field.widget
    classes = [type(widget).__name__.lower(), css]
    if widget.attrs.get("class"):
        classes.insert(0, widget.attrs["class"])
    if field.errors:
        classes.append("is-invalid")
    return field.as_widget(attrs={"class": " ".join(classes)})


def _label(field: forms.BoundField) -> SafeString:
    if field.field.required:
        return format_html('{}<span class="asteriskField">*</span>', field.label)
    return conditional_escape(field.label)


def _radios(field: forms.BoundField) -> SafeString:
    invalid = bool(field.errors)
    options = list(field.subwidgets)
    aria = mark_safe(' aria-invalid="true"') if invalid else ""
    rows = format_html_join(
        "", '<div class="form-check"><input type="radio" class="form-check-input{}" name="{}" value="{}" id="{}"{}{}>'
            '<label for="{}" class="form-check-label">{}</label>{}</div>',
        ((" is-invalid" if invalid else "", field.html_name, option.data["value"], option.id_for_label,
          mark_safe(" checked") if option.data["selected"] else "", aria,
          option.id_for_label, option.choice_label, _errors(field) if number == len(options) else "")
         for number, option in enumerate(options, start=1)),
    )
    described = format_html(' aria-describedby="{}_error"', field.auto_id) if invalid else ""
    return format_html(
        '<div id="div_{}" class="mb-3"><fieldset{}><legend class="form-label fs-6">{}</legend><div>{}</div>{}'
        "</fieldset></div>", field.auto_id, described, _label(field), rows, _help(field),
    )


@register.filter
def plain_field(field: forms.BoundField) -> SafeString:
    widget = field.field.widget
    if widget.is_hidden:
        return field.as_widget()
    if isinstance(widget, forms.RadioSelect):
        return _radios(field)
    if isinstance(widget, forms.CheckboxInput):
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}<label for="{}" class="form-check-label">{}'
            "</label>{}{}</div></div>", field.auto_id, _widget(field, "form-check-input"), field.id_for_label,
            field.label, _errors(field), _help(field),
        )
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    required = " requiredField" if field.field.required else ""
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label{}">{}</label>{}{}{}</div>',
        field.auto_id, field.id_for_label, required, _label(field), _widget(field, css), _errors(field), _help(field),
    )


@register.filter
def plain_form(form: forms.BaseForm) -> SafeString:
    """The form's non-field errors, then every field in order (hidden ones too), like `{{ form|crispy }}`."""
    parts = []
    if form.non_field_errors():
        parts.append(format_html(
            '<div class="alert alert-block alert-danger"><ul class="m-0">{}</ul></div>',
            format_html_join("", "<li>{}</li>", ((error,) for error in form.non_field_errors())),
        ))
    parts.extend(plain_field(field) for field in form)
    return format_html_join("", "{}", ((part,) for part in parts))


@register.simple_tag
def options(items, selected, value: str = "", label: str = "") -> SafeString:
    """The ``<option>``s of a filter menu, the one whose value equals `selected` (as text) marked selected.

    `items` are ``(value, label)`` pairs, plain values (shown as they are), or objects whose attribute `value`
    gives the value and attribute `label` (else the object itself) the text: ``{% options units filters.unit
    "pk" "name" %}``. A template loop costs ~100 Python calls an option; the board's menus have dozens."""
    chosen = "" if selected is None else str(selected)
    rows = []
    for item in items:
        if value:
            option, text = getattr(item, value), getattr(item, label) if label else item
        elif isinstance(item, (tuple, list)):
            option, text = item
        else:
            option = text = item
        option = str(option)
        rows.append((option, SELECTED if option == chosen else "", text))
    return format_html_join("", '<option value="{}"{}>{}</option>', rows)


SELECTED = mark_safe(" selected")
