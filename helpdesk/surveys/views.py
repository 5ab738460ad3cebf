"""The public answer page: reached from the link in the notice, no login, answered once."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from helpdesk.forms import run_form
from helpdesk.ratelimit import limit_per_address
from helpdesk.surveys.forms import SurveyAnswerForm
from helpdesk.surveys.models import Invitation
from helpdesk.surveys.services import survey_refusal, survey_submit


def _rate() -> str:
    return settings.TRACKING_RATE_LIMIT


def get_invitation_by_token(token: str) -> Invitation:
    """The invitation a link names; an unknown or malformed token is 404."""
    if not token or len(token) > 64:
        raise Http404
    invitation = Invitation.objects.select_related("service").filter(token=token).first()
    if invitation is None:
        raise Http404
    return invitation


@limit_per_address("survey", _rate)
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, token: str):
    if getattr(request, "limited", False):
        return render(request, "tickets/tracking_429.html", status=429)
    invitation = get_invitation_by_token(token)
    refusal = survey_refusal(invitation, request.user)
    questions = invitation.service.questions.filter(is_active=True)
    form = None
    status = 200
    if refusal is None:
        form = SurveyAnswerForm(request.POST or None, questions=questions)
        if request.method == "POST":
            if run_form(form, lambda data: survey_submit(invitation=invitation, by=request.user,
                                                         ratings=form.ratings(), comment=data["comment"])):
                messages.success(request, _("ขอบคุณสำหรับการประเมินความพึงพอใจ"))
                return redirect("surveys:answer", token=invitation.token)
            status = 400
    elif request.method == "POST":
        status = 400
    return render(request, "surveys/answer.html", {
        "invitation": invitation, "form": form, "refusal": refusal,
    }, status=status)
