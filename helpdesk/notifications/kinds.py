"""Kinds of notice: each user picks a channel per kind (inbox only, e-mail, LINE).

Apps name their kinds with ``register_kind(code, label)`` in ``AppConfig.ready()``; a notice of an
unregistered kind is still delivered (under "general" settings).
"""

from django.utils.translation import gettext_lazy as _

GENERAL = "general"
_kinds: dict[str, object] = {}


def register_kind(code: str, label) -> None:
    _kinds[code] = label


def all_kinds() -> list[tuple[str, object]]:
    return list(_kinds.items())


def kind_label(code: str):
    return _kinds.get(code, _kinds.get(GENERAL, code))


def register_defaults() -> None:
    register_kind(GENERAL, _("แจ้งเตือนทั่วไป"))
    register_kind("ticket", _("ใบแจ้งซ่อม: งานใหม่และความคืบหน้า"))
    register_kind("ticket_sla_warning", _("ใบแจ้งซ่อมใกล้ครบกำหนด"))
    register_kind("ticket_overdue", _("ใบแจ้งซ่อมเกินกำหนด"))
    register_kind("callback_due", _("ถึงเวลานัดโทรกลับ"))
    register_kind("loan_overdue", _("ครุภัณฑ์ยืมเกินกำหนดคืน"))
    register_kind("part_overdue", _("อะไหล่เลยกำหนดส่งของ"))
    register_kind("publishing", _("คำขอเผยแพร่เว็บไซต์"))
    register_kind("publishing_due", _("คำขอเผยแพร่ใกล้ครบ 2 วันทำการ"))
    register_kind("network", _("คำขอ IP/MAC และบัญชีผู้ใช้"))
    register_kind("survey", _("คำเชิญประเมินความพึงพอใจ"))
