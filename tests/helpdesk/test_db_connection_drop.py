"""When the database connection drops in the middle of a GET, the read is retried once on a new
connection; a POST is not retried (docs/deploy.md)."""

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _reconnect_afterwards(transactional_db):
    """The test client does not close dead connections at the end of a request as a server does."""
    yield
    if connection.connection is not None and not connection.is_usable():
        connection.close()


def _kill_own_connection():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the server ends this very session, as a restart would
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    else:  # SQLite has no server: close the file handle under Django's feet
        connection.connection.close()
        connection.connection = None
        raise OperationalError("connection lost")


def test_a_read_whose_connection_drops_is_retried_once(login, technician, monkeypatch):
    import tickets.views.board as board

    original, calls = board._filtered, []

    def dropping(request):
        calls.append(1)
        if len(calls) == 1:
            _kill_own_connection()
        return original(request)

    monkeypatch.setattr(board, "_filtered", dropping)
    response = login(technician).get(reverse("tickets:list"))
    assert response.status_code == 200 and len(calls) == 2


def test_a_read_that_fails_again_is_not_retried_forever(login, technician, monkeypatch, client):
    import tickets.views.board as board

    calls = []

    def always_dropping(request):
        calls.append(1)
        _kill_own_connection()

    monkeypatch.setattr(board, "_filtered", always_dropping)
    client.raise_request_exception = False
    login(technician)
    assert client.get(reverse("tickets:list")).status_code == 500
    assert len(calls) == 2


def test_a_post_is_never_retried(login, technician, monkeypatch, client, unit_a):
    import tickets.views.actions as actions

    calls = []

    def dropping(request, pk):
        calls.append(1)
        _kill_own_connection()

    monkeypatch.setattr(actions, "_ticket", dropping)
    client.raise_request_exception = False
    login(technician)
    assert client.post(reverse("tickets:note", args=[1]), {"note": "x"}).status_code == 500
    assert len(calls) == 1
