"""Two app servers on one database: sessions, data and the tracking rate limit are shared, nothing per process."""

import re
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import caches

from helpdesk.ratelimit import window_end
from tests.conftest import PASSWORD
from tickets.models import Status, Ticket

from .servers import AppServer, Browser

# No serialized_rollback: after another transactional test's flush the content types are recreated with new
# keys, and restoring the serialized copy then collides with them. Like every transactional test, this one
# creates what it needs (the fixtures) and leaves an empty database.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_servers(tmp_path):
    servers = []
    try:
        for name in ("a", "b"):
            servers.append(AppServer(tmp_path, name, TRACKING_RATE_LIMIT="5/m"))
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


def production_password(user) -> None:
    # Test settings hash with MD5, which production settings do not accept.
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])


def status_badge(html: str) -> str:
    match = re.search(r'<div id="ticket-status">(.*?)</div>', html, re.S)
    assert match, "no status on the ticket page"
    return re.sub(r"<[^>]+>", " ", match.group(1))


def test_login_ticket_change_and_rate_limit_are_shared_by_two_app_servers(
    two_servers, technician, unit_a, requester_a, make_ticket, hw
):
    server_a, server_b = two_servers
    production_password(technician)
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    browser = Browser()

    # Signed in through A (a real form POST with its CSRF token) ...
    status, _, html = browser.request(server_a, "/accounts/login/")
    assert status == 200
    status, headers, _ = browser.request(server_a, "/accounts/login/", {
        "username": technician.username, "password": PASSWORD, "csrfmiddlewaretoken": browser.csrf_token(html),
    })
    assert status == 302, server_a.log()
    assert headers["Location"] == "/"
    assert browser.cookie("sessionid")
    # ... the same session cookie is signed in on B: B's home page shows the technician's unit.
    status, _, home = browser.request(server_b, "/")
    assert status == 200
    assert unit_a.name in home
    # A browser without the cookie is sent to the login page by B.
    assert Browser().request(server_b, "/")[0] == 302

    # A status change posted through B ...
    status, _, page = browser.request(server_b, f"/tickets/{ticket.pk}/")
    assert status == 200
    assert str(Status.NEW.label) in status_badge(page)
    status, headers, _ = browser.request(server_b, f"/tickets/{ticket.pk}/transition/", {
        "to": Status.IN_PROGRESS, "version": ticket.version, "note": "ตรวจเครื่องผ่านเครื่องบริการ B",
        "csrfmiddlewaretoken": browser.csrf_token(page),
    })
    assert status == 302, server_b.log()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    # ... is what A shows, to the technician and on the public tracking page.
    status, _, page = browser.request(server_a, f"/tickets/{ticket.pk}/")
    assert status == 200
    assert str(Status.IN_PROGRESS.label) in status_badge(page)
    assert "ตรวจเครื่องผ่านเครื่องบริการ B" in page

    # The tracking page allows 5 requests a minute per client address, counted across both servers.
    caches["ratelimit"].clear()
    seconds_left = window_end("127.0.0.1", 60) - time.time()
    if seconds_left < 15:  # all six requests fall in one rate-limit window
        time.sleep(seconds_left + 1)
    visitor = Browser()
    path = f"/t/{ticket.tracking_token}/"
    answers = [visitor.request(server, path)[0] for server in (server_a, server_a, server_a, server_b, server_b)]
    assert answers == [200] * 5
    status, _, page = visitor.request(server_b, path)
    assert status == 429
    assert "เรียกดูถี่เกินไป" in page


def test_failed_logins_are_counted_across_both_app_servers(two_servers, technician, settings):
    """django-axes keeps its counts in the database: failures on A and B add up, the lock-out holds on both."""
    from axes.models import AccessFailureLog

    server_a, server_b = two_servers
    production_password(technician)
    browser = Browser()

    def attempt(server, password):
        _status, _, html = browser.request(server, "/accounts/login/")
        return browser.request(server, "/accounts/login/", {
            "username": technician.username, "password": password, "csrfmiddlewaretoken": browser.csrf_token(html),
        })

    answers = [attempt(server, "wrong")[0] for server in (server_a, server_b, server_a, server_b)]
    assert answers == [200, 200, 200, 200]
    assert attempt(server_a, "wrong")[0] == 429  # the fifth failure, whichever server counts it
    status, _, page = attempt(server_b, PASSWORD)
    assert status == 429 and "เข้าสู่ระบบผิดเกินจำนวนครั้งที่กำหนด" in page
    assert not browser.cookie("sessionid")
    assert AccessFailureLog.objects.filter(username=technician.username).count() == 6
