import threading
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.db import OperationalError, connection

from publishing import services
from publishing.models import Approval, Event, PublishingRequest
from tests.conftest import make_user


@pytest.mark.django_db(transaction=True)
def test_two_supervisors_approving_at_once_make_one_approval(requester_a, supervisor_a, unit_a, make_request):
    deputy = make_user("deputy", "supervisor", unit=unit_a)
    obj = make_request(requester_a, "submitted")
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(user):
        try:
            barrier.wait(timeout=10)
            # SQLite's shared-cache test database reports a table lock instead of waiting; PostgreSQL waits on
            # the row lock. Retrying here plays the part of the waiting writer.
            for _attempt in range(100):
                try:
                    services.request_transition(request=PublishingRequest.objects.get(pk=obj.pk), action="approve",
                                                by=user)
                    outcomes.append("ok")
                    return
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.05)
            outcomes.append("gave up")
        except (services.TransitionError, PermissionDenied) as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(user,)) for user in (supervisor_a, deputy)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["TransitionError", "ok"]
    assert Approval.objects.filter(request=obj).count() == 1
    assert Event.objects.filter(request=obj, action="approve").count() == 1
    assert PublishingRequest.objects.get(pk=obj.pk).status == "approved"
