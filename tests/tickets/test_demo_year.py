"""seed_demo fills a year: 300+ tickets over the last twelve months in every status, category, unit and team,
with guarantee claims, loans, surveys, parts, publishing and network requests; what the services would write."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Max, Min
from django.utils import timezone

from assets.models import AssetLoan
from helpdesk.models import Team, Unit
from helpdesk.surveys.models import Response
from publishing.models import PublishingRequest
from tickets.models import Category, Status, Ticket, TicketEvent, TicketLoan
from tickets.network.models import AccountRequest, IPRequest
from tickets.parts.models import Movement, PartRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeded once for the module, inside a transaction rolled back at its end (the tests nest inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def months_back(count: int = 12) -> list[tuple[int, int]]:
    """(year, month) of this month and the `count - 1` before it, local time."""
    today = timezone.localdate()
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def local_month(moment: dt.datetime) -> tuple[int, int]:
    local = timezone.localtime(moment)
    return local.year, local.month


def test_at_least_300_tickets_in_every_status_category_unit_team_and_month(seeded):
    assert Ticket.objects.count() >= 300
    by_status = dict(Ticket.objects.values_list("status").annotate(n=Count("pk")))
    assert set(by_status) == set(Status.values)
    assert by_status[Status.CLOSED] > by_status[Status.NEW]  # a year's work is mostly finished
    by_category = dict(Ticket.objects.values_list("category__code").annotate(n=Count("pk")))
    assert set(by_category) == set(Category.objects.filter(parent__isnull=False).values_list("code", flat=True))
    units_with_tickets = set(Ticket.objects.values_list("unit__code", flat=True))
    assert units_with_tickets == set(Unit.objects.filter(area__isnull=False).values_list("code", flat=True))
    assert set(Ticket.objects.values_list("team", flat=True)) == set(Team.objects.values_list("pk", flat=True))
    per_month: dict[tuple[int, int], int] = {}
    for created in Ticket.objects.values_list("created_at", flat=True):
        per_month[local_month(created)] = per_month.get(local_month(created), 0) + 1
    for month in months_back(12)[1:]:  # every full month of the last year
        assert per_month.get(month, 0) >= 15, (month, per_month)
    oldest = Ticket.objects.aggregate(first=Min("created_at"))["first"]
    assert timezone.now() - oldest > dt.timedelta(days=330)


def test_the_history_is_what_the_services_write(seeded):
    now = timezone.now()
    assert not TicketEvent.objects.filter(at__gt=now).exists()
    assert not Ticket.objects.filter(received_at__lt=F("created_at")).exists()
    assert not Ticket.objects.filter(delivered_at__lt=F("received_at")).exists()
    assert not Ticket.objects.filter(due_at__lte=F("created_at")).exists()
    assert not Ticket.objects.filter(status=Status.CLOSED, closed_at__isnull=True).exists()
    # Numbers are gap-free per fiscal year, every ticket has its creation event and a timeline that moves forward.
    for row in Ticket.objects.values("fiscal_year").annotate(n=Count("pk"), top=Max("sequence")):
        assert row["n"] == row["top"]
    assert TicketEvent.objects.filter(kind=TicketEvent.Kind.CREATED).count() == Ticket.objects.count()
    closed = Ticket.objects.filter(status=Status.CLOSED).order_by("pk").first()
    times = list(closed.events.order_by("pk").values_list("at", flat=True))
    assert times == sorted(times) and times[0] == closed.created_at


def test_claims_loans_surveys_and_parts_spread_over_the_year(seeded):
    assert Ticket.objects.guarantee_claims().count() >= 3
    for claim in Ticket.objects.guarantee_claims().select_related("guarantee_of"):
        assert claim.asset_id == claim.guarantee_of.asset_id
        assert dt.timedelta(0) < claim.created_at - claim.guarantee_of.delivered_at <= dt.timedelta(days=30)
    assert TicketLoan.objects.count() >= 10
    assert AssetLoan.objects.filter(returned_at__isnull=False).count() >= 10
    assert Response.objects.count() >= 100
    answered_months = {local_month(at) for at in Response.objects.values_list("answered_at", flat=True)}
    installed_months = {local_month(at) for at in PartRequest.objects.filter(status="installed")
                        .values_list("installed_at", flat=True)}
    ledger_months = {local_month(at) for at in Movement.objects.values_list("at", flat=True)}
    published_months = {local_month(at) for at in PublishingRequest.objects.filter(published_at__isnull=False)
                        .values_list("published_at", flat=True)}
    ip_months = {local_month(at) for at in IPRequest.objects.values_list("created_at", flat=True)}
    account_months = {local_month(at) for at in AccountRequest.objects.values_list("created_at", flat=True)}
    for month in months_back(12)[1:]:
        for name, months in (("surveys", answered_months), ("parts", installed_months), ("ledger", ledger_months),
                             ("publishing", published_months), ("ip", ip_months), ("accounts", account_months)):
            assert month in months, (name, month)
