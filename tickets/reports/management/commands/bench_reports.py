"""Time the fiscal-year summary report (page, PDF, CSV) over a large set of tickets.

    python manage.py bench_reports                 # 100,000 tickets in the last complete fiscal year
    DATABASE_URL=postgres://… python manage.py bench_reports --tickets 100000

Seeds the tickets once (bulk insert, marked "[bench]") and reuses them on later runs. Run it on a
benchmark database, not on production data. Prints the times; it asserts nothing.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from helpdesk.thai import fiscal_year
from tickets.models import Ticket
from tickets.reports.bench import bench_ticket_count, bench_user, seed_bench_tickets
from tickets.reports.figures import ticket_figures
from tickets.reports.periods import fiscal_year_period

PAGE_BUDGET, PDF_BUDGET = 1.0, 5.0


class Command(BaseCommand):
    help = "Seed (or reuse) N tickets in one fiscal year and time the summary report page, PDF and CSV."

    def add_arguments(self, parser):
        parser.add_argument("--tickets", type=int, default=100_000, help="tickets in the fiscal year (100000)")
        parser.add_argument("--fiscal-year", type=int, default=None,
                            help="B.E. fiscal year to fill and report on (default: the last complete one)")
        parser.add_argument("--runs", type=int, default=3, help="timed runs of each request (3)")
        parser.add_argument("--no-pdf", action="store_true", help="skip the PDF timing")

    def handle(self, *args, **options):
        year = options["fiscal_year"] or fiscal_year(timezone.localdate()) - 1
        wanted, runs = options["tickets"], max(options["runs"], 1)
        if wanted < 1:
            raise CommandError("--tickets must be positive")
        vendor = connection.vendor
        self.stdout.write(f"Database: {vendor} ({connection.settings_dict['NAME']}); fiscal year {year}")
        have = bench_ticket_count(year)
        if have < wanted:
            self.stdout.write(f"Seeding {wanted - have:,} tickets (have {have:,}) …")
            started = time.perf_counter()
            seed_bench_tickets(wanted - have, year, seed=year + have, log=self.stdout.write)
            self.stdout.write(f"Seeded in {time.perf_counter() - started:.1f} s")
            if vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        total = Ticket.objects.filter(fiscal_year=year).count()
        self.stdout.write(f"Tickets in fiscal year {year}: {total:,} (all years: {Ticket.objects.count():,})")

        period = fiscal_year_period(year)
        from helpdesk.dashboard import ReportScope

        scope = ReportScope(start=period.start, end=period.end)
        self._time("figures only (ticket_figures)", lambda: ticket_figures(scope), runs)

        user = bench_user()
        client = Client()
        client.force_login(user)
        params = {"period": "fiscal_year", "fiscal_year": str(year)}
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(ALLOWED_HOSTS=hosts):
            def get(name):
                def _get():
                    response = client.get(reverse(name), params, secure=True)
                    if response.status_code != 200:
                        raise CommandError(f"{name} answered {response.status_code}")
                    if response.streaming:
                        return sum(len(chunk) for chunk in response.streaming_content)
                    return len(response.content)
                return _get

            page = self._time("summary page (HTML)", get("reports:summary"), runs, PAGE_BUDGET)
            pdf = None
            if not options["no_pdf"]:
                pdf = self._time("summary PDF", get("reports:summary_pdf"), runs, PDF_BUDGET)
            self._time("CSV of every ticket (streamed)", get("reports:summary_csv"), 1)
        verdict = page <= PAGE_BUDGET and (pdf is None or pdf <= PDF_BUDGET)
        style = self.style.SUCCESS if verdict else self.style.WARNING
        self.stdout.write(style(f"Budgets: page < {PAGE_BUDGET} s, PDF < {PDF_BUDGET} s: "
                                f"{'met' if verdict else 'NOT met'}"))

    def _time(self, label: str, call, runs: int, budget: float | None = None) -> float:
        times, size = [], None
        for _run in range(runs):
            started = time.perf_counter()
            size = call()
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        extra = f", {size:,} bytes" if isinstance(size, int) else ""
        budget_text = f" (budget {budget} s)" if budget else ""
        self.stdout.write(f"{label}: median {median:.3f} s, min {min(times):.3f} s over {runs} run(s){extra}"
                          f"{budget_text}")
        return median
