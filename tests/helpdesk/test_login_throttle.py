"""Failed logins are throttled per account and per client address (django-axes, database handler),
with a Thai message, a growing cool-off and audit rows; nothing sleeps."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from helpdesk.login_throttle import cool_off
from tests.conftest import PASSWORD

LOGIN = reverse("login")


def attempt(client, username, password, address="10.1.1.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_does_not_open_an_account_after_too_many_failures(settings, requester_a):
    settings.AXES_FAILURE_LIMIT = 5
    client = Client()
    for _ in range(4):
        response = attempt(client, requester_a.username, "wrong")
        assert response.status_code == 200 and "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()
    assert attempt(client, requester_a.username, "wrong").status_code == 429  # the fifth failure locks
    response = attempt(client, requester_a.username, PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "เข้าสู่ระบบผิดเกินจำนวนครั้งที่กำหนด" in body and 'id="lockout-message"' in body
    assert not signed_in(client)
    # Audit: every failure and the lock-out are recorded.
    assert AccessFailureLog.objects.filter(username=requester_a.username).count() == 6
    assert AccessFailureLog.objects.filter(username=requester_a.username, locked_out=True).exists()
    # The account stays locked from another address too (per account).
    assert attempt(Client(), requester_a.username, PASSWORD, address="10.9.9.9").status_code == 429


def test_one_address_trying_many_accounts_is_locked_out(settings, requester_a, requester_b):
    settings.AXES_FAILURE_LIMIT = 5
    client = Client()
    for index in range(5):
        attempt(client, f"guess{index}", "wrong", address="10.2.2.2")
    assert attempt(client, requester_b.username, PASSWORD, address="10.2.2.2").status_code == 429
    assert not signed_in(client)
    # The same account logs in from elsewhere.
    other = Client()
    assert attempt(other, requester_b.username, PASSWORD, address="10.3.3.3").status_code == 302
    assert signed_in(other)


def test_the_cool_off_grows_and_then_lets_the_owner_back_in(settings, requester_a, rf):
    settings.AXES_FAILURE_LIMIT = 5
    settings.HELPDESK_LOGIN_COOLOFF_MINUTES = 15
    client = Client()
    for _ in range(5):
        attempt(client, requester_a.username, "wrong")
    request = rf.post(LOGIN, {"username": requester_a.username}, REMOTE_ADDR="10.1.1.1")
    assert cool_off(request) == dt.timedelta(minutes=15)
    for _ in range(5):  # hammering while locked out makes it longer
        assert attempt(client, requester_a.username, "wrong").status_code == 429
    assert cool_off(request) == dt.timedelta(minutes=30)
    assert "30 นาที" in attempt(client, requester_a.username, PASSWORD).content.decode()
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(hours=2))
    response = attempt(client, requester_a.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)
    assert not AccessAttempt.objects.filter(username=requester_a.username).exists()  # reset on success


@pytest.mark.parametrize("limit", [3, 8])
def test_the_limit_is_configurable(settings, requester_a, limit):
    settings.AXES_FAILURE_LIMIT = limit
    client = Client()
    for _ in range(limit - 1):
        assert attempt(client, requester_a.username, "wrong").status_code == 200
    assert attempt(client, requester_a.username, "wrong").status_code == 429
    assert attempt(client, requester_a.username, PASSWORD).status_code == 429


def test_settings_use_the_shared_database_handler():
    from django.conf import settings

    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE
