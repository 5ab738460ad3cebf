"""The navbar search's network requests (helpdesk.search): IP, MAC-change and account requests the user may see,
by reference (``IP-00042``) or by what identifies them (device, user, MAC address, person)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from helpdesk.search import Hit, register_request_search
from tickets.network.models import AccountRequest, IPRequest, MacChangeRequest


def _meta(*parts) -> str:
    return " · ".join(str(part) for part in parts if part)


def ip_hit(obj: IPRequest) -> Hit:
    return Hit(obj.reference, reverse("network:ip_detail", args=[obj.pk]), text=obj.device_label,
               meta=_meta(obj.unit.name, obj.device_user, obj.mac_address, obj.assigned_ip),
               badge=obj.get_status_display())


def mac_hit(obj: MacChangeRequest) -> Hit:
    return Hit(obj.reference, reverse("network:mac_detail", args=[obj.pk]), text=f"{obj.old_mac} → {obj.new_mac}",
               meta=_meta(obj.unit.name, obj.assignment.ip_address), badge=obj.get_status_display())


def account_hit(obj: AccountRequest) -> Hit:
    return Hit(obj.reference, reverse("network:account_request_detail", args=[obj.pk]),
               text=_meta(obj.service.name, obj.get_kind_display()),
               meta=_meta(obj.unit.name, obj.person_name, obj.issued_user_id), badge=obj.get_status_display())


def register() -> None:
    register_request_search(
        key="ip_requests", label=_("คำขอหมายเลขไอพี"), order=30, prefix=IPRequest.reference_prefix,
        visible=lambda user: IPRequest.objects.visible_to(user).select_related("unit", "asset"),
        fields=("device_description", "device_user", "mac_address", "assigned_ip", "location", "memo_number"),
        hit=ip_hit, list_url="network:ip_list",
    )
    register_request_search(
        key="mac_changes", label=_("คำขอเปลี่ยน MAC Address"), order=31, prefix=MacChangeRequest.reference_prefix,
        visible=lambda user: MacChangeRequest.objects.visible_to(user).select_related("unit", "assignment"),
        fields=("old_mac", "new_mac", "assignment__ip_address"), hit=mac_hit, list_url="network:mac_list",
    )
    register_request_search(
        key="account_requests", label=_("คำขอบัญชีผู้ใช้"), order=32, prefix=AccountRequest.reference_prefix,
        visible=lambda user: AccountRequest.objects.visible_to(user).select_related("unit", "service"),
        fields=("person_name", "issued_user_id", "memo_number"), hit=account_hit,
        list_url="network:account_request_list",
    )
