"""Personal API tokens: made and revoked on the owner's page, stored hashed, shown once, with name and expiry."""

import datetime as dt
import hashlib

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from helpdesk.api.tokens import api_token_create
from helpdesk.models import ApiToken

PAGE = "/accounts/api-tokens/"


def bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_the_page_creates_a_token_shows_it_once_and_stores_only_its_hash(login, requester_a):
    client = login(requester_a)
    created = client.post(PAGE, {"name": "LINE bot ของฝ่าย", "days": 30})
    assert created.status_code == 302 and created["Location"] == PAGE
    response = client.get(PAGE)
    secret = response.context["secret"]
    assert secret.startswith("hdk_") and secret in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=requester_a)
    assert token.name == "LINE bot ของฝ่าย" and token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.key_hash, token.prefix} and token.prefix == secret[:12]
    assert abs((token.expires_at - timezone.now()) - dt.timedelta(days=30)) < dt.timedelta(minutes=1)
    again = client.get(PAGE)
    assert secret not in again.content.decode() and "LINE bot ของฝ่าย" in again.content.decode()


def test_the_page_rerenders_bad_input_in_thai(login, requester_a):
    response = login(requester_a).post(PAGE, {"name": "", "days": 9999})
    assert response.status_code == 400
    assert "กรุณาตั้งชื่อโทเคน" in response.content.decode()
    assert "กรุณาเลือกอายุการใช้งานจากรายการ" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_page_needs_a_login(client):
    assert client.get(PAGE).status_code == 302


def test_a_token_authenticates_as_its_owner_and_records_its_use(requester_a):
    token, secret = api_token_create(user=requester_a, name="x", days=1)
    response = bearer(secret).get("/api/v1/tickets/")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoked_expired_and_unknown_tokens_are_401(login, requester_a, requester_b):
    revoked, revoked_secret = api_token_create(user=requester_a, name="เก่า", days=30)
    client = login(requester_a)
    # Someone else's token cannot be revoked (404), nor through GET (405).
    other, _secret = api_token_create(user=requester_b, name="ของคนอื่น", days=30)
    assert client.post(f"{PAGE}{other.pk}/revoke/").status_code == 404
    assert client.get(f"{PAGE}{revoked.pk}/revoke/").status_code == 405
    assert client.post(f"{PAGE}{revoked.pk}/revoke/").status_code == 302
    revoked.refresh_from_db()
    other.refresh_from_db()
    assert revoked.revoked_at is not None and other.revoked_at is None
    expired, expired_secret = api_token_create(user=requester_a, name="หมดอายุ", days=1,
                                               now=timezone.now() - dt.timedelta(days=2))
    for secret in (revoked_secret, expired_secret, "hdk_not-a-token", "x" * 500):
        response = bearer(secret).get("/api/v1/tickets/")
        assert response.status_code == 401
        assert response.json()["detail"] == "โทเคนไม่ถูกต้อง หมดอายุ หรือถูกเพิกถอนแล้ว"


def test_an_inactive_users_token_is_401(requester_a):
    _token, secret = api_token_create(user=requester_a, name="x", days=5)
    requester_a.is_active = False
    requester_a.save()
    assert bearer(secret).get("/api/v1/tickets/").status_code == 401


@pytest.mark.parametrize("days", [0, 10_000])
def test_the_service_refuses_lifetimes_out_of_range(requester_a, days):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        api_token_create(user=requester_a, name="x", days=days)


def test_session_writes_still_need_the_csrf_token(requester_a):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(requester_a)
    response = client.post("/api/v1/tickets/", {"symptom": "x"}, format="json")
    assert response.status_code == 403


def test_the_rate_limit_counts_per_token(settings, requester_a):
    settings.API_RATE_LIMIT = "3/m"
    _t1, first = api_token_create(user=requester_a, name="หนึ่ง", days=1)
    _t2, second = api_token_create(user=requester_a, name="สอง", days=1)
    codes = [bearer(first).get("/api/v1/tickets/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = bearer(first).get("/api/v1/tickets/")
    assert limited.json()["code"] == "throttled" and "Retry-After" in limited
    assert bearer(second).get("/api/v1/tickets/").status_code == 200


def test_at_most_ten_usable_tokens_per_person(login, requester_a):
    for i in range(10):
        api_token_create(user=requester_a, name=f"ระบบ {i}", days=30)
    response = login(requester_a).post(PAGE, {"name": "อีกหนึ่ง", "days": 30})
    assert response.status_code == 400
    assert "มีโทเคนที่ใช้งานได้ครบ 10 รายการแล้ว" in response.content.decode()
    assert ApiToken.objects.filter(user=requester_a).count() == 10
    ApiToken.objects.filter(user=requester_a, name="ระบบ 0").update(revoked_at=timezone.now())
    assert login(requester_a).post(PAGE, {"name": "อีกหนึ่ง", "days": 30}).status_code == 302
