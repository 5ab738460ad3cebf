"""The .ics file of a booking follows RFC 5545: CRLF, folded lines, escaped text, UTC times, a stable UID."""

import datetime as dt

from django.urls import reverse

from tickets.meetings.ics import escape_text, fold

from .conftest import at


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_the_ics_download(login, requester_a, room, zoom, meeting_day, make_booking):
    booking = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 12), room=room,
                           vc_account=zoom, title="ประชุมงบประมาณ; ไตรมาส 1, 2\nและ 3 \\ สรุป")
    response = login(requester_a).get(reverse("meetings:ics", args=[booking.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{booking.reference}.ics"' in response["Content-Disposition"]
    raw = response.content
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends with CRLF
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75  # folded by octets
    lines = unfold(raw.decode("utf-8"))
    assert lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines
    start_utc = at(meeting_day, 9).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start_utc}" in lines  # 09:00 in Bangkok is 02:00 UTC
    assert start_utc.endswith("T020000Z")
    assert any(line.startswith(f"UID:booking-{booking.pk}@") for line in lines)
    assert "SUMMARY:ประชุมงบประมาณ\\; ไตรมาส 1\\, 2\\nและ 3 \\\\ สรุป" in lines
    assert "STATUS:TENTATIVE" in lines and "SEQUENCE:0" in lines
    assert any(line.startswith("LOCATION:ห้องประชุม 1 (อาคาร 1 ชั้น 2) + Zoom") for line in lines)


def test_folding_never_splits_a_thai_character():
    line = "SUMMARY:" + "ประชุม" * 40
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # each part is whole characters
    assert folded.replace("\r\n ", "") == line


def test_escape_text():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_other_units_cannot_download_it(login, requester_a, requester_b, room, meeting_day, make_booking):
    booking = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room)
    assert login(requester_b).get(reverse("meetings:ics", args=[booking.pk])).status_code == 404
