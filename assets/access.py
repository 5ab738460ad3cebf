"""Who may do what with assets, and the one access helper for every asset fetched by id."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from assets.models import Asset, AssetLoan, MaintenancePlanItem
from helpdesk.roles import Role, has_role, is_service_staff, sees_all_units

# Keep the register: the stock officer (พัสดุ) owns it, technicians and the IT head keep it current.
ASSET_EDITORS = (Role.TECHNICIAN, Role.IT_HEAD, Role.STOCK_OFFICER)
# Do preventive maintenance; the IT head also draws up the yearly plan.
MAINTAINERS = (Role.TECHNICIAN, Role.IT_HEAD, Role.NETWORK_ADMIN)


def _user(request_or_user):
    return getattr(request_or_user, "user", request_or_user)


def can_edit_assets(user) -> bool:
    return user.is_superuser or has_role(user, *ASSET_EDITORS)


def can_see_licence_keys(user) -> bool:
    return user.is_superuser or is_service_staff(user)


def can_print_labels(user) -> bool:
    return user.is_superuser or is_service_staff(user)


def can_record_maintenance(user) -> bool:
    return user.is_superuser or has_role(user, *MAINTAINERS)


def can_plan_maintenance(user) -> bool:
    return user.is_superuser or has_role(user, Role.IT_HEAD)


def can_view_maintenance(user) -> bool:
    return user.is_superuser or sees_all_units(user)


def get_asset_for_user(request_or_user, pk, *, edit: bool = False) -> Asset:
    """The asset if the user may read it (404 otherwise); with ``edit``, 403 for read-only users."""
    user = _user(request_or_user)
    asset = get_object_or_404(Asset.objects.visible_to(user).select_related("unit"), pk=pk)
    if edit and not can_edit_assets(user):
        raise PermissionDenied
    return asset


def get_loan_for_user(request_or_user, pk, *, manage: bool = False) -> AssetLoan:
    user = _user(request_or_user)
    loan = get_object_or_404(
        AssetLoan.objects.visible_to(user).select_related("asset__unit", "borrower_unit"), pk=pk
    )
    if manage and not can_edit_assets(user):
        raise PermissionDenied
    return loan


def get_plan_item_for_user(request_or_user, pk) -> MaintenancePlanItem:
    user = _user(request_or_user)
    if not can_view_maintenance(user):
        raise PermissionDenied
    return get_object_or_404(MaintenancePlanItem.objects.select_related("unit"), pk=pk)
