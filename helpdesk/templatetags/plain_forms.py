"""`{{ form|plain_form }}` and `{{ form.field|plain_field }}`: Bootstrap 5 form markup as crispy-forms' bootstrap5
pack writes it (the same ids, classes and structure), built in Python; `{% options items selected %}`: the
`<option>`s of a hand-written filter menu.

crispy renders each field through several nested templates; on the ticket page (four forms) that was a third of
the page's time. Only the widget itself still goes through Django's widget templates.
"""

from html import escape

from django import forms, template
from django.utils.safestring import SafeString, mark_safe

from helpdesk.templates_backend import escaped

register = template.Library()


def _errors(field: forms.BoundField) -> str:
    if not field.errors:
        return ""
    auto_id = escaped(field.auto_id)
    rows = "".join(f'<p id="error_{number}_{auto_id}"><strong>{escaped(error)}</strong></p>'
                   for number, error in enumerate(field.errors, start=1))
    return f'<div id="{auto_id}_error" class="invalid-feedback">{rows}</div>'


def _help(field: forms.BoundField) -> str:
    if not field.help_text:
        return ""
    return f'<div id="{escaped(field.auto_id)}_helptext" class="form-text">{escaped(field.help_text)}</div>'


def _widget(field: forms.BoundField, css: str) -> str:
    widget = field.field.widget
    classes = [type(widget).__name__.lower(), css]
    if widget.attrs.get("class"):
        classes.insert(0, widget.attrs["class"])
    if field.errors:
        classes.append("is-invalid")
    return escaped(field.as_widget(attrs={"class": " ".join(classes)}))


def _label(field: forms.BoundField) -> str:
    if field.field.required:
        return f'{escaped(field.label)}<span class="asteriskField">*</span>'
    return escaped(field.label)


def _radios(field: forms.BoundField) -> str:
    invalid = bool(field.errors)
    options = list(field.subwidgets)
    aria = ' aria-invalid="true"' if invalid else ""
    css = " is-invalid" if invalid else ""
    name = escaped(field.html_name)
    last = len(options)
    rows = "".join(
        f'<div class="form-check"><input type="radio" class="form-check-input{css}" name="{name}" '
        f'value="{escaped(option.data["value"])}" id="{escaped(option.id_for_label)}"'
        f'{" checked" if option.data["selected"] else ""}{aria}><label for="{escaped(option.id_for_label)}" '
        f'class="form-check-label">{escaped(option.choice_label)}</label>{_errors(field) if number == last else ""}'
        "</div>"
        for number, option in enumerate(options, start=1)
    )
    described = f' aria-describedby="{escaped(field.auto_id)}_error"' if invalid else ""
    return (f'<div id="div_{escaped(field.auto_id)}" class="mb-3"><fieldset{described}><legend class="form-label fs-6">'
            f"{_label(field)}</legend><div>{rows}</div>{_help(field)}</fieldset></div>")


@register.filter
def plain_field(field: forms.BoundField) -> SafeString:
    """One field as crispy's bootstrap5 pack writes it. Every value is escaped here (``escaped``) as ``format_html``
    would; only the markup written here is marked safe."""
    widget = field.field.widget
    if widget.is_hidden:
        return field.as_widget()
    if isinstance(widget, forms.RadioSelect):
        return SafeString(_radios(field))
    auto_id = escaped(field.auto_id)
    if isinstance(widget, forms.CheckboxInput):
        return SafeString(
            f'<div class="mb-3"><div id="div_{auto_id}" class="form-check">{_widget(field, "form-check-input")}'
            f'<label for="{escaped(field.id_for_label)}" class="form-check-label">{escaped(field.label)}</label>'
            f"{_errors(field)}{_help(field)}</div></div>"
        )
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    required = " requiredField" if field.field.required else ""
    return SafeString(
        f'<div id="div_{auto_id}" class="mb-3"><label for="{escaped(field.id_for_label)}" class="form-label{required}">'
        f"{_label(field)}</label>{_widget(field, css)}{_errors(field)}{_help(field)}</div>"
    )


@register.filter
def plain_form(form: forms.BaseForm) -> SafeString:
    """The form's non-field errors, then every field in order (hidden ones too), like `{{ form|crispy }}`."""
    errors = form.non_field_errors()
    head = ""
    if errors:
        items = "".join(f"<li>{escaped(error)}</li>" for error in errors)
        head = f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>'
    return SafeString(head + "".join(plain_field(field) for field in form))


@register.simple_tag
def options(items, selected, value: str = "", label: str = "") -> SafeString:
    """The ``<option>``s of a filter menu, the one whose value equals `selected` (as text) marked selected.

    `items` are ``(value, label)`` pairs, plain values (shown as they are), or objects whose attribute `value`
    gives the value and attribute `label` (else the object itself) the text: ``{% options units filters.unit
    "pk" "name" %}``. A template loop costs ~100 Python calls an option; the board's menus have dozens."""
    chosen = "" if selected is None else str(selected)
    parts = []
    for item in items:
        if value:
            option, text = getattr(item, value), getattr(item, label) if label else item
        elif isinstance(item, (tuple, list)):
            option, text = item
        else:
            option = text = item
        option = str(option)
        mark = " selected" if option == chosen else ""
        parts.append(f'<option value="{escape(option)}"{mark}>{escape(str(text))}</option>')
    return mark_safe("".join(parts))  # noqa: S308 — values and texts are escaped
