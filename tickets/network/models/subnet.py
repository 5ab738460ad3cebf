"""Subnets, ranges reserved for infrastructure, and the IP registry (assignments and their history)."""

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from assets.models import Asset
from helpdesk.models import Unit

from .common import UnitScopedQuerySet


def parse_ipv4(text: str) -> ipaddress.IPv4Address:
    try:
        return ipaddress.IPv4Address((text or "").strip())
    except ValueError as error:
        raise ValidationError(
            _("หมายเลขไอพี “%(value)s” ไม่ถูกต้อง ต้องเป็น IPv4 เช่น 10.1.2.3"),
            code="ip_invalid", params={"value": text},
        ) from error


class Subnet(models.Model):
    """A network the admin hands addresses out of (admin-managed)."""

    name = models.CharField(_("ชื่อเครือข่าย"), max_length=200)
    cidr = models.CharField(_("เครือข่าย (CIDR)"), max_length=43, unique=True, help_text=_("เช่น 10.50.1.0/24"))
    gateway = models.GenericIPAddressField(_("เกตเวย์"), protocol="IPv4")
    vlan = models.PositiveSmallIntegerField(_("VLAN"), null=True, blank=True)
    description = models.TextField(_("รายละเอียด"), blank=True)
    is_active = models.BooleanField(_("เปิดใช้งาน"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("เครือข่ายย่อย (Subnet)")
        verbose_name_plural = _("เครือข่ายย่อย (Subnet)")

    def __str__(self) -> str:
        return f"{self.name} ({self.cidr})"

    @property
    def network(self) -> ipaddress.IPv4Network:
        return ipaddress.IPv4Network(self.cidr)

    def clean(self) -> None:
        try:
            network = ipaddress.IPv4Network((self.cidr or "").strip(), strict=True)
        except ValueError as error:
            raise ValidationError(
                {"cidr": _("รูปแบบเครือข่ายไม่ถูกต้อง ต้องเป็น CIDR ของ IPv4 เช่น 10.50.1.0/24 "
                           "(ส่วนของโฮสต์ต้องเป็นศูนย์)")}
            ) from error
        if network.prefixlen > 30:
            raise ValidationError({"cidr": _("เครือข่ายเล็กเกินไป (ต้องไม่เกิน /30)")})
        self.cidr = str(network)
        if self.gateway:
            try:
                gateway = ipaddress.IPv4Address(self.gateway)
            except ValueError:
                return
            if gateway not in network or gateway in (network.network_address, network.broadcast_address):
                raise ValidationError({"gateway": _("เกตเวย์ต้องเป็นหมายเลขโฮสต์ในเครือข่ายนี้")})

    def reserved_ranges(self) -> list[tuple[ipaddress.IPv4Address, ipaddress.IPv4Address, str]]:
        return [
            (ipaddress.IPv4Address(start), ipaddress.IPv4Address(end), purpose)
            for start, end, purpose in self.reserved.values_list("start", "end", "purpose")
        ]

    def check_address(self, text: str, *, exclude_assignment_id: int | None = None) -> str:
        """The address as text when it may be assigned; otherwise ValidationError with the reason in Thai."""
        address = parse_ipv4(text)
        network = self.network
        if address not in network:
            raise ValidationError(
                _("หมายเลข %(ip)s ไม่อยู่ในเครือข่าย %(cidr)s"), code="ip_outside", params={"ip": address, "cidr": network}
            )
        if address == network.network_address:
            raise ValidationError(
                _("หมายเลข %(ip)s เป็นหมายเลขเครือข่าย (network address) ใช้กับเครื่องไม่ได้"),
                code="ip_network", params={"ip": address},
            )
        if address == network.broadcast_address:
            raise ValidationError(
                _("หมายเลข %(ip)s เป็นหมายเลขบรอดแคสต์ (broadcast address) ใช้กับเครื่องไม่ได้"),
                code="ip_broadcast", params={"ip": address},
            )
        if str(address) == str(self.gateway):
            raise ValidationError(
                _("หมายเลข %(ip)s เป็นเกตเวย์ของเครือข่าย"), code="ip_gateway", params={"ip": address}
            )
        for start, end, purpose in self.reserved_ranges():
            if start <= address <= end:
                raise ValidationError(
                    _("หมายเลข %(ip)s อยู่ในช่วงที่สงวนไว้สำหรับอุปกรณ์โครงสร้างพื้นฐาน (%(start)s–%(end)s %(purpose)s)"),
                    code="ip_reserved", params={"ip": address, "start": start, "end": end, "purpose": purpose},
                )
        in_use = IPAssignment.objects.filter(ip_address=str(address), active=True)
        if exclude_assignment_id:
            in_use = in_use.exclude(pk=exclude_assignment_id)
        holder = in_use.select_related("unit").first()
        if holder is not None:
            raise ValidationError(
                _("หมายเลข %(ip)s ถูกใช้งานแล้วโดย %(unit)s (MAC %(mac)s)"),
                code="ip_in_use", params={"ip": address, "unit": holder.unit.name, "mac": holder.mac_address},
            )
        return str(address)

    def next_free_address(self) -> str | None:
        """The lowest host address that is neither gateway, reserved nor in use (two queries)."""
        network = self.network
        used = {
            ipaddress.IPv4Address(ip)
            for ip in IPAssignment.objects.filter(subnet=self, active=True).values_list("ip_address", flat=True)
        }
        used.add(ipaddress.IPv4Address(self.gateway))
        ranges = self.reserved_ranges()
        for address in network.hosts():
            if address in used or any(start <= address <= end for start, end, _p in ranges):
                continue
            return str(address)
        return None


class ReservedRange(models.Model):
    subnet = models.ForeignKey(Subnet, verbose_name=_("เครือข่าย"), on_delete=models.CASCADE, related_name="reserved")
    start = models.GenericIPAddressField(_("ตั้งแต่"), protocol="IPv4")
    end = models.GenericIPAddressField(_("ถึง"), protocol="IPv4")
    purpose = models.CharField(_("ใช้สำหรับ"), max_length=200, help_text=_("เช่น สวิตช์ เราเตอร์ เครื่องแม่ข่าย"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["subnet", "start"]
        verbose_name = _("ช่วงหมายเลขที่สงวนไว้")
        verbose_name_plural = _("ช่วงหมายเลขที่สงวนไว้")

    def __str__(self) -> str:
        return f"{self.start}–{self.end} {self.purpose}"

    def clean(self) -> None:
        if not (self.subnet_id and self.start and self.end):
            return
        try:
            network = self.subnet.network
            start, end = ipaddress.IPv4Address(self.start), ipaddress.IPv4Address(self.end)
        except ValueError:
            return
        errors = {}
        if start not in network:
            errors["start"] = _("หมายเลขเริ่มต้นไม่อยู่ในเครือข่าย %(cidr)s") % {"cidr": network}
        if end not in network:
            errors["end"] = _("หมายเลขสุดท้ายไม่อยู่ในเครือข่าย %(cidr)s") % {"cidr": network}
        if not errors and end < start:
            errors["end"] = _("หมายเลขสุดท้ายต้องไม่น้อยกว่าหมายเลขเริ่มต้น")
        if errors:
            raise ValidationError(errors)


class IPAssignment(models.Model):
    """One address given to one device (the IP registry). Released rows stay as history."""

    subnet = models.ForeignKey(Subnet, verbose_name=_("เครือข่าย"), on_delete=models.PROTECT, related_name="assignments")
    ip_address = models.GenericIPAddressField(_("หมายเลขไอพี"), protocol="IPv4")
    mac_address = models.CharField(_("MAC Address"), max_length=17)
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="ip_assignments")
    asset = models.ForeignKey(
        Asset, verbose_name=_("ครุภัณฑ์"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="ip_assignments",
    )
    device_description = models.CharField(_("รายละเอียดอุปกรณ์"), max_length=255, blank=True)
    device_user = models.CharField(_("ผู้ใช้งานเครื่อง"), max_length=200, blank=True)
    location = models.CharField(_("สถานที่ติดตั้ง"), max_length=255, blank=True)
    request = models.OneToOneField(
        "network.IPRequest", verbose_name=_("คำขอ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assignment",
    )
    active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    assigned_at = models.DateTimeField(_("กำหนดเมื่อ"), default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้กำหนด"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    released_at = models.DateTimeField(_("คืนหมายเลขเมื่อ"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้คืนหมายเลข"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    release_reason = models.CharField(_("เหตุผลการคืนหมายเลข"), max_length=255, blank=True)
    history = HistoricalRecords()

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        ordering = ["subnet", "ip_address"]
        verbose_name = _("ทะเบียนหมายเลขไอพี")
        verbose_name_plural = _("ทะเบียนหมายเลขไอพี")
        constraints = [
            models.UniqueConstraint(fields=["ip_address"], condition=Q(active=True), name="network_one_active_ip"),
            models.UniqueConstraint(fields=["mac_address"], condition=Q(active=True), name="network_one_active_mac"),
        ]
        indexes = [models.Index(fields=["mac_address"]), models.Index(fields=["unit", "active"])]

    def __str__(self) -> str:
        return f"{self.ip_address} ({self.mac_address})"

    @property
    def device_label(self) -> str:
        return str(self.asset) if self.asset_id else self.device_description


class AssignmentEvent(models.Model):
    """The life of an assignment: requested, assigned, MAC changes, released."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("event", "ยื่นคำขอ")
        ASSIGNED = "assigned", _("กำหนดหมายเลขไอพี")
        MAC_CHANGED = "mac_changed", _("เปลี่ยน MAC Address")
        RELEASED = "released", _("คืนหมายเลขไอพี")

    assignment = models.ForeignKey(IPAssignment, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("เหตุการณ์"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("โดย"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    old_mac = models.CharField(_("MAC เดิม"), max_length=17, blank=True)
    new_mac = models.CharField(_("MAC ใหม่"), max_length=17, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("ประวัติการใช้หมายเลขไอพี")
        verbose_name_plural = _("ประวัติการใช้หมายเลขไอพี")

    def __str__(self) -> str:
        return f"{self.assignment} {self.get_kind_display()}"
