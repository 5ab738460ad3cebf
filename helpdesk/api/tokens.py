"""Personal API tokens: created and revoked by their owner on the profile page, stored as a SHA-256 hash."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.models import ApiToken

TOKEN_PREFIX = "hdk_"  # noqa: S105 (a marker that lets secret scanners spot leaked tokens)
MAX_ACTIVE_TOKENS = 10


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def api_token_create(*, user, name: str, days: int, now: dt.datetime | None = None) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the row and the secret, which is never stored nor shown again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("กรุณาตั้งชื่อโทเคน"), code="name_required")
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        raise ValidationError(
            _("อายุโทเคนต้องอยู่ระหว่าง 1 ถึง %(max)d วัน") % {"max": settings.API_TOKEN_MAX_DAYS}, code="days"
        )
    now = now or timezone.now()
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        if ApiToken.objects.filter(user=user).usable(now).select_for_update().count() >= MAX_ACTIVE_TOKENS:
            raise ValidationError(
                _("มีโทเคนที่ใช้งานได้ครบ %(n)d รายการแล้ว กรุณาเพิกถอนโทเคนที่ไม่ใช้ก่อน") % {"n": MAX_ACTIVE_TOKENS},
                code="too_many",
            )
        token = ApiToken.objects.create(
            user=user, name=name[:100], key_hash=hash_token(raw), prefix=raw[:12], created_at=now,
            expires_at=now + dt.timedelta(days=days),
        )
    return token, raw


def api_token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Revoke `token` (its owner only); revoking twice keeps the first time."""
    if token.user_id != by.pk:
        raise ValidationError(_("เพิกถอนได้เฉพาะโทเคนของตนเอง"), code="not_owner")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=token.revoked_at)
    return token


def token_for_secret(raw: str) -> ApiToken | None:
    """The token row of a secret (with its user), whether usable or not; None for an unknown secret."""
    if not raw or len(raw) > 200:
        return None
    return ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw)).first()
