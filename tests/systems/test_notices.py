"""Notices of the systems process: named kinds (each user picks a channel per kind), the record's link in the inbox,
and reminders delivered once by ``manage.py send_reminders`` as the clock moves."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from helpdesk.notifications.kinds import all_kinds
from helpdesk.notifications.models import Notification
from tests.systems.conftest import at
from tickets.systems import services
from tickets.systems.integration import NOTICE_KINDS

pytestmark = pytest.mark.django_db
MON = dt.date(2027, 1, 11)


def test_every_kind_is_registered():
    registered = dict(all_kinds())
    assert set(NOTICE_KINDS) <= set(registered)
    assert str(registered["system_change_overdue"]) == "คำขอปรับปรุงระบบเลยกำหนด"


def test_process_notices_carry_their_kind_and_link(technician, requester_a, dev_request,
                                                   django_capture_on_commit_callbacks):
    notice = Notification.objects.get(user=technician, kind="systems")
    assert notice.url == reverse("systems:request_detail", args=[dev_request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        services.devrequest_reject(dev_request=dev_request, by=technician, reason="ซ้ำกับระบบเดิม")
    told = Notification.objects.get(user=requester_a, kind="systems")
    assert "ไม่ได้รับการพิจารณา" in told.subject and told.url == reverse("systems:request_detail",
                                                                         args=[dev_request.pk])


def test_overdue_change_is_reminded_once_and_escalation_is_a_new_notice(
    monkeypatch, clock, make_change, requester_a, technician, it_head, system_a,
):
    from django.utils import timezone

    clock.set(at(MON, 10, 0))
    change = make_change(requester_a, system_a)
    Notification.objects.all().delete()

    def run(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        call_command("send_reminders", verbosity=0)

    run(at(MON, 10, 5))
    assert not Notification.objects.filter(kind="system_change_overdue").exists()
    run(at(MON, 10, 11))
    run(at(MON, 10, 40))
    run(at(MON, 14, 0))
    due = Notification.objects.filter(kind="system_change_overdue")
    assert sorted(n.user.username for n in due) == sorted([technician.username, it_head.username])
    assert {n.url for n in due} == {reverse("systems:change_detail", args=[change.pk])}
    # Analysed: the delivery target passing is a new stage, sent once.
    monkeypatch.setattr(timezone, "now", lambda: at(MON, 14, 5))
    services.change_analyse(change=change, by=technician, analysis="ตรวจพบสาเหตุ")
    run(at(MON, 16, 0))
    run(at(MON, 16, 30))
    assert Notification.objects.filter(kind="system_change_overdue", user=technician).count() == 2
