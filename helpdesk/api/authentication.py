"""`Authorization: Bearer <token>` with a personal API token (the session works too, for the browser)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from helpdesk.api.tokens import token_for_secret
from helpdesk.models import ApiToken

KEYWORDS = (b"bearer", b"token")
# Recording every use would be one write per request; the owner only needs to know roughly when.
LAST_USED_PRECISION = dt.timedelta(minutes=5)


class ApiTokenAuthentication(BaseAuthentication):
    www_authenticate_realm = "api"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("รูปแบบส่วนหัว Authorization ไม่ถูกต้อง (Bearer <โทเคน>)"))
        try:
            raw = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("โทเคนไม่ถูกต้อง หมดอายุ หรือถูกเพิกถอนแล้ว")) from error
        token = token_for_secret(raw)
        now = timezone.now()
        if token is None or not token.is_usable(now) or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("โทเคนไม่ถูกต้อง หมดอายุ หรือถูกเพิกถอนแล้ว"))
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request):
        return f'Bearer realm="{self.www_authenticate_realm}"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the schema describes the token: an HTTP bearer scheme."""

    target_class = "helpdesk.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "โทเคน API ส่วนบุคคล สร้างได้ที่หน้า “โทเคน API ของฉัน” (/accounts/api-tokens/)"}
