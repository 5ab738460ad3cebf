"""axe-core (vendored, static/vendor/axe-core) on the ten most used pages, desktop and phone, with the demo data:
no serious or critical violation (labels, names of icon-only buttons, contrast, landmarks …)."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
SHOTS = Path("/tmp/shots-d")


def _pages(ticket, asset) -> list[tuple[str, str, bool]]:
    """(name, path, signed in) of the ten most used pages."""
    return [
        ("login", "/accounts/login/", False),
        ("tracking", f"/t/{ticket.tracking_token}/", False),
        ("home", "/", True),
        ("board", "/tickets/", True),
        ("ticket", f"/tickets/{ticket.pk}/", True),
        ("new-ticket", "/tickets/new/", True),
        ("assets", "/assets/", True),
        ("asset", f"/assets/{asset.pk}/", True),
        ("stock", "/parts/", True),
        ("publishing", "/publishing/", True),
    ]


def _violations(tab, live_server) -> list[str]:
    # From the site's own static files: an injected inline copy (add_script_tag(path=…)) is refused by the CSP,
    # which every browser test keeps watching.
    assert AXE.exists()
    tab.add_script_tag(url=f"{live_server.url}{settings.STATIC_URL}vendor/axe-core/axe.min.js")
    results = tab.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                             nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [f"{row['impact']} {row['id']}: {row['help']} {row['nodes']}" for row in results
            if row["impact"] in BLOCKING]


def _sign_in(tab, live_server) -> None:
    tab.goto(f"{live_server.url}/accounts/login/")
    tab.fill("input[name=username]", "ithead")
    tab.fill("input[name=password]", "demo1234")
    tab.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    tab.wait_for_url(f"{live_server.url}/")


def test_the_most_used_pages_have_no_serious_accessibility_violation(browser, page, phone_page, live_server):
    from django.core.cache import caches

    from assets.models import Asset
    from tickets.models import Status, Ticket

    for backend in caches.all():
        backend.clear()
    page.set_viewport_size({"width": 1366, "height": 900})
    call_command("seed_demo", stdout=io.StringIO())
    ticket = Ticket.objects.filter(status=Status.IN_PROGRESS, asset__isnull=False).order_by("pk").first()
    asset = ticket.asset
    SHOTS.mkdir(exist_ok=True)
    found: dict[str, list[str]] = {}
    for size, tab in (("desktop", page), ("phone", phone_page)):
        signed = False
        for name, path, signed_in in _pages(ticket, Asset.objects.get(pk=asset.pk)):
            if signed_in and not signed:
                _sign_in(tab, live_server)
                signed = True
            tab.goto(f"{live_server.url}{path}")
            assert tab.locator("main").count() == 1, (size, name)
            problems = _violations(tab, live_server)
            if problems:
                found[f"{size} {name}"] = problems
            tab.screenshot(path=str(SHOTS / f"a11y-{name}-{size}.png"), full_page=False)
        # The skip link is the first thing the keyboard reaches, and it leads to the content.
        tab.goto(f"{live_server.url}/tickets/")
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.getAttribute('href')") == "#main"
        assert tab.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        tab.keyboard.press("Enter")
        assert tab.evaluate("location.hash") == "#main"
    assert found == {}, "\n".join(f"{page}: {problem}" for page, problems in found.items() for problem in problems)
