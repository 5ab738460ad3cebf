"""The owner's page of personal API tokens (reached from the profile menu); the documentation page is in docs.py."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.api.tokens import api_token_create, api_token_revoke
from helpdesk.models import ApiToken

EXPIRY_DAYS = (30, 90, 180, 365)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("ชื่อโทเคน"), max_length=100,
        help_text=gettext_lazy("ระบุว่าใช้กับระบบใด เช่น ระบบสารบรรณอิเล็กทรอนิกส์"),
        error_messages={"required": gettext_lazy("กรุณาตั้งชื่อโทเคน")},
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy("อายุการใช้งาน"), coerce=int, initial=90,
        choices=[(days, gettext_lazy("%(days)d วัน") % {"days": days}) for days in EXPIRY_DAYS],
        error_messages={"invalid_choice": gettext_lazy("กรุณาเลือกอายุการใช้งานจากรายการ")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [(d, label) for d, label in self.fields["days"].choices
                                       if d <= settings.API_TOKEN_MAX_DAYS]


SHOW_ONCE_SESSION_KEY = "api_token_new_secret"  # noqa: S105 (a session key name, not a secret)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """List the user's tokens; POST creates one, then the next GET shows its secret once (post/redirect/get, so
    reloading the page never makes a second token; the secret leaves the session when shown)."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created, secret = api_token_create(user=request.user, name=form.cleaned_data["name"],
                                               days=form.cleaned_data["days"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            request.session[SHOW_ONCE_SESSION_KEY] = {"id": created.pk, "secret": secret}
            return redirect("api_tokens")
    shown = request.session.pop(SHOW_ONCE_SESSION_KEY, None) if request.method == "GET" else None
    tokens = list(ApiToken.objects.filter(user=request.user).order_by("-created_at", "-pk")[:50])
    created = next((token for token in tokens if shown and token.pk == shown["id"]), None)
    response = render(request, "helpdesk/api_tokens.html", {
        "form": form, "tokens": tokens, "created": created, "secret": shown["secret"] if created else None,
        "now": timezone.now(),
    }, status=400 if request.method == "POST" else 200)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken.objects.filter(user=request.user), pk=pk)
    api_token_revoke(token=token, by=request.user)
    messages.success(request, _("เพิกถอนโทเคน “%(name)s” แล้ว") % {"name": token.name})
    return redirect("api_tokens")

