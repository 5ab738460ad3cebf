"""One row of the job board (a card on a phone) as markup, written in Python.

The board shows 25–100 rows; through the template engine each row cost ~1,300 Python calls, a third of the
board's time. This writes the markup the row template wrote, from what
:func:`tickets.views.board.prepare_board_rows` worked out for the page: ``{% board_row ticket %}`` in
templates/tickets/ticket_list.html and in templates/tickets/includes/_board_row.html (the htmx answer to "take").

Every value goes through ``escape`` (what the template's autoescape does, ``html.escape`` with quotes) before it
is placed; only the markup written here is marked safe.
"""

from html import escape

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


def _e(value) -> str:
    return escape(str(value))


def _csrf_input(token) -> str:
    """What ``{% csrf_token %}`` writes."""
    if not token or token == CSRF_MISSING:
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{_e(token)}">'


def _technician_cell(ticket, text: dict, querystring: str, csrf_token) -> str:
    if ticket.technician_id:
        return _e(ticket.technician.get_full_name())
    if not ticket.row_takeable:
        return '<span class="text-muted">-</span>'
    action = f"{ticket.row_take_url}?{querystring}" if querystring else ticket.row_take_url
    return TAKE.format(action=_e(action), url=_e(ticket.row_take_url), csrf=_csrf_input(csrf_token),
                       version=_e(ticket.version), label=_e(ticket.row_take_label), text=_e(text["take"]))


def _symptom(text) -> str:
    line = first_line(text)
    # Truncator counts characters without Thai's combining marks, so a line of 80 code points never needs it.
    return line if len(line) <= 80 else Truncator(line).chars(80)


def board_row_html(ticket, text: dict, *, can_bulk: bool, selected_ids=(), querystring: str = "", csrf_token="",
                   message: str = "", error: bool = False) -> SafeString:
    """The row's ``<tr>``: `text` is the labels every row shares, `csrf_token` the page's CSRF token, `message`
    the outcome of a "take" shown under the technician (an error when `error`)."""
    pk = _e(ticket.pk)
    pick = ""
    if can_bulk:
        checked = " checked" if ticket.pk in selected_ids else ""
        pick = (f'<td class="lc-select"><input class="form-check-input" type="checkbox" name="ids" value="{pk}" '
                f'form="bulk-form" id="pick-{pk}" aria-label="{_e(ticket.row_pick_label)}"{checked}></td>')
    guarantee = ""
    if ticket.guarantee_of_id:
        guarantee = (f'<span class="badge text-bg-warning guarantee-flag" title="{_e(text["guarantee_title"])}">'
                     f'{_e(text["guarantee_label"])}</span>')
    note = ""
    if message:
        tone = "text-danger" if error else "text-success"
        note = f'<div class="small {tone} row-message" role="status">{_e(message)}</div>'
    overdue = f' <span class="badge text-bg-danger">{_e(text["overdue"])}</span>' if ticket.row_overdue else ""
    return mark_safe(ROW.format(  # noqa: S308 — every value above is escaped
        overdue_class="table-danger" if ticket.row_overdue else "", number=_e(ticket.number), pk=pk, pick=pick,
        url=_e(ticket.row_url), guarantee=guarantee, opened=_e(thai.format_date(ticket.created_at, short=True)),
        unit_label=_e(text["unit"]), unit=_e(ticket.unit.name), device_label=_e(text["device"]),
        device=_e(ticket.device_label), category=_e(ticket.category), symptom_label=_e(text["symptom"]),
        symptom=_e(_symptom(ticket.symptom)), status=status_badge(ticket.status),
        hidden="" if ticket.row_takeable or message else " lc-hide", technician_label=_e(text["technician"]),
        technician=_technician_cell(ticket, text, querystring, csrf_token), note=note, due_label=_e(text["due"]),
        due=_e(thai.format_date(ticket.effective_due_at, short=True)), overdue=overdue,
    ))
