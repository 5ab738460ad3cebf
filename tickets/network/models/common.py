"""Pieces shared by the three request types: events (who/when/from/to/note) and visibility."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.roles import Role, has_role, unit_q


class CheckResult(models.TextChoices):
    PASSED = "passed", _("ผ่าน")
    FAILED = "failed", _("ไม่ผ่าน")


class UnitScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Service staff see every unit; supervisors their unit and below; others their own unit."""
        return self.filter(unit_q(user, "unit"))


class StatusEvent(models.Model):
    """One status change of a request: who, when, from, to and the note given."""

    from_status = models.CharField(_("จากสถานะ"), max_length=20, blank=True)
    to_status = models.CharField(_("เป็นสถานะ"), max_length=20)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("โดย"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def _label(self, code: str) -> str:
        status = type(self)._meta.get_field("request").related_model.Status
        return str(status(code).label) if code in status.values else code

    @property
    def from_label(self) -> str:
        return self._label(self.from_status) if self.from_status else ""

    @property
    def to_label(self) -> str:
        return self._label(self.to_status)


def is_network_admin(user) -> bool:
    return user.is_superuser or has_role(user, Role.NETWORK_ADMIN)


def is_technician(user) -> bool:
    return user.is_superuser or has_role(user, Role.TECHNICIAN, Role.NETWORK_ADMIN)
