"""Pieces shared by the three request types: events (who/when/from/to/note) and visibility."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from helpdesk.models import ServiceRequest, StatusEvent, Unit, status_event_model  # noqa: F401  (re-exported)
from helpdesk.roles import Role, has_role, unit_q


class CheckResult(models.TextChoices):
    PASSED = "passed", _("ผ่าน")
    FAILED = "failed", _("ไม่ผ่าน")


class ConnectivityChecks(models.Model):
    """The technician's configuration and MIS / Daily Plan / Internet tests after a network change (3.1.5, 3.2.4)."""

    configuration_note = models.TextField(_("การตั้งค่าที่ดำเนินการ"), blank=True)
    mis_result = models.CharField(_("ผลทดสอบ MIS"), max_length=10, choices=CheckResult.choices, blank=True)
    mis_note = models.CharField(_("หมายเหตุ MIS"), max_length=255, blank=True)
    daily_plan_result = models.CharField(_("ผลทดสอบ Daily Plan"), max_length=10, choices=CheckResult.choices,
                                         blank=True)
    daily_plan_note = models.CharField(_("หมายเหตุ Daily Plan"), max_length=255, blank=True)
    internet_result = models.CharField(_("ผลทดสอบ Internet"), max_length=10, choices=CheckResult.choices, blank=True)
    internet_note = models.CharField(_("หมายเหตุ Internet"), max_length=255, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ทดสอบ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("ทดสอบเมื่อ"), null=True, blank=True)

    CHECK_FIELDS = ("configuration_note", "mis_result", "mis_note", "daily_plan_result", "daily_plan_note",
                    "internet_result", "internet_note")

    class Meta:
        abstract = True

    @property
    def checks(self) -> list[tuple[str, str, str]]:
        return [
            ("MIS", self.get_mis_result_display(), self.mis_note),
            ("Daily Plan", self.get_daily_plan_result_display(), self.daily_plan_note),
            ("Internet", self.get_internet_result_display(), self.internet_note),
        ]

    @property
    def all_checks_passed(self) -> bool:
        return all(
            result == CheckResult.PASSED for result in (self.mis_result, self.daily_plan_result, self.internet_result)
        )


class UnitScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Service staff see every unit; supervisors their unit and below; others their own unit."""
        return self.filter(unit_q(user, "unit"))


def is_network_admin(user) -> bool:
    return user.is_superuser or has_role(user, Role.NETWORK_ADMIN)


def is_technician(user) -> bool:
    return user.is_superuser or has_role(user, Role.TECHNICIAN, Role.NETWORK_ADMIN)


class NetworkRequest(ServiceRequest):
    """A unit's request to the network team (IP, MAC change, account): who may see it; the kinds declare their
    unit, requester and status with :func:`filed_by` and :func:`status_field`."""

    objects = UnitScopedQuerySet.as_manager()

    class Meta(ServiceRequest.Meta):
        abstract = True


def filed_by(related_name: str) -> tuple[models.ForeignKey, models.ForeignKey]:
    """The unit a request is for and the person who filed it (``related_name`` on both)."""
    return (
        models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name=related_name),
        models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ยื่นคำขอ"), on_delete=models.PROTECT,
                          related_name=related_name),
    )


def status_field(status: type[models.TextChoices]) -> models.CharField:
    return models.CharField(_("สถานะ"), max_length=20, choices=status.choices, default=status.SUBMITTED,
                            db_index=True)


def checked_request_status(done: tuple[str, str, str]) -> type[models.TextChoices]:
    """The statuses of a request the admin carries out (``done``: member name, value, label) and the technician
    then tests (IP request, MAC change)."""
    name, value, label = done
    return models.TextChoices("Status", [
        ("SUBMITTED", ("submitted", _("รอผู้ดูแลเครือข่ายตรวจสอบ"))),
        ("RETURNED", ("returned", _("ส่งคืนหน่วยงานแก้ไข"))),
        (name, (value, label)),
        ("CHECK_FAILED", ("check_failed", _("ทดสอบไม่ผ่าน รอแก้ไข"))),
        ("CLOSED", ("closed", _("เสร็จสิ้น"))),
        ("CANCELLED", ("cancelled", pgettext_lazy("status", "ยกเลิก"))),
    ])


class CheckedRequest(ConnectivityChecks, NetworkRequest):
    """An IP request or a MAC change: the admin carries it out, the technician then tests it; a request sent back
    to the unit says why."""

    return_reason = models.TextField(_("เหตุผลที่ส่งคืน"), blank=True)

    class Meta(NetworkRequest.Meta):
        abstract = True
