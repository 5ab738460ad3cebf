"""Fixtures for the outgoing register: a done ticket whose summary letter can be issued, an emblem image."""

import io
import re

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from helpdesk.correspondence.models import Agency, Register
from tests.tickets import conftest as ticket_fixtures
from tickets.models import Status, Ticket
from tickets.services import ticket_record_work

# The ticket fixtures, shared with tests/tickets.
hw = ticket_fixtures.hw
make_asset = ticket_fixtures.make_asset
asset_a = ticket_fixtures.asset_a
make_ticket = ticket_fixtures.make_ticket
deliver = ticket_fixtures.deliver


def pdf_text(body: bytes) -> str:
    """The PDF's text in reading order, normalised for comparison: the merged Sarabun maps the glyph of า to ำ,
    so both read as า; white space is dropped (line breaks fall anywhere in Thai text)."""
    reader = PdfReader(io.BytesIO(body))
    text = "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)
    return norm(text)


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("ำ", "า"))


def emblem_png(size: int = 300) -> bytes:
    """A stand-in emblem (a gold circle) for tests: the project ships no Garuda image."""
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    ImageDraw.Draw(image).ellipse((10, 10, size - 10, size - 10), fill=(180, 140, 20, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def registers(db):
    """The registers the data migration creates (transactional tests flush them, and the content types too: the
    cached ids would point at deleted rows)."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    main, _ = Register.objects.get_or_create(code=Register.MAIN, defaults={"name": "ทะเบียนหนังสือส่ง",
                                                                          "prefix": "กท 0405.1"})
    memo, _ = Register.objects.get_or_create(code=Register.MEMO, defaults={"name": "ทะเบียนบันทึกข้อความ",
                                                                          "prefix": "กท 0405.1"})
    Register.objects.filter(pk=main.pk).update(prefix="กท 0405.1")
    return {"main": main, "memo": memo}


@pytest.fixture
def agency(registers):
    agency = Agency.current()
    agency.name = "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"
    agency.address = "๑๗๓ ถนนดินสอ\nแขวงเสาชิงช้า เขตพระนคร\nกรุงเทพมหานคร ๑๐๒๐๐"
    agency.phone = "0 2224 1234"
    agency.email = "ict@example.go.th"
    agency.save()
    return agency


@pytest.fixture
def done_ticket(make_ticket, deliver, unit_a, hw, requester_a, technician, asset_a, agency, team_a, it_head):
    """A delivered repair of unit A: the technician did the work, the IT head heads the team."""
    team_a.head = it_head
    team_a.save()
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a, by=technician)
    deliver(ticket, technician)
    ticket_record_work(ticket=ticket, by=technician, time_spent_minutes=90)
    return Ticket.objects.get(pk=ticket.pk)


@pytest.fixture
def make_done_ticket(make_ticket, make_asset, deliver, unit_a, hw, technician, agency):
    def _make(unit=None, status=None):
        unit = unit or unit_a
        if status == Status.UNREPAIRABLE:
            ticket = make_ticket(unit, hw, by=technician, asset=make_asset(unit, price="25900.00"))
            Ticket.objects.filter(pk=ticket.pk).update(status=Status.UNREPAIRABLE, cause="เมนบอร์ดเสีย ไม่มีอะไหล่",
                                                       diagnosis="เปิดไม่ติด ตรวจพบเมนบอร์ดช็อต",
                                                       technician=technician)
            return Ticket.objects.get(pk=ticket.pk)
        ticket = make_ticket(unit, hw, by=technician)
        deliver(ticket, technician)
        return Ticket.objects.get(pk=ticket.pk)

    return _make
