"""One error format for every API answer, in the request's language (Thai by default):

    {"detail": "<message>", "code": "<machine code>", "errors": {"<field>": ["<message>", …]}}

`errors` appears on 400 answers that concern fields. The services' ValidationError (an illegal transition,
a stale version…) becomes a 400 (409 for a stale version) with the service's own Thai message.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

CONFLICT_CODES = {"stale"}


def _messages(exc, method: str) -> dict[type, str]:
    return {
        exceptions.NotAuthenticated: _("กรุณายืนยันตัวตนด้วยโทเคน API (Authorization: Bearer <โทเคน>) หรือเข้าสู่ระบบ"),
        exceptions.PermissionDenied: _("ท่านไม่มีสิทธิ์ดำเนินการนี้"),
        exceptions.NotFound: _("ไม่พบข้อมูล หรือท่านไม่มีสิทธิ์เข้าถึง"),
        exceptions.MethodNotAllowed: _("ไม่รองรับเมธอด %(method)s ที่ที่อยู่นี้") % {"method": method},
        exceptions.ParseError: _("ข้อมูลที่ส่งมาอ่านไม่ได้ (JSON ไม่ถูกต้อง)"),
        exceptions.UnsupportedMediaType: _("ไม่รองรับชนิดข้อมูลที่ส่งมา (ใช้ application/json หรือ multipart/form-data)"),
        exceptions.NotAcceptable: _("ไม่สามารถตอบในรูปแบบที่ขอได้ (รองรับ application/json)"),
    }


def service_error(error: DjangoValidationError) -> exceptions.APIException:
    """A service's refusal as an API error: field messages stay under their field."""
    code = getattr(error, "code", None) or "invalid"
    if hasattr(error, "error_dict"):
        detail = {field: [str(m) for m in errors_for.messages] for field, errors_for in
                  ((f, DjangoValidationError(e)) for f, e in error.error_dict.items())}
        return exceptions.ValidationError(detail, code=code)
    api_error = exceptions.ValidationError({"non_field_errors": [str(m) for m in error.messages]}, code=code)
    if code in CONFLICT_CODES:
        api_error.status_code = status.HTTP_409_CONFLICT
    return api_error


def _first(detail, empty: str) -> str:
    """The first leaf of a nested error detail (dicts and lists) as text; `empty` where the first branch is empty."""
    if isinstance(detail, dict):
        detail = list(detail.values())
    if isinstance(detail, list):
        return _first(detail[0], empty) if detail else empty
    return str(detail)


def api_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = service_error(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    body: dict = {}
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        general = fields.get("non_field_errors")
        body["detail"] = _first(general, "") if general else _("ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบ")
        body["code"] = _first(exc.get_codes(), "invalid")
        body["errors"] = {name: [str(m) for m in (msgs if isinstance(msgs, list) else [msgs])]
                          for name, msgs in fields.items()}
    elif isinstance(exc, exceptions.Throttled):
        body["detail"] = _("เรียกใช้บ่อยเกินกำหนด กรุณารอ %(seconds)d วินาทีแล้วลองใหม่") % {"seconds": exc.wait or 1}
        body["code"] = "throttled"
    elif isinstance(exc, exceptions.AuthenticationFailed):
        body["detail"] = str(exc.detail)
        body["code"] = "authentication_failed"
    else:
        request = context.get("request")
        messages = _messages(exc, getattr(request, "method", "") or "")
        body["detail"] = next((text for kind, text in messages.items() if isinstance(exc, kind)), str(exc.detail))
        body["code"] = exc.default_code if isinstance(exc, exceptions.APIException) else "error"
    return Response(body, status=response.status_code, headers={
        name: value for name, value in response.items() if name in ("WWW-Authenticate", "Retry-After", "Allow")
    })


def body_mapping(request):
    """The request body when it is an object (a JSON object or form fields); a 400 for a list, string or number."""
    from collections.abc import Mapping

    if not isinstance(request.data, Mapping):
        raise exceptions.ValidationError(
            {"non_field_errors": [_("ข้อมูลที่ส่งมาต้องเป็นออบเจ็กต์ JSON (ชื่อช่อง: ค่า)")]}, code="invalid"
        )
    return request.data
