"""MAC addresses: every usual spelling in, one normal form out (``aa:bb:cc:dd:ee:ff``)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATED = re.compile(r"^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$")
_CISCO = re.compile(r"^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$")
_BARE = re.compile(r"^[0-9a-f]{12}$")


def normalise_mac(value: str) -> str:
    """'AA-BB-CC-DD-EE-FF', 'aabb.ccdd.eeff', 'AABBCCDDEEFF' → 'aa:bb:cc:dd:ee:ff'.

    Raises ValidationError (Thai message) for anything that is not a unicast MAC address.
    """
    text = (value or "").strip().lower()
    if not text:
        raise ValidationError(_("กรุณากรอกหมายเลข MAC Address"), code="required")
    if _SEPARATED.match(text):
        digits = text.replace(":", "").replace("-", "")
    elif _CISCO.match(text) or _BARE.match(text):
        digits = text.replace(".", "")
    else:
        raise ValidationError(
            _("หมายเลข MAC Address ไม่ถูกต้อง: ใช้เลขฐานสิบหก 12 หลัก เช่น AA:BB:CC:DD:EE:FF, "
              "aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff หรือ aabbccddeeff"),
            code="mac_invalid",
        )
    if int(digits[:2], 16) & 1:
        raise ValidationError(
            _("หมายเลข MAC Address นี้เป็นแบบ multicast (บิตแรกของไบต์แรกเป็น 1) ซึ่งไม่ใช่หมายเลขของการ์ดเครือข่าย"),
            code="mac_multicast",
        )
    if digits in {"000000000000"}:
        raise ValidationError(_("หมายเลข MAC Address เป็นศูนย์ทั้งหมด ซึ่งไม่ใช่หมายเลขของการ์ดเครือข่าย"), code="mac_zero")
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2))
