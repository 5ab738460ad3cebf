"""LINE: account linking by one-time code through a signed webhook, pushes through the real SDK client to a
local fake of the API, retries with backoff in the task worker, and nothing of it inside the request."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from helpdesk.notifications.line import link_code_create
from helpdesk.notifications.models import ChannelPreference, LineAccount, LineDelivery, LineLinkCode, Notification
from helpdesk.notifications.services import notice_deliver, retry_due_line_pushes
from helpdesk.notifications.tasks import MAX_ATTEMPTS, backoff, line_push_task
from tests.notifications.conftest import ACCESS_TOKEN, sign, text_event

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
LINE_USER = "U" + "a" * 32


def post_webhook(client, body: str, signature: str):
    return client.post(reverse("line_webhook"), data=body, content_type="application/json",
                       HTTP_X_LINE_SIGNATURE=signature)


@pytest.fixture
def linked(requester_a):
    LineAccount.objects.create(user=requester_a, line_user_id=LINE_USER)
    ChannelPreference.objects.create(user=requester_a, kind="ticket", channel="line")
    return requester_a


@pytest.mark.django_db
def test_a_code_sent_to_the_official_account_links_the_user(client, fake_line, requester_a,
                                                            django_capture_on_commit_callbacks):
    code = link_code_create(user=requester_a).code
    body = text_event(LINE_USER, f"  {code.lower()} ")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_webhook(client, body, sign(body))

    assert response.status_code == 200
    assert LineAccount.objects.get(user=requester_a).line_user_id == LINE_USER
    assert not LineLinkCode.objects.filter(user=requester_a).exists()  # used once
    # The confirmation lands in the inbox (and the user's default channel, e-mail).
    assert Notification.objects.filter(user=requester_a, subject="เชื่อมต่อบัญชี LINE สำเร็จ").exists()
    [reply] = fake_line.pushes()  # the LINE user is told too
    assert reply["json"]["to"] == LINE_USER
    assert "เชื่อมต่อบัญชี LINE กับระบบ" in reply["json"]["messages"][0]["text"]


@pytest.mark.django_db
def test_a_forged_webhook_is_refused_and_links_nothing(client, fake_line, requester_a):
    code = link_code_create(user=requester_a).code
    body = text_event(LINE_USER, code)

    assert post_webhook(client, body, sign(body, secret="someone-elses-secret")).status_code == 403
    assert post_webhook(client, body, "").status_code == 403
    tampered = text_event("U" + "b" * 32, code)
    assert post_webhook(client, tampered, sign(body)).status_code == 403

    assert not LineAccount.objects.exists()
    assert LineLinkCode.objects.filter(user=requester_a).exists()
    assert not LineDelivery.objects.exists() and fake_line.requests == []


@pytest.mark.django_db
def test_an_expired_or_wrong_code_links_nothing(client, fake_line, requester_a, django_capture_on_commit_callbacks):
    code = link_code_create(user=requester_a, now=timezone.now() - dt.timedelta(minutes=16)).code
    for text in (code, "ABCDEFGH", "สวัสดี"):
        body = text_event(LINE_USER, text)
        with django_capture_on_commit_callbacks(execute=True):
            assert post_webhook(client, body, sign(body)).status_code == 200
    assert not LineAccount.objects.exists()
    replies = [push["json"]["messages"][0]["text"] for push in fake_line.pushes()]
    assert len(replies) == 3 and all("รหัสเชื่อมต่อ 8 ตัว" in text for text in replies)


@pytest.mark.django_db
def test_without_line_settings_the_webhook_and_the_choice_are_not_offered(client, login, requester_a, settings):
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    body = text_event(LINE_USER, "ABCDEFGH")
    assert post_webhook(client, body, sign(body)).status_code == 404
    page = login(requester_a).get(reverse("notifications:settings"))
    assert 'value="line"' not in page.content.decode()
    assert 'id="line-card"' not in page.content.decode()


@pytest.mark.django_db
def test_webhook_takes_only_post(client, fake_line):
    assert client.get(reverse("line_webhook")).status_code == 405


@pytest.mark.django_db
def test_a_notice_is_pushed_through_the_sdk_to_the_line_api(fake_line, linked, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notice_deliver(users=[linked], kind="ticket", subject="ใบแจ้งซ่อม 6901-0001: กำลังดำเนินการ",
                       body="ช่างกำลังซ่อม", url="/tickets/1/")

    [push] = fake_line.pushes()
    assert push["authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert push["json"]["to"] == LINE_USER
    [message] = push["json"]["messages"]
    assert message["type"] == "text"
    assert message["text"].startswith("ใบแจ้งซ่อม 6901-0001: กำลังดำเนินการ\n\nช่างกำลังซ่อม")
    assert message["text"].endswith("/tickets/1/")
    assert mail.outbox == []  # LINE instead of e-mail
    delivery = LineDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 1)
    assert Notification.objects.filter(user=linked).count() == 1


@pytest.mark.django_db
def test_line_choice_without_a_link_falls_back_to_e_mail(fake_line, requester_a):
    ChannelPreference.objects.create(user=requester_a, kind="ticket", channel="line")
    mail.outbox.clear()
    notice_deliver(users=[requester_a], kind="ticket", subject="ไม่มี LINE", body="")
    assert fake_line.pushes() == []
    assert [m.to for m in mail.outbox] == [[requester_a.email]]


@pytest.mark.django_db
def test_a_failed_push_is_retried_later_with_backoff(fake_line, linked, settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY_TASKS
    fake_line.statuses = [500, 503]
    notice_deliver(users=[linked], kind="ticket", subject="ทดสอบการส่งซ้ำ", body="")
    delivery = LineDelivery.objects.get()
    assert fake_line.pushes() == []  # only queued

    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        line_push_task.call(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "500" in delivery.last_error
    assert before + backoff(1) <= delivery.next_attempt_at <= timezone.now() + backoff(1)
    deferred = [r for r in default_task_backend.results if r.task.func is line_push_task.func]
    assert deferred[-1].task.run_after == delivery.next_attempt_at  # the worker runs it again after the backoff

    assert line_push_task.call(delivery.pk) == "not yet"  # before its time, nothing is sent
    LineDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    line_push_task.call(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 2)
    assert backoff(2) == 2 * backoff(1)

    LineDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert line_push_task.call(delivery.pk) == "sent"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("sent", 3, "")
    assert len(fake_line.pushes()) == 3


@pytest.mark.django_db
def test_a_push_that_keeps_failing_stops_after_the_last_attempt(fake_line, linked, django_capture_on_commit_callbacks):
    fake_line.statuses = [500] * (MAX_ATTEMPTS + 2)
    with django_capture_on_commit_callbacks(execute=True):
        notice_deliver(users=[linked], kind="ticket", subject="ล้มเหลว", body="")
    delivery = LineDelivery.objects.get()
    for _ in range(MAX_ATTEMPTS - 1):
        LineDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        line_push_task.call(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", MAX_ATTEMPTS)
    assert len(fake_line.pushes()) == MAX_ATTEMPTS


@pytest.mark.django_db
def test_the_scheduled_job_requeues_pushes_whose_backoff_has_passed(
    fake_line, linked, django_capture_on_commit_callbacks
):
    fake_line.statuses = [500]
    with django_capture_on_commit_callbacks(execute=True):
        notice_deliver(users=[linked], kind="ticket", subject="ส่งซ้ำโดยงานตามเวลา", body="")
    delivery = LineDelivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts == 1
    assert retry_due_line_pushes(timezone.now()) == 0
    assert retry_due_line_pushes(delivery.next_attempt_at + dt.timedelta(seconds=1)) == 1
    LineDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        retry_due_line_pushes(timezone.now())
    delivery.refresh_from_db()
    assert delivery.status == "sent"


@pytest.mark.django_db(transaction=True)
def test_the_request_that_causes_a_notice_never_waits_for_line(
    settings, fake_line, login, make_ticket, hw, unit_a, requester_a, technician
):
    LineAccount.objects.create(user=requester_a, line_user_id=LINE_USER)
    ChannelPreference.objects.create(user=requester_a, kind="ticket", channel="line")
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    settings.TASKS = DUMMY_TASKS
    fake_line.statuses = [500] * 10  # the API is down

    response = login(technician).post(reverse("tickets:transition", args=[ticket.pk]),
                                      {"to": "in_progress", "note": "", "version": ticket.version})

    assert response.status_code == 302
    assert fake_line.pushes() == []
    delivery = LineDelivery.objects.get(user=requester_a)
    assert (delivery.status, delivery.attempts) == ("pending", 0)
    queued = [r for r in default_task_backend.results if r.task.func is line_push_task.func]
    assert [r.args for r in queued] == [[delivery.pk]]
