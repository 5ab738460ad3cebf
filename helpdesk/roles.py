"""Roles are Django groups; one person may hold several. Helpers later apps use."""

from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REQUESTER = "requester", _("ผู้ขอรับบริการ")
    TECHNICIAN = "technician", _("เจ้าหน้าที่ผู้ให้บริการ")
    SUPERVISOR = "supervisor", _("ผู้บังคับบัญชา")
    IT_HEAD = "it_head", _("หัวหน้าศูนย์เทคโนโลยีสารสนเทศ")
    NETWORK_ADMIN = "network_admin", _("ผู้ดูแลระบบเครือข่าย")
    STOCK_OFFICER = "stock_officer", _("เจ้าหน้าที่พัสดุ")
    EXECUTIVE = "executive", _("ผู้บริหาร")
    DEPUTY_DIRECTOR = "deputy_director", _("รองผู้อำนวยการ (ผู้อนุมัติ)")


# Roles that work for the service desk itself (see every unit's records).
STAFF_ROLES = frozenset({Role.TECHNICIAN, Role.IT_HEAD, Role.NETWORK_ADMIN, Role.STOCK_OFFICER})


def user_roles(user: User | AnonymousUser) -> frozenset[str]:
    """The role codes a user holds, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_helpdesk_roles", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset(Role.values)
        else:
            cached = frozenset(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
        user._helpdesk_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    """True when the user holds at least one of the roles."""
    return bool(user_roles(user) & set(roles))


def is_service_staff(user) -> bool:
    return has_role(user, *STAFF_ROLES)


def user_profile(user):
    """The user's profile with its unit and team, one query per request (cached where `user.profile` looks)."""
    if not user.is_authenticated:
        return None
    cache = user._state.fields_cache
    if "profile" not in cache:
        from helpdesk.models import Profile

        # None is cached too: `user.profile` then raises RelatedObjectDoesNotExist without a query.
        cache["profile"] = Profile.objects.select_related("unit", "team").filter(user=user).first()
    return cache["profile"]


def user_unit(user):
    """The unit the user belongs to, or None."""
    profile = user_profile(user)
    return profile.unit if profile else None


def user_team(user):
    profile = user_profile(user)
    return profile.team if profile else None


def units_overseen_by(user):
    """Units whose records a supervisor or executive may read: their own unit and every unit below it.

    Executives and the IT head oversee the whole agency.
    """
    from helpdesk.models import Unit

    if has_role(user, Role.EXECUTIVE, Role.IT_HEAD) or user.is_superuser:
        return Unit.objects.all()
    return own_units(user)


def own_units(user):
    """The user's unit, and for a supervisor every unit below it too (none without a unit)."""
    from helpdesk.models import Unit

    unit = user_unit(user)
    if unit is None:
        return Unit.objects.none()
    if has_role(user, Role.SUPERVISOR):
        return Unit.objects.below(unit)
    return Unit.objects.filter(pk=unit.pk)


def team_for_unit(unit):
    """The service team responsible for the unit's area (000 §1.1)."""
    return unit.area.team if unit is not None and unit.area_id else None


def ensure_default_roles(Group=None) -> None:
    """Create the role groups that are missing (idempotent). Used by the data migration (with the historical
    Group model), by seed_demo and by tests, since a flushed database has lost what migrations created."""
    if Group is None:
        from django.contrib.auth.models import Group
    for name in Role.values:
        Group.objects.get_or_create(name=name)


def grant_permissions(apps, role: str, perms: list[str]) -> None:
    """For data migrations: give a role group permissions named "app_label.codename".

    Permissions are normally created after migrate; create them first so a
    migration can grant a model's permissions in the same run.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for app_label in {perm.split(".", 1)[0] for perm in perms}:
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=role)
    for perm in perms:
        app_label, codename = perm.split(".", 1)
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def sees_all_units(user) -> bool:
    """Service-desk staff, the IT head and executives read every unit's records."""
    return user.is_superuser or has_role(user, *STAFF_ROLES, Role.EXECUTIVE)


def unit_q(user, field: str = "unit"):
    """A Q object limiting a queryset to the units `user` may read through `field`."""
    from django.db.models import Q

    if sees_all_units(user):
        return Q()
    unit = user_unit(user)
    if unit is None:
        return Q(pk__in=[])
    if has_role(user, Role.SUPERVISOR):
        return Q(**{f"{field}__path__startswith": unit.path})
    return Q(**{field: unit})


def is_supervisor_of(user, unit) -> bool:
    """A supervisor of ``unit`` or of a unit above it (the approver of the unit's requests)."""
    own = user_unit(user)
    return bool(own is not None and unit is not None and has_role(user, Role.SUPERVISOR)
                and unit.path.startswith(own.path))


def supervisors_of(unit):
    """Active supervisors of ``unit`` or of a unit above it, one query."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    return User.objects.filter(is_active=True, groups__name=Role.SUPERVISOR, profile__unit_id__in=ids).distinct()


def visible_by_unit(queryset, user, field: str = "unit"):
    """``queryset`` limited to what ``user`` may read by unit: everything for the service desk and executives,
    the user's unit (a supervisor's also the units below it) for the others, nothing for anonymous visitors."""
    if not user.is_authenticated:
        return queryset.none()
    if sees_all_units(user):
        return queryset
    return queryset.filter(unit_q(user, field))
