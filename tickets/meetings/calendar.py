"""Day and week calendars, built on the server: rooms and accounts as columns, bookings placed in rows.

Everyone sees when a room or an account is taken; the title, unit and link show only on bookings the
user may read (``Booking.objects.visible_to``), the others read "ไม่ว่าง" with their times. Four queries
whatever the number of bookings.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from .models import Booking, Room, VCAccount

SLOT = dt.timedelta(minutes=30)
DAY_FROM = dt.time(7, 0)
DAY_TO = dt.time(19, 0)


@dataclass
class Entry:
    booking: Booking
    visible: bool
    starts: dt.datetime  # local time
    ends: dt.datetime

    @property
    def status_class(self) -> str:
        return f"mt-status-{self.booking.status}" if self.visible else "mt-busy"


@dataclass
class Column:
    key: str
    label: str
    detail: str
    entries: list[Entry] = field(default_factory=list)
    lanes: list[list[Entry]] = field(default_factory=list)


def _aware(day: dt.date, at: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, at))


def _columns(bookings: list[Booking]) -> tuple[list[Column], dict]:
    used_rooms = {b.room_id for b in bookings if b.room_id}
    used_accounts = {b.vc_account_id for b in bookings if b.vc_account_id}
    columns: dict[str, Column] = {}
    for room in Room.objects.filter(is_active=True) | Room.objects.filter(pk__in=used_rooms):
        columns[f"room-{room.pk}"] = Column(f"room-{room.pk}", room.name, f"{room.location} · {room.capacity}")
    accounts = VCAccount.objects.filter(is_active=True) | VCAccount.objects.filter(pk__in=used_accounts)
    for account in accounts.order_by("platform", "name"):
        columns[f"vc-{account.pk}"] = Column(f"vc-{account.pk}", account.get_platform_display(), account.name)
    return list(columns.values()), columns


def _entries(user, begin: dt.datetime, end: dt.datetime) -> list[Entry]:
    live = Booking.objects.live().between(begin, end)
    bookings = list(live.select_related("room", "vc_account", "unit").order_by("starts_at", "pk"))
    visible = set(live.visible_to(user).values_list("pk", flat=True))
    return [Entry(b, b.pk in visible, timezone.localtime(b.starts_at), timezone.localtime(b.ends_at))
            for b in bookings]


def _column_keys(booking: Booking) -> list[str]:
    """A booking occupies its room's column and its account's column (a room with Zoom takes both)."""
    keys = [f"room-{booking.room_id}"] if booking.room_id else []
    return keys + ([f"vc-{booking.vc_account_id}"] if booking.vc_account_id else [])


def _assign_lanes(column: Column) -> None:
    """Side-by-side lanes for overlapping bookings (only an account allowing several meetings has them)."""
    for entry in column.entries:
        for lane in column.lanes:
            if lane[-1].ends <= entry.starts:
                lane.append(entry)
                break
        else:
            column.lanes.append([entry])
    if not column.lanes:
        column.lanes.append([])


def day_calendar(user, day: dt.date) -> dict:
    begin, end = _aware(day, dt.time.min), _aware(day + dt.timedelta(days=1), dt.time.min)
    entries = _entries(user, begin, end)
    columns, by_key = _columns([e.booking for e in entries])
    for entry in entries:
        entry.starts, entry.ends = max(entry.starts, begin), min(entry.ends, end)
        for key in _column_keys(entry.booking):
            by_key[key].entries.append(entry)
    for column in columns:
        _assign_lanes(column)

    first = _aware(day, DAY_FROM)
    last = _aware(day, DAY_TO)
    for entry in entries:
        first = min(first, begin + SLOT * ((entry.starts - begin) // SLOT))
        last = max(last, entry.ends)
    slot_count = -(-(last - first) // SLOT)
    slots = [first + SLOT * i for i in range(slot_count)]

    def slot_of(moment: dt.datetime) -> int:
        return (moment - first) // SLOT

    # rows[i] = cells of slot i; a cell is ("start", entry, rowspan), ("empty",) or omitted under a rowspan.
    rows = [{"time": slot, "cells": []} for slot in slots]
    for column in columns:
        for lane in column.lanes:
            covered: dict[int, tuple] = {}
            for entry in lane:
                start = slot_of(entry.starts)
                span = max(1, -(-(entry.ends - first) // SLOT) - start)
                covered[start] = ("start", entry, span)
                for i in range(start + 1, start + span):
                    covered[i] = ("skip",)
            for i, row in enumerate(rows):
                cell = covered.get(i, ("empty",))
                if cell[0] != "skip":
                    row["cells"].append(cell)
    return {
        "day": day,
        "columns": columns,
        "rows": rows,
        "entries": entries,
        "previous": day - dt.timedelta(days=1),
        "next": day + dt.timedelta(days=1),
    }


def week_calendar(user, day: dt.date) -> dict:
    monday = day - dt.timedelta(days=day.weekday())
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    begin, end = _aware(monday, dt.time.min), _aware(monday + dt.timedelta(days=7), dt.time.min)
    entries = _entries(user, begin, end)
    columns, by_key = _columns([e.booking for e in entries])
    index = {key: i for i, key in enumerate(by_key)}
    grid = [{"day": d, "cells": [[] for _ in columns], "entries": []} for d in days]
    for entry in entries:
        # A meeting is on the day it starts (they are booked within one day).
        offset = (entry.starts.date() - monday).days
        if 0 <= offset < 7:
            for key in _column_keys(entry.booking):
                grid[offset]["cells"][index[key]].append(entry)
            grid[offset]["entries"].append(entry)
    return {
        "day": day,
        "monday": monday,
        "today": timezone.localdate(),
        "sunday": days[-1],
        "columns": columns,
        "grid": grid,
        "entries": entries,
        "previous": monday - dt.timedelta(days=7),
        "next": monday + dt.timedelta(days=7),
    }
