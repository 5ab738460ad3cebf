"""The yearly satisfaction survey of each registered system (004 §7 steps ๑๗–๑๙): staff start it, the public
answers a public-facing system's open link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.ratelimit import limit_per_address
from helpdesk.surveys.forms import SurveyAnswerForm

from . import satisfaction
from .access import get_system_for_user, require
from .models import SurveyRound
from .services import is_systems_staff


@login_required
@require_POST
def system_survey_start(request, pk):
    system = get_system_for_user(request.user, pk)
    require(is_systems_staff(request.user))
    try:
        survey = satisfaction.round_start(system=system, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("เริ่มสำรวจความพึงพอใจปีงบประมาณ %(year)s แล้ว เชิญผู้ใช้งาน %(n)d คน") % {
            "year": survey.fiscal_year, "n": survey.respondents.count()})
    return redirect("systems:system_detail", pk)


@login_required
@require_POST
def survey_start_all(request):
    require(is_systems_staff(request.user))
    started, already = satisfaction.rounds_start_all(by=request.user)
    messages.success(request, _("เริ่มสำรวจความพึงพอใจ %(started)d ระบบ (เริ่มไว้แล้ว %(already)d ระบบ)") % {
        "started": started, "already": already})
    return redirect("systems:system_list")


def _public_rate() -> str:
    return settings.TRACKING_RATE_LIMIT


@limit_per_address("systems_survey", _public_rate)
@require_http_methods(["GET", "HEAD", "POST"])
def survey_public(request, token: str):
    """The open link of a public-facing system's yearly survey: no login, many answers, rate-limited."""
    if getattr(request, "limited", False):
        return render(request, "tickets/tracking_429.html", status=429)
    if not token or len(token) > 64:
        raise Http404
    survey = SurveyRound.objects.select_related("system", "system__owner_unit").filter(public_token=token).first()
    if survey is None:
        raise Http404
    refusal = satisfaction.public_refusal(survey)
    service = satisfaction.ensure_service()
    form = None
    status = 200
    if refusal is None:
        form = SurveyAnswerForm(request.POST or None, questions=service.questions.filter(is_active=True))
        if request.method == "POST":
            if form.is_valid():
                try:
                    satisfaction.public_answer(survey=survey, ratings=form.ratings(),
                                               comment=form.cleaned_data["comment"], by=request.user)
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    messages.success(request, _("ขอบคุณสำหรับการประเมินความพึงพอใจ"))
                    return redirect("systems:survey_public", token=token)
            status = 400
    elif request.method == "POST":
        status = 400
    return render(request, "systems/survey_public.html", {"survey": survey, "service": service, "form": form,
                                                          "refusal": refusal}, status=status)
