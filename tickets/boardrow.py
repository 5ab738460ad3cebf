"""One row of the job board (a card on a phone) as markup, written in Python.

The board shows 25–100 rows; through the template engine each row cost ~1,300 Python calls, a third of the
board's time. This writes the markup the row template wrote, from what
:func:`tickets.views.board.prepare_board_rows` worked out for the page: ``{% board_row ticket %}`` in
templates/tickets/ticket_list.html and in templates/tickets/includes/_board_row.html (the htmx answer to "take").

Values are placed by ``format_html`` (escaped as the template's autoescape escapes them).
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from helpdesk import thai
from tickets.badges import first_line, status_badge

CSRF_MISSING = "NOTPROVIDED"  # what CsrfViewMiddleware leaves when a view was not given a token

ROW = (
    '<tr class="{overdue_class}" data-number="{number}" id="row-{pk}">{pick}'
    '<td class="nowrap lc-title"><a href="{url}">{number}</a> {guarantee}</td>'
    '<td class="nowrap lc-hide">{opened}</td>'
    '<td data-label="{unit_label}">{unit}</td>'
    '<td data-label="{device_label}">{device}</td>'
    '<td class="lc-hide">{category}</td>'
    '<td class="lc-line" data-label="{symptom_label}">{symptom}</td>'
    '<td class="lc-status">{status}</td>'
    '<td class="technician-cell{hidden}" data-label="{technician_label}">{technician}{note}</td>'
    '<td class="nowrap" data-label="{due_label}">{due}{overdue}</td></tr>'
)
TAKE = (
    '<form method="post" action="{action}" hx-post="{url}" hx-target="closest tr" hx-swap="outerHTML" '
    'class="d-inline">{csrf}<input type="hidden" name="version" value="{version}">'
    '<button class="btn btn-sm btn-outline-primary py-0 take-button" type="submit" aria-label="{label}">{text}</button>'
    "</form>"
)


def _csrf_input(token) -> SafeString:
    """What ``{% csrf_token %}`` writes."""
    if not token or token == CSRF_MISSING:
        return mark_safe("")
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


def _technician_cell(ticket, text: dict, querystring: str, csrf_token) -> SafeString:
    if ticket.technician_id:
        return format_html("{}", ticket.technician.get_full_name())
    if not ticket.row_takeable:
        return mark_safe('<span class="text-muted">-</span>')
    action = f"{ticket.row_take_url}?{querystring}" if querystring else ticket.row_take_url
    return format_html(TAKE, action=action, url=ticket.row_take_url, csrf=_csrf_input(csrf_token),
                       version=ticket.version, label=ticket.row_take_label, text=text["take"])


def _symptom(text) -> str:
    line = first_line(text)
    # Truncator counts characters without Thai's combining marks, so a line of 80 code points never needs it.
    return line if len(line) <= 80 else Truncator(line).chars(80)


def board_row_html(ticket, text: dict, *, can_bulk: bool, selected_ids=(), querystring: str = "", csrf_token="",
                   message: str = "", error: bool = False) -> SafeString:
    """The row's ``<tr>``: `text` is the labels every row shares, `csrf_token` the page's CSRF token, `message`
    the outcome of a "take" shown under the technician (an error when `error`)."""
    nothing = mark_safe("")
    pick = nothing
    if can_bulk:
        pick = format_html(
            '<td class="lc-select"><input class="form-check-input" type="checkbox" name="ids" value="{}" '
            'form="bulk-form" id="pick-{}" aria-label="{}"{}></td>', ticket.pk, ticket.pk, ticket.row_pick_label,
            mark_safe(" checked") if ticket.pk in selected_ids else "",
        )
    guarantee = nothing
    if ticket.guarantee_of_id:
        guarantee = format_html('<span class="badge text-bg-warning guarantee-flag" title="{}">{}</span>',
                                text["guarantee_title"], text["guarantee_label"])
    note = nothing
    if message:
        note = format_html('<div class="small {} row-message" role="status">{}</div>',
                           "text-danger" if error else "text-success", message)
    overdue = nothing
    if ticket.row_overdue:
        overdue = format_html(' <span class="badge text-bg-danger">{}</span>', text["overdue"])
    return format_html(
        ROW, overdue_class="table-danger" if ticket.row_overdue else "", number=ticket.number, pk=ticket.pk,
        pick=pick, url=ticket.row_url, guarantee=guarantee, opened=thai.format_date(ticket.created_at, short=True),
        unit_label=text["unit"], unit=ticket.unit.name, device_label=text["device"], device=ticket.device_label,
        category=ticket.category, symptom_label=text["symptom"], symptom=_symptom(ticket.symptom),
        status=status_badge(ticket.status), hidden="" if ticket.row_takeable or message else " lc-hide",
        technician_label=text["technician"], technician=_technician_cell(ticket, text, querystring, csrf_token),
        note=note, due_label=text["due"], due=thai.format_date(ticket.effective_due_at, short=True), overdue=overdue,
    )
