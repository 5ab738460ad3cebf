import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tickets.meetings.models import Booking, Room, VCAccount
from tickets.meetings.services import booking_create

PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf_upload(name="agenda.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


@pytest.fixture
def meeting_day():
    """A Wednesday two to three weeks ahead, so the Monday and Tuesday before it are working days too
    (the test database holds no public holidays)."""
    day = timezone.localdate() + dt.timedelta(days=14)
    return day + dt.timedelta(days=(2 - day.weekday()) % 7)


@pytest.fixture
def room(unit_a):
    return Room.objects.create(name="ห้องประชุม 1", location="อาคาร 1 ชั้น 2", capacity=20,
                               equipment="จอภาพ ไมโครโฟน", unit=unit_a)


@pytest.fixture
def small_room(unit_a):
    return Room.objects.create(name="ห้องประชุมเล็ก", location="อาคาร 2 ชั้น 3", capacity=6)


@pytest.fixture
def zoom(db):
    return VCAccount.objects.create(name="Zoom 1", platform=VCAccount.Platform.ZOOM, capacity=100, concurrent_limit=1)


@pytest.fixture
def teams(db):
    return VCAccount.objects.create(name="Teams องค์กร", platform=VCAccount.Platform.TEAMS, capacity=300,
                                    concurrent_limit=2)


@pytest.fixture
def make_booking(db):
    def _make(user, *, starts_at, ends_at, room=None, vc_account=None, participants=10, title="ประชุมประจำเดือน",
              **extra):
        booking = Booking(
            unit=user.profile.unit, title=title, starts_at=starts_at, ends_at=ends_at, participants=participants,
            room=room, vc_account=vc_account, contact_name="สมศรี ใจดี", contact_phone="0 2521 0522 ต่อ 12", **extra,
        )
        return booking_create(booking=booking, by=user)

    return _make


class Clock:
    """Moves timezone.now() for the code under test (services, the kernel, views)."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.now = None

    def set(self, moment: dt.datetime) -> None:
        self.now = moment
        self.monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)


@pytest.fixture
def clock(monkeypatch, settings):
    # Sessions would expire when the clock jumps days ahead (SESSION_COOKIE_AGE is a working day).
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 365
    return Clock(monkeypatch)
