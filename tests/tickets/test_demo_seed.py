"""The demo seeder: tickets in every status, a guarantee claim, call-backs; idempotent; bulk option."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Max

from tickets.models import Status, Ticket, TicketEvent

pytestmark = pytest.mark.django_db


def test_seed_demo_fills_every_status_and_is_idempotent():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    statuses = set(Ticket.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert Ticket.objects.guarantee_claims().exists()
    assert Ticket.objects.callbacks_due().count() == 2
    from tickets.models import DisposalProposal, HandOver

    assert HandOver.objects.filter(works=True).exists()
    assert DisposalProposal.objects.filter(status="proposed").exists()
    count, events = Ticket.objects.count(), TicketEvent.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Ticket.objects.count(), TicketEvent.objects.count()) == (count, events)


def test_bulk_tickets_top_up_to_n_with_gap_free_numbers():
    call_command("seed_demo", tickets=600, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Ticket.objects.count() == 600
    for row in Ticket.objects.values("fiscal_year").annotate(n=Count("pk"), top=Max("sequence")):
        assert row["n"] == row["top"]
    assert Ticket.objects.values("tracking_token").distinct().count() == 600
    assert TicketEvent.objects.filter(kind=TicketEvent.Kind.CREATED).count() == 600
    sample = Ticket.objects.filter(status=Status.DELIVERED, requester_name="ผู้แจ้งตัวอย่าง").first()
    assert sample.delivered_at and sample.due_at and sample.events.count() == 2
    call_command("seed_demo", tickets=600, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Ticket.objects.count() == 600


def test_bulk_history_grows_in_length_and_only_recent_jobs_are_open():
    import datetime as dt

    from django.utils import timezone

    from tickets.models.ticket import ACTIVE_STATUSES

    call_command("seed_demo", tickets=3_000, tickets_per_day=10, stdout=open("/dev/null", "w"))  # noqa: SIM115
    bulk = Ticket.objects.filter(requester_name="ผู้แจ้งตัวอย่าง")
    oldest = bulk.order_by("created_at").values_list("created_at", flat=True).first()
    span = (timezone.now() - oldest).days
    assert span >= bulk.count() // 10 - 2  # the daily rate, not a fixed window
    half_year_ago = timezone.now() - dt.timedelta(days=180)
    assert not bulk.filter(created_at__lt=half_year_ago, status__in=ACTIVE_STATUSES).exists()
    assert not bulk.filter(delivered_at__gt=timezone.now()).exists()
    assert not bulk.filter(closed_at__gt=timezone.now()).exists()
    recent = bulk.filter(created_at__gte=timezone.now() - dt.timedelta(days=25))
    assert recent.filter(status__in=ACTIVE_STATUSES).count() > recent.count() // 10
