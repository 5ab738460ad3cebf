"""Two admins assign the same address at once: exactly one wins, the other gets a clear Thai message."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from tickets.network.models import IPAssignment, IPRequest
from tickets.network.services import ip_request_assign

pytestmark = pytest.mark.django_db(transaction=True)


def test_exactly_one_of_two_concurrent_assignments_wins(requester_a, network_admin, subnet, make_ip_request):
    first = make_ip_request(requester_a, requester_a.profile.unit, mac="3c:52:82:00:00:01")
    second = make_ip_request(requester_a, requester_a.profile.unit, mac="3c:52:82:00:00:02")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def assign(ip_request):
        try:
            barrier.wait(timeout=10)
            for _attempt in range(100):
                try:
                    ip_request_assign(request=ip_request, by=network_admin, subnet=subnet, ip_address="10.50.1.50")
                    outcomes.append("won")
                except ValidationError as error:
                    outcomes.append(error.messages[0])
                except OperationalError as error:
                    # SQLite's shared-cache in-memory test database reports a busy table at once instead of
                    # waiting like a file database (or PostgreSQL) does; try again like a waiting writer.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
                    continue
                break
        finally:
            connection.close()

    threads = [threading.Thread(target=assign, args=(r,)) for r in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes, key=lambda o: o != "won")[0] == "won"
    assert outcomes.count("won") == 1
    loser = next(o for o in outcomes if o != "won")
    assert "10.50.1.50" in loser and ("ถูกใช้งานแล้ว" in loser or "เพิ่งถูกกำหนด" in loser)
    assert IPAssignment.objects.filter(ip_address="10.50.1.50", active=True).count() == 1
    statuses = sorted(IPRequest.objects.values_list("status", flat=True))
    assert statuses == ["assigned", "submitted"]


def test_the_database_refuses_a_second_active_ip_or_mac(unit_a, subnet):
    from django.db import IntegrityError, transaction

    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.60", mac_address="3c:52:82:00:00:01", unit=unit_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.60", mac_address="3c:52:82:00:00:02",
                                    unit=unit_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.61", mac_address="3c:52:82:00:00:01",
                                    unit=unit_a)
    # Released rows do not count.
    IPAssignment.objects.filter(ip_address="10.50.1.60").update(active=False)
    IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.60", mac_address="3c:52:82:00:00:01", unit=unit_a)
