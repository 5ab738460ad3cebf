"""Disposal proposals for unrepairable assets: the stock officer's queue and decision (002 §2 step ๑)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from helpdesk.listing import ListSpec, list_context
from helpdesk.roles import is_service_staff
from tickets.access import get_disposal_proposal_for_user
from tickets.models import DisposalProposal
from tickets.services.asset_register import can_decide_disposal, disposal_decide

P = DisposalProposal.Status

DISPOSAL_LIST = ListSpec(
    search_fields=["asset__asset_number", "ticket__number", "ticket__unit__name"],
    filters={"status": (gettext_lazy("สถานะ"), "status", list(P.choices))},
    sorts={"proposed": (gettext_lazy("วันที่เสนอ"), ("proposed_at",))},
    default_sort="-proposed",
)


class DisposalDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=gettext_lazy("ผลการพิจารณา"), widget=forms.RadioSelect, choices=[
        ("retired", gettext_lazy("รับเรื่อง: เลิกใช้งาน")), ("disposed", gettext_lazy("รับเรื่อง: จำหน่าย")),
        ("reject", gettext_lazy("ไม่รับจำหน่าย (ครุภัณฑ์กลับไปใช้งาน)"))],
        error_messages={"required": gettext_lazy("กรุณาเลือกผลการพิจารณา")})
    note = forms.CharField(label=gettext_lazy("บันทึก / เหตุผล"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("note", "").strip():
            self.add_error("note", _("กรุณาระบุเหตุผลที่ไม่รับจำหน่าย"))
        return cleaned


@login_required
@require_GET
def disposal_list_view(request):
    if not is_service_staff(request.user):
        raise PermissionDenied
    queryset = DisposalProposal.objects.visible_to(request.user).select_related("ticket", "ticket__unit", "asset")
    context = list_context(request, queryset, DISPOSAL_LIST)
    context["can_decide"] = can_decide_disposal(request.user)
    return render(request, "tickets/disposal_list.html", context)


@login_required
@require_GET
def disposal_detail_view(request, pk):
    proposal = get_disposal_proposal_for_user(request.user, pk)
    return render(request, "tickets/disposal_detail.html", _detail_context(request, proposal, DisposalDecisionForm()))


def _detail_context(request, proposal, form):
    return {"proposal": proposal, "ticket": proposal.ticket, "form": form,
            "can_decide": can_decide_disposal(request.user) and proposal.status == P.PROPOSED}


@login_required
@require_POST
def disposal_decide_view(request, pk):
    proposal = get_disposal_proposal_for_user(request.user, pk)
    if not can_decide_disposal(request.user):
        raise PermissionDenied
    form = DisposalDecisionForm(request.POST)
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            disposal_decide(proposal=proposal, by=request.user, accept=decision != "reject",
                            outcome="" if decision == "reject" else decision, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("บันทึกผลการพิจารณาแล้ว"))
            return redirect("tickets:disposal_detail", pk)
    return render(request, "tickets/disposal_detail.html", _detail_context(request, proposal, form), status=200)
