"""What unit requests plug into elsewhere: the notice kind, the stock's disbursements (the link back and the
hand-over), the asset page (loans made for a request) and the home dashboard."""

from django.utils.translation import gettext_lazy

from helpdesk.dashboard import supervisor_to_approve
from helpdesk.roles import Role

from .models import UnitRequest
from .services import is_fulfiller

S = UnitRequest.Status


def widget_context(request) -> dict | None:
    """Requests waiting for this supervisor's decision, and approved ones waiting for the stock/technicians."""
    user = request.user
    context = supervisor_to_approve(request, UnitRequest.objects.filter(status=S.SUBMITTED),
                                    requester_field="requested_by") or {}
    if is_fulfiller(user):
        context["to_fulfil"] = UnitRequest.objects.filter(status__in=[S.APPROVED, S.PREPARING]).count()
    return context if any(context.values()) else None


def asset_section_context(request, asset) -> dict:
    """The unit requests an asset was lent for (the loan's link back to the request), one query."""
    rows = list(UnitRequest.objects.visible_to(request.user).filter(loan__asset=asset)
                .select_related("unit", "loan").order_by("-created_at")[:20])
    return {"unit_requests": rows}


def register() -> None:
    from assets.sections import register_asset_section
    from helpdesk.dashboard import register_widget
    from helpdesk.notifications.kinds import register_kind
    from tickets.plugins.disbursements import register_disbursement_listener

    from .services import KIND, disbursement_request_links, on_disbursement_cancelled, on_disbursement_handed_over

    register_kind(KIND, gettext_lazy("คำขอใช้/ยืมวัสดุอุปกรณ์ของหน่วยงาน"))
    register_disbursement_listener(handed_over=on_disbursement_handed_over, cancelled=on_disbursement_cancelled,
                                   links=disbursement_request_links)
    register_asset_section("unitrequests/includes/_asset_loans.html", asset_section_context, order=60)
    register_widget("unitrequests", template="unitrequests/includes/_widget.html", context=widget_context,
                    roles={Role.SUPERVISOR, Role.STOCK_OFFICER, Role.TECHNICIAN}, order=48)
