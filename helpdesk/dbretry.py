"""Retry an idempotent read once when the database connection drops in the middle of it.

A PostgreSQL restart, fail-over or a network cut kills the connections gunicorn's threads hold. The
health check (CONN_HEALTH_CHECKS) catches a dead connection *before* a request's first query; a
connection that dies *during* a request used to give that request a 500. For GET and HEAD — which
change nothing in this product (every change is a POST) — the view is run again once on a fresh
connection. POSTs are never retried: their transaction was rolled back, nothing is half-written, and
the person sends the form again (docs/deploy.md).
"""

import logging

from django.db import DatabaseError, connection

logger = logging.getLogger("helpdesk.db")
SAFE_METHODS = {"GET", "HEAD"}


def connection_lost() -> bool:
    """The default connection is gone (not a query error on a healthy connection)."""
    if connection.connection is None:
        return True
    try:
        return not connection.is_usable()
    except Exception:  # noqa: BLE001 (asking a dead connection may itself fail)
        return True


class RetryIdempotentReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            request.method not in SAFE_METHODS
            or not isinstance(exception, DatabaseError)
            or getattr(request, "_db_retried", False)
            or connection.in_atomic_block
            or request.resolver_match is None
            or not connection_lost()
        ):
            return None
        request._db_retried = True
        logger.warning("database connection lost during %s %s: retrying once", request.method, request.path)
        connection.close()  # the next query opens a new connection
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response
