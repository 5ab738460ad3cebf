"""Who may see and do what. Every record fetched by id goes through one helper here (404 for other units)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from helpdesk.roles import user_unit

from .models import ChangeRequest, DevRequest, Instalment, Project, ProjectStep, System
from .services import is_approver, is_systems_staff

__all__ = ["get_change_for_user", "get_instalment_for_user", "get_project_for_user", "get_request_for_user",
           "get_step_for_user", "get_system_for_user", "is_approver", "is_systems_staff", "require"]


def require(allowed: bool) -> None:
    """403 for users who may read the record but not take this step."""
    if not allowed:
        raise PermissionDenied


def get_request_for_user(user, pk: int) -> DevRequest:
    return get_object_or_404(DevRequest.objects.visible_to(user).select_related("unit", "requested_by",
                                                                                "reviewed_by"), pk=pk)


def get_project_for_user(user, pk: int) -> Project:
    return get_object_or_404(Project.objects.visible_to(user).select_related(
        "unit", "request", "request__requested_by", "created_by", "approved_by", "improves"), pk=pk)


def get_step_for_user(user, project_pk: int, pk: int) -> ProjectStep:
    project = get_project_for_user(user, project_pk)
    step = get_object_or_404(ProjectStep, project=project, pk=pk)
    step.project = project
    return step


def get_instalment_for_user(user, project_pk: int, pk: int) -> Instalment:
    project = get_project_for_user(user, project_pk)
    return get_object_or_404(Instalment.objects.select_related("contract"), contract__project=project, pk=pk)


def get_system_for_user(user, pk: int) -> System:
    return get_object_or_404(System.objects.visible_to(user).select_related("owner_unit", "project", "contract"),
                             pk=pk)


def get_change_for_user(user, pk: int) -> ChangeRequest:
    return get_object_or_404(ChangeRequest.objects.visible_to(user).select_related(
        "system", "unit", "requested_by", "handled_by"), pk=pk)


def can_file(user) -> bool:
    """Anyone with a unit files development and change requests for it."""
    return user_unit(user) is not None
