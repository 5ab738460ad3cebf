"""The scheduled job: the clock moves past due times and exactly the right people are told, once each."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from assets.models import AssetLoan
from helpdesk import reminders
from helpdesk.notifications.models import Notification, SentReminder
from helpdesk.notifications.services import reminders_send
from tickets.models import Channel, Ticket
from tickets.parts.models import PartRequest

T0 = timezone.make_aware(dt.datetime(2026, 12, 1, 9, 0))  # a Tuesday, 09:00 Bangkok


def received(user) -> list[tuple[str, str]]:
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("kind", "subject"))


def kinds_of(user) -> list[str]:
    return [kind for kind, _subject in received(user)]


@pytest.fixture
def team_head(team_a, supervisor_a):
    from tests.conftest import make_user

    head = make_user("teamhead", "technician", unit=supervisor_a.profile.unit, team=team_a)
    team_a.head = head
    team_a.save()
    return head


@pytest.fixture
def open_ticket(make_ticket, hw, unit_a, requester_a, technician, team_head):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    Ticket.objects.filter(pk=ticket.pk).update(
        status="in_progress", technician=technician, team=team_head.profile.team, due_at=T0 + dt.timedelta(hours=3),
        parts_due_at=None,
    )
    Notification.objects.all().delete()
    mail.outbox.clear()
    return Ticket.objects.get(pk=ticket.pk)


@pytest.mark.django_db
def test_sla_warning_then_overdue_then_escalation_each_once(settings, open_ticket, technician, team_head, it_head):
    settings.REMINDER_SLA_WARNING_MINUTES = 120
    settings.REMINDER_ESCALATE_AFTER_HOURS = 24
    number = open_ticket.number

    assert reminders_send(now=T0) == 0  # 3 hours before: nothing yet
    assert reminders_send(now=T0 + dt.timedelta(hours=1, minutes=30)) == 1
    assert received(technician) == [("ticket_sla_warning", f"ใบแจ้งซ่อม {number} ใกล้ครบกำหนดเวลาให้บริการ")]
    assert [m.to for m in mail.outbox] == [[technician.email]]
    assert reminders_send(now=T0 + dt.timedelta(hours=2)) == 0  # not twice

    assert reminders_send(now=T0 + dt.timedelta(hours=3, minutes=5)) == 1
    assert received(team_head) == [("ticket_overdue", f"ใบแจ้งซ่อม {number} เกินกำหนดเวลาให้บริการ")]
    assert kinds_of(it_head) == []
    assert reminders_send(now=T0 + dt.timedelta(hours=10)) == 0

    assert reminders_send(now=T0 + dt.timedelta(hours=27, minutes=5)) == 1
    assert kinds_of(it_head) == ["ticket_overdue"]
    assert "ยกระดับ" in received(it_head)[0][1]
    assert reminders_send(now=T0 + dt.timedelta(hours=40)) == 0

    assert kinds_of(technician) == ["ticket_sla_warning"]
    assert kinds_of(team_head) == ["ticket_overdue"]
    assert sorted(SentReminder.objects.values_list("key", flat=True)) == sorted([
        f"tickets.overdue.it_head:{open_ticket.pk}:{int(open_ticket.due_at.timestamp())}",
        f"tickets.overdue.team_head:{open_ticket.pk}:{int(open_ticket.due_at.timestamp())}",
        f"tickets.sla_warning:{open_ticket.pk}:{int(open_ticket.due_at.timestamp())}",
    ])


@pytest.mark.django_db
def test_the_escalation_delay_is_configurable(settings, open_ticket, team_head, it_head):
    settings.REMINDER_ESCALATE_AFTER_HOURS = 2
    reminders_send(now=T0 + dt.timedelta(hours=4))
    assert kinds_of(team_head) == ["ticket_overdue"]
    assert kinds_of(it_head) == []
    reminders_send(now=T0 + dt.timedelta(hours=5))
    assert kinds_of(it_head) == ["ticket_overdue"]


@pytest.mark.django_db
def test_a_finished_ticket_is_not_reminded(open_ticket, technician, team_head):
    Ticket.objects.filter(pk=open_ticket.pk).update(status="ready_for_pickup")
    assert reminders_send(now=T0 + dt.timedelta(hours=30)) == 0
    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_moved_deadline_is_reminded_again(open_ticket, technician):
    reminders_send(now=T0 + dt.timedelta(hours=2))
    Ticket.objects.filter(pk=open_ticket.pk).update(parts_due_at=T0 + dt.timedelta(days=3))
    reminders_send(now=T0 + dt.timedelta(days=3) - dt.timedelta(hours=1))
    assert kinds_of(technician) == ["ticket_sla_warning", "ticket_sla_warning"]


@pytest.mark.django_db
def test_a_call_back_due_reminds_the_technician(open_ticket, technician, team_head):
    Ticket.objects.filter(pk=open_ticket.pk).update(
        channel=Channel.PHONE, callback_due_at=T0 + dt.timedelta(minutes=30), due_at=T0 + dt.timedelta(days=5)
    )
    assert reminders_send(now=T0) == 0
    reminders_send(now=T0 + dt.timedelta(minutes=31))
    reminders_send(now=T0 + dt.timedelta(minutes=45))
    assert kinds_of(technician) == ["callback_due"]
    assert "081 234 5678" in Notification.objects.get(user=technician).message
    Ticket.objects.filter(pk=open_ticket.pk).update(callback_done_at=T0 + dt.timedelta(minutes=50))
    assert reminders_send(now=T0 + dt.timedelta(hours=1)) == 0


@pytest.mark.django_db
def test_an_overdue_loan_reminds_who_lent_it(make_asset, unit_a, unit_b, technician, it_head):
    asset = make_asset(unit_a)
    loan = AssetLoan.objects.create(asset=asset, borrower_unit=unit_b, borrower_name="นายยืม ไปก่อน",
                                    purpose="ใช้แทนเครื่องที่ส่งซ่อม", due_date=dt.date(2026, 12, 3),
                                    lent_by=technician, previous_status=asset.status)
    assert reminders_send(now=T0 + dt.timedelta(days=2)) == 0  # on the due date itself
    assert reminders_send(now=T0 + dt.timedelta(days=3)) == 1
    assert reminders_send(now=T0 + dt.timedelta(days=4)) == 0
    assert kinds_of(technician) == ["loan_overdue"]
    assert kinds_of(it_head) == []
    assert asset.asset_number in received(technician)[0][1]
    AssetLoan.objects.filter(pk=loan.pk).update(returned_at=T0 + dt.timedelta(days=5))
    assert reminders_send(now=T0 + dt.timedelta(days=6)) == 0


@pytest.mark.django_db
def test_a_part_past_its_expected_date_reminds_the_technician_and_stock(open_ticket, technician, stock_officer):
    PartRequest.objects.create(ticket=open_ticket, description="พาวเวอร์ซัพพลาย 500W", quantity=1, reason="เสีย",
                               status="ordered", vendor="บริษัท ไอทีซัพพลาย จำกัด",
                               expected_date=dt.date(2026, 12, 4), requested_by=technician)
    Ticket.objects.filter(pk=open_ticket.pk).update(due_at=T0 + dt.timedelta(days=30))
    reminders_send(now=T0 + dt.timedelta(days=3))
    assert kinds_of(technician) == []
    reminders_send(now=T0 + dt.timedelta(days=4))
    reminders_send(now=T0 + dt.timedelta(days=5))
    assert kinds_of(technician) == ["part_overdue"]
    assert kinds_of(stock_officer) == ["part_overdue"]


@pytest.mark.django_db
def test_a_publishing_request_near_its_limit_reminds_who_checked_it(
    settings, make_request, requester_a, supervisor_a, it_head, technician
):
    settings.REMINDER_PUBLISHING_WARNING_HOURS = 4
    obj = make_request(requester_a, "accepted", approver=supervisor_a, it_head=it_head)
    due = T0 + dt.timedelta(days=2)
    type(obj).objects.filter(pk=obj.pk).update(due_at=due)
    obj.refresh_from_db()
    Notification.objects.all().delete()
    checker = obj.checked_by or it_head

    reminders_send(now=due - dt.timedelta(hours=5))
    assert kinds_of(checker) == []
    reminders_send(now=due - dt.timedelta(hours=3))
    reminders_send(now=due - dt.timedelta(hours=1))
    assert kinds_of(checker) == ["publishing_due"]
    assert kinds_of(technician) == [] and kinds_of(requester_a) == []


@pytest.mark.django_db
def test_sources_registered_by_other_processes_are_sent_once(requester_a):
    def source(now):
        if now >= T0:
            yield reminders.Due(key="meetings.setup:7", kind="meeting_setup_due", recipients=(requester_a,),
                                subject="เตรียมห้องประชุม", url="/meetings/7/")

    reminders.register_source(source)
    try:
        assert reminders_send(now=T0 - dt.timedelta(minutes=1)) == 0
        assert reminders_send(now=T0) == 1
        assert reminders_send(now=T0 + dt.timedelta(hours=1)) == 0
    finally:
        reminders.unregister_source(source)
    assert received(requester_a) == [("meeting_setup_due", "เตรียมห้องประชุม")]


@pytest.mark.django_db
def test_the_management_command_uses_the_clock(monkeypatch, open_ticket, technician, capsys):
    monkeypatch.setattr(timezone, "now", lambda: T0 + dt.timedelta(hours=2))
    call_command("send_reminders")
    call_command("send_reminders")
    assert kinds_of(technician) == ["ticket_sla_warning"]
    assert "sent 0 reminder(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_each_person_gets_the_reminder_by_their_own_channel(
    settings, fake_line, open_ticket, technician, team_head, it_head, django_capture_on_commit_callbacks
):
    from helpdesk.notifications.models import ChannelPreference, LineAccount

    settings.REMINDER_ESCALATE_AFTER_HOURS = 1
    LineAccount.objects.create(user=technician, line_user_id="U" + "t" * 32)
    ChannelPreference.objects.create(user=technician, kind="ticket_sla_warning", channel="line")
    ChannelPreference.objects.create(user=it_head, kind="general", channel="inbox")

    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(now=T0 + dt.timedelta(hours=2))  # warning → technician by LINE
    [push] = fake_line.pushes()
    assert push["json"]["to"] == "U" + "t" * 32
    assert open_ticket.number in push["json"]["messages"][0]["text"]
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(now=T0 + dt.timedelta(hours=5))  # overdue → team head by e-mail; IT head inbox only
    assert [m.to for m in mail.outbox] == [[team_head.email]]
    assert kinds_of(it_head) == ["ticket_overdue"]
    assert len(fake_line.pushes()) == 1
