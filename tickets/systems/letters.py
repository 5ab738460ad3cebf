"""The go-live letter (004 §7 step ๑๒): issued through the outgoing register, so its number and date come
from the register and a reprint serves the stored file."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, LetterNotReady, record_access, register_letter_kind
from helpdesk.roles import user_profile
from helpdesk.thai import thai_digits

from .access import get_project_for_user
from .models import Project
from .services import GOLIVE

_resolve, _visible = record_access(Project, fetch=get_project_for_user)


def _may_issue(user, project) -> bool:
    from .services import is_systems_staff

    return is_systems_staff(user)


def compose_golive(project: Project) -> Letter:
    if project.status not in (Project.Status.APPROVED, Project.Status.LIVE):
        raise LetterNotReady(_("หนังสือแจ้งเปิดใช้งานระบบออกได้เมื่อโครงการได้รับอนุมัติแล้ว"))
    if project.go_live_on is None:
        raise LetterNotReady(_("กรุณากำหนดวันเปิดใช้งานระบบก่อนออกหนังสือ"))
    profile = user_profile(project.created_by) if project.created_by_id else None
    return Letter(
        subject=_("แจ้งกำหนดการเปิดใช้งาน%(title)s") % {"title": project.title},
        addressee=_("หัวหน้า%(unit)s") % {"unit": project.unit.name},
        body_template="systems/letters/golive_body.html",
        context={"project": project},
        record=project, record_label=_("โครงการ %(ref)s") % {"ref": project.reference}, unit=project.unit,
        team=profile.team if profile is not None else None,
        references=[thai_digits(_("คำขอพัฒนาระบบเลขที่ %(ref)s") % {"ref": project.request.reference})],
        recipients=[project.unit.email, project.request.requested_by.email],
    )


def register_letters() -> None:
    register_letter_kind(LetterKind(
        code=GOLIVE, label=gettext_lazy("หนังสือแจ้งเปิดใช้งานระบบสารสนเทศ"), form="unit",
        resolve=_resolve, compose=compose_golive, visible=_visible, may_issue=_may_issue,
        demo_targets=lambda issuer: Project.objects.filter(
            status__in=[Project.Status.APPROVED, Project.Status.LIVE], go_live_on__isnull=False
        ).select_related("unit", "request", "request__requested_by", "created_by").order_by("pk")[:1],
    ))
