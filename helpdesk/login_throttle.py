"""Failed-login throttling with django-axes (database handler: shared by every app server).

Failures are counted per account and per client address (``AXES_LOCKOUT_PARAMETERS``). After
``AXES_FAILURE_LIMIT`` failures the account (or the address) is locked out for a cool-off that grows
with every further failure: the base (``HELPDESK_LOGIN_COOLOFF_MINUTES``) doubles for each further
``AXES_FAILURE_LIMIT`` failures, up to a day. Nothing sleeps: a locked-out attempt is answered at once
with the Thai login page (429), and every failure and lock-out is written to axes' audit tables
(``AccessFailureLog``, ``AccessAttempt``, visible in the admin) and to the ``helpdesk.security`` log.
"""

import datetime as dt
import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from helpdesk.forms import LoginForm
from helpdesk.ratelimit import client_address

logger = logging.getLogger("helpdesk.security")
MAX_COOLOFF = dt.timedelta(hours=24)


def client_ip(request) -> str | None:
    """The address axes counts (the same one the rate limits use), or None when there is none."""
    try:
        address = client_address(request)
        ipaddress.ip_address(address)
    except (ImproperlyConfigured, ValueError):
        return request.META.get("REMOTE_ADDR") or None
    return address


def _username(request) -> str:
    if request is None or request.method != "POST":
        return ""
    return (request.POST.get("username") or "").strip()[:255]


def failures_so_far(request) -> int:
    """The most failures recorded (within the current cool-off) for this account or this address."""
    from axes.models import AccessAttempt

    who = Q()
    if username := _username(request):
        who |= Q(username=username)
    if request is not None and (address := client_ip(request)):
        who |= Q(ip_address=address)
    if not who:
        return 0
    return AccessAttempt.objects.filter(who).aggregate(n=Max("failures_since_start"))["n"] or 0


def cool_off(request=None) -> dt.timedelta:
    """``AXES_COOLOFF_TIME``: base minutes, doubled for every further ``AXES_FAILURE_LIMIT`` failures."""
    base = dt.timedelta(minutes=settings.HELPDESK_LOGIN_COOLOFF_MINUTES)
    if request is None:
        return base
    rounds = max(0, failures_so_far(request) // max(1, settings.AXES_FAILURE_LIMIT) - 1)
    return min(base * (2 ** min(rounds, 16)), MAX_COOLOFF)


def locked_out(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the login page again with a Thai message, status 429 (never a delay)."""
    minutes = max(1, int(cool_off(request).total_seconds() // 60))
    logger.warning(
        "login locked out username=%r address=%s minutes=%d",
        _username(request), client_ip(request), minutes,
    )
    form = LoginForm(request, data=None, initial={"username": _username(request)})
    message = _(
        "เข้าสู่ระบบผิดเกินจำนวนครั้งที่กำหนด ระบบระงับการเข้าสู่ระบบของบัญชีนี้หรือเครื่องนี้ชั่วคราว "
        "กรุณาลองใหม่ในอีก %(minutes)d นาที หรือติดต่อผู้ดูแลระบบ"
    ) % {"minutes": minutes}
    return render(request, "registration/login.html", {"form": form, "lockout_message": message},
                  status=settings.AXES_HTTP_RESPONSE_CODE)
