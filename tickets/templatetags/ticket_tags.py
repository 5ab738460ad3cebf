import re

from django import template

from tickets.badges import first_line, status_badge, status_class, status_label

register = template.Library()


@register.filter
def takeable_by(ticket, user) -> bool:
    """The board offers "take" on an open job nobody has yet, to a technician who may work on it (no query: roles and
    team are cached on the user, the row carries its team)."""
    from helpdesk.roles import Role, has_role

    return (ticket.technician_id is None and ticket.is_active and has_role(user, Role.TECHNICIAN)
            and ticket.can_act(user))


@register.filter
def overdue_at(ticket, now) -> bool:
    return ticket.is_overdue(now)


register.filter("status_class", status_class)
register.filter("first_line", first_line)
register.filter("status_label", status_label)
register.simple_tag(status_badge, name="status_badge")


_EXTENSION = re.compile(r"\s*(?:ต่อ|ext\.?|x|#)\s*(\d+)", re.IGNORECASE)


@register.filter
def tel_href(phone: str) -> str:
    """A ``tel:`` URL for a phone number as people type it ("081 234 5678", "02-123-4567 ต่อ 12",
    "+66 81 234 5678"); the first number when several are given; "" when there is no number."""
    first = re.split(r"[,/;]| หรือ ", phone or "")[0]
    extension = _EXTENSION.search(first)
    number = first[:extension.start()] if extension else first
    digits = re.sub(r"[^\d+]", "", number)
    digits = digits[:1] + digits[1:].replace("+", "")
    if len(digits.lstrip("+")) < 3:
        return ""
    return f"tel:{digits}" + (f",{extension.group(1)}" if extension else "")


@register.simple_tag(takes_context=True)
def board_row(context, ticket):
    """One row of the job board (tickets.boardrow), from the page's labels, bulk selection and filters."""
    from tickets.boardrow import board_row_html

    return board_row_html(
        ticket, context["row_text"], can_bulk=context.get("can_bulk", False),
        selected_ids=context.get("selected_ids") or (), querystring=context.get("querystring") or "",
        csrf_token=context.get("csrf_token"), message=context.get("row_message") or "",
        error=bool(context.get("row_error")),
    )
