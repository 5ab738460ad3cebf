"""Pieces shared by the three request types: events (who/when/from/to/note) and visibility."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from helpdesk.models import StatusEvent  # noqa: F401  (the kernel's event base, re-exported)
from helpdesk.roles import Role, has_role, unit_q


class CheckResult(models.TextChoices):
    PASSED = "passed", _("ผ่าน")
    FAILED = "failed", _("ไม่ผ่าน")


class UnitScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Service staff see every unit; supervisors their unit and below; others their own unit."""
        return self.filter(unit_q(user, "unit"))


def is_network_admin(user) -> bool:
    return user.is_superuser or has_role(user, Role.NETWORK_ADMIN)


def is_technician(user) -> bool:
    return user.is_superuser or has_role(user, Role.TECHNICIAN, Role.NETWORK_ADMIN)
