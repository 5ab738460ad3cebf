"""A small known dataset for fiscal year 2570 (1 Oct 2026 – 30 Sep 2027) and its neighbours.

Every figure the report tests assert is worked out by hand in the comments below.
"""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from assets.models import Asset
from helpdesk.models import Holiday
from helpdesk.surveys.models import Answer, Question, Response
from tickets.categories import ensure_default_categories
from tickets.models import Category, Channel, Status, Ticket

BKK = ZoneInfo("Asia/Bangkok")
_numbers = itertools.count(1)


def bkk(year, month, day, hour=10, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BKK)


def make_ticket(unit, code, created, *, status=Status.NEW, team=None, channel=Channel.WEB, asset=None,
                resolved=None, delivered=None, due=None, parts_due=None, guarantee_of=None) -> Ticket:
    n = next(_numbers)
    if delivered is not None and status == Status.NEW:
        status = Status.DELIVERED
    return Ticket.objects.create(
        number=f"T-{n:05d}", fiscal_year=2570, sequence=n, unit=unit, requester_name="สมศรี ใจดี",
        requester_phone="081 234 5678", symptom="ทดสอบ", category=Category.objects.get(code=code),
        channel=channel, team=team if team is not None else unit.area.team, status=status, asset=asset,
        device_description="" if asset else "อุปกรณ์", created_at=created, resolved_at=resolved,
        delivered_at=delivered, due_at=due, parts_due_at=parts_due, guarantee_of=guarantee_of,
    )


def survey(ticket, *, speed, quality, courtesy, overall, at) -> Response:
    """The ticket's repair survey answered at `at` (questions in order: speed, quality, courtesy, overall)."""
    from tickets.services.survey import ticket_survey_invite

    invitation = ticket_survey_invite(ticket, at=ticket.delivered_at or at)
    response = Response.objects.create(invitation=invitation, score=overall, answered_at=at)
    questions = Question.objects.filter(service=invitation.service).order_by("order", "pk")
    Answer.objects.bulk_create(Answer(response=response, question=q, rating=value)
                               for q, value in zip(questions, (speed, quality, courtesy, overall), strict=True))
    return response


@pytest.fixture
def dataset(unit_a, unit_a_child, unit_b):
    """FY2570, all units: 12 received, 6 delivered, 3 open, 2 cancelled, 1 unrepairable."""
    ensure_default_categories(Category)  # browser (transactional) tests flush what the data migration created
    Holiday.objects.create(date=dt.date(2026, 10, 13), name="วันนวมินทรมหาราช")
    Holiday.objects.create(date=dt.date(2026, 10, 23), name="วันปิยมหาราช")
    asset_x = Asset.objects.create(asset_number="7440-001-0001/2566", asset_type=Asset.Type.COMPUTER, brand="Dell",
                                   model_name="OptiPlex", unit=unit_a)
    asset_y = Asset.objects.create(asset_number="7440-001-0002/2566", asset_type=Asset.Type.COMPUTER, brand="HP",
                                   model_name="ProDesk", unit=unit_a)
    t = {}
    # Fiscal year 2569: 30 Sep 2026 23:30 Bangkok (16:30 UTC).
    t[0] = make_ticket(unit_a, "hw-computer", bkk(2026, 9, 30, 23, 30))
    # Fiscal year 2570 opens: 1 Oct 2026 00:30 Bangkok (= 30 Sep 17:30 UTC). Thu → Mon: 2 working days, on time.
    t[1] = make_ticket(unit_a, "hw-computer", bkk(2026, 10, 1, 0, 30), asset=asset_x,
                       resolved=bkk(2026, 10, 5, 9), delivered=bkk(2026, 10, 5, 10), due=bkk(2026, 10, 6, 0, 30))
    # Fri 2 Oct → Wed 14 Oct (13 Oct holiday): 7 working days; late.
    t[2] = make_ticket(unit_a_child, "hw-printer", bkk(2026, 10, 2, 9), channel=Channel.PHONE,
                       resolved=bkk(2026, 10, 14, 9), delivered=bkk(2026, 10, 14, 15), due=bkk(2026, 10, 7, 9))
    # Same day: 0 working days; on time.
    t[3] = make_ticket(unit_b, "sw-os", bkk(2026, 10, 5, 8), channel=Channel.MEMO,
                       resolved=bkk(2026, 10, 5, 15), delivered=bkk(2026, 10, 5, 16), due=bkk(2026, 10, 7, 8))
    # Guarantee claim of t1 (open, waiting for parts): t1 counts as re-repaired.
    t[4] = make_ticket(unit_a, "hw-computer", bkk(2026, 10, 6, 10), status=Status.WAITING_PARTS, asset=asset_x,
                       guarantee_of=t[1], due=bkk(2026, 10, 9, 10), parts_due=bkk(2027, 1, 4, 10))
    # Mon 12 Oct → Thu 22 Oct: 7 working days; late by due_at but inside the parts clock → on time.
    t[5] = make_ticket(unit_b, "nw-connection", bkk(2026, 10, 12, 10), channel=Channel.PAPER,
                       resolved=bkk(2026, 10, 21, 10), delivered=bkk(2026, 10, 22, 10), due=bkk(2026, 10, 14, 10),
                       parts_due=bkk(2026, 11, 20, 10))
    # Mon 2 Nov → Mon 16 Nov: 10 working days; late.
    t[6] = make_ticket(unit_a, "sw-os", bkk(2026, 11, 2, 9), asset=asset_y,
                       resolved=bkk(2026, 11, 16, 8), delivered=bkk(2026, 11, 16, 9), due=bkk(2026, 11, 4, 9))
    t[7] = make_ticket(unit_a, "hw-computer", bkk(2026, 11, 3, 10), status=Status.CANCELLED, asset=asset_y)
    t[8] = make_ticket(unit_b, "hw-computer", bkk(2026, 12, 1, 10), status=Status.UNREPAIRABLE, channel=Channel.PHONE)
    # Last minute of fiscal year 2570.
    t[9] = make_ticket(unit_a, "hw-monitor", bkk(2027, 9, 30, 23, 59))
    # First minutes of fiscal year 2571.
    t[10] = make_ticket(unit_a, "hw-monitor", bkk(2027, 10, 1, 0, 10))
    # A cancelled guarantee claim of t3: neither a claim nor a re-repair.
    t[11] = make_ticket(unit_b, "sw-os", bkk(2026, 10, 20, 10), status=Status.CANCELLED, guarantee_of=t[3])
    t[12] = make_ticket(unit_a, "hw-computer", bkk(2027, 1, 4, 10), status=Status.IN_PROGRESS, asset=asset_y)
    # Mon 1 Feb → Wed 3 Feb 2027: 2 working days; on time.
    t[13] = make_ticket(unit_a, "hw-monitor", bkk(2027, 2, 1, 10), channel=Channel.MEMO, asset=asset_y,
                        resolved=bkk(2027, 2, 3, 9), delivered=bkk(2027, 2, 3, 10), due=bkk(2027, 2, 4, 10))
    survey(t[3], speed=4, quality=5, courtesy=5, overall=5, at=bkk(2026, 10, 6))
    survey(t[5], speed=2, quality=3, courtesy=4, overall=3, at=bkk(2026, 10, 23))
    survey(t[6], speed=3, quality=4, courtesy=5, overall=4, at=bkk(2026, 11, 17))
    # Answered in fiscal year 2571: outside the FY2570 report.
    survey(t[1], speed=1, quality=1, courtesy=1, overall=1, at=bkk(2027, 10, 2))
    return {"tickets": t, "asset_x": asset_x, "asset_y": asset_y}
