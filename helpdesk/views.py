from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET

from helpdesk.dashboard import widgets_for
from helpdesk.roles import Role, user_profile, user_roles
from helpdesk.search import SearchForm, run_search


@login_required
def home(request):
    held = user_roles(request.user)
    profile = user_profile(request.user)
    return render(
        request,
        "helpdesk/home.html",
        {
            "profile": profile,
            "role_labels": [role.label for role in Role if role.value in held],
            "today": timezone.localdate(),
            "widgets": widgets_for(request),
        },
    )


@require_GET
@login_required
def search(request):
    """The navbar search: tickets, assets and requests the user may see, grouped by kind (helpdesk.search).
    An empty or too long query re-renders with the reason (400), never a 500."""
    form = SearchForm(request.GET or None)
    groups = run_search(request.user, form.cleaned_data["q"]) if form.is_valid() else []
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "helpdesk/search.html", {
        "form": form, "groups": groups, "term": form.cleaned_data["q"] if form.is_valid() else "",
        "found": sum(len(group.hits) for group in groups),
    }, status=status)


@require_GET
def healthz(request):
    """For load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def ping(request):
    """The cheapest Django answer (no database): the baseline for throughput benchmarks (`manage.py bench`)."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: send them to the static file. The URL is looked up
    per request, not at import, because the manifest of hashed names exists only after collectstatic."""
    return redirect(static("img/favicon.ico"), permanent=True)
