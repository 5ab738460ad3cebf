"""An iCalendar (RFC 5545) file for one booking: CRLF lines folded at 75 octets, escaped text, UTC times."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from .models import Booking

STATUS = {
    Booking.Status.REQUESTED: "TENTATIVE",
    Booking.Status.CANCELLED: "CANCELLED",
}


def escape_text(value: str) -> str:
    """TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines are escaped."""
    return (
        str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF + one space (§3.1),
    never splitting a UTF-8 character (Thai is three octets a letter)."""
    parts, current, size = [], "", 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with the space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def booking_ics(booking: Booking, *, url: str) -> str:
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "helpdesk"
    description = [booking.reference, booking.unit.name]
    if booking.join_url:
        description.append(booking.join_url)
    if booking.join_details:
        description.append(booking.join_details)
    if booking.notes:
        description.append(booking.notes)
    description.append(url)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ICT Helpdesk//Meetings//TH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:booking-{booking.pk}@{host}",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(booking.starts_at)}",
        f"DTEND:{utc(booking.ends_at)}",
        f"SEQUENCE:{booking.sequence}",
        f"SUMMARY:{escape_text(booking.title)}",
        f"LOCATION:{escape_text(booking.where)}",
        f"DESCRIPTION:{escape_text(chr(10).join(description))}",
        f"STATUS:{STATUS.get(booking.status, 'CONFIRMED')}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
