"""Ticket numbers per fiscal year, gap-free and unique even when tickets are filed at the same moment."""

import threading

import pytest
from django.db import connection, connections

from tests.tickets.conftest import bangkok, category
from tickets.models import FiscalYearCounter, Ticket
from tickets.services import ticket_create


@pytest.mark.django_db
def test_numbers_restart_each_fiscal_year(make_ticket, unit_a, hw, technician):
    before = make_ticket(unit_a, hw, by=technician, now=bangkok(2026, 9, 30, 23, 59))
    after = make_ticket(unit_a, hw, by=technician, now=bangkok(2026, 10, 1, 0, 1))
    again = make_ticket(unit_a, hw, by=technician, now=bangkok(2026, 10, 2))
    assert before.number == "2569-00001"
    assert (after.number, again.number) == ("2570-00001", "2570-00002")


@pytest.mark.django_db
def test_a_failed_creation_leaves_no_gap(make_ticket, unit_a, hw, technician, make_asset, unit_b):
    make_ticket(unit_a, hw, by=technician)
    with pytest.raises(Exception):  # noqa: B017 - any failure inside the transaction
        make_ticket(unit_a, hw, by=technician, asset=make_asset(unit_b))  # asset of another unit: refused
    third = make_ticket(unit_a, hw, by=technician)
    assert third.sequence == 2


@pytest.mark.django_db(transaction=True)
def test_parallel_creation_gives_consecutive_unique_numbers(unit_a, technician):
    computer = category("hw-computer")
    workers, per_worker = 6, 5
    errors: list[Exception] = []
    barrier = threading.Barrier(workers)

    def work():
        try:
            barrier.wait()
            for _ in range(per_worker):
                ticket_create(unit=unit_a, category=computer, symptom="พร้อมกัน", requester_name="ทดสอบ",
                              requester_phone="02", by=technician, device_description="PC")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    total = workers * per_worker
    sequences = sorted(Ticket.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, total + 1)), connection.vendor
    numbers = list(Ticket.objects.values_list("number", flat=True))
    assert len(set(numbers)) == total
    year = Ticket.objects.first().fiscal_year
    assert FiscalYearCounter.objects.get(pk=year).last_number == total
