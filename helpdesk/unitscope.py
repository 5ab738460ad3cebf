"""Querysets whose rows belong to a unit: ``visible_to(user)`` by the kernel's unit rule (helpdesk.roles)."""

from django.db import models

from helpdesk.roles import sees_all_units, unit_q


class UnitScopedQuerySet(models.QuerySet):
    """``visible_to(user)``: nothing for an anonymous user; every row for staff and executives (``sees_all_units``);
    otherwise the user's unit (supervisors also the units below), reached through ``unit_path``."""

    unit_path = "unit"

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if sees_all_units(user):
            return self
        return self.filter(unit_q(user, self.unit_path))
