"""The Content-Security-Policy in a real browser: no page raises a CSP violation (desktop and phone),
and the behaviours moved out of inline scripts still work."""

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/", "/tickets/", "/tickets/new/", "/assets/", "/assets/import/", "/assets/maintenance/", "/parts/",
    "/parts/requests/", "/network/ip/", "/network/registry/", "/publishing/", "/news/", "/reports/",
]

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp || []")


def _visit_all(page, live_server) -> dict[str, list[str]]:
    console = []
    page.on("console", lambda msg: console.append(msg.text) if "Content Security Policy" in msg.text else None)
    found = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        problems = _violations(page) + console[:]
        console.clear()
        if problems:
            found[path] = problems
    return found


def test_no_page_raises_a_csp_violation_on_desktop_or_phone(page, phone_page, live_server, unit_a, team_a):
    from assets.models import Asset

    category("hw-computer")
    make_user("root", unit=unit_a, is_staff=True, is_superuser=True)
    for index in range(3):
        Asset.objects.create(asset_number=f"7440-001-000{index + 1}/2566", asset_type=Asset.Type.COMPUTER,
                             brand="Dell", model_name="OptiPlex", serial_number=f"SN{index}", unit=unit_a)
    for tab in (page, phone_page):
        tab.add_init_script(WATCH)
        tab.goto(f"{live_server.url}/accounts/login/")
        assert _violations(tab) == []
        tab.fill("input[name=username]", "root")
        tab.fill("input[name=password]", PASSWORD)
        tab.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
        tab.wait_for_url(f"{live_server.url}/")
        assert _visit_all(tab, live_server) == {}

    # The policy is enforced: a script injected into the page does not run.
    page.goto(f"{live_server.url}/")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                             document.body.appendChild(s); }""")
    page.wait_for_function("window.__csp.length > 0")
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in _violations(page))
    page.csp_violations.clear()  # provoked on purpose

    # The "select all" box of the asset list works without an inline handler.
    page.goto(f"{live_server.url}/assets/")
    page.check("input[data-check-all=ids]")
    assert page.eval_on_selector_all("input[name=ids]", "boxes => boxes.every(b => b.checked)")
    assert _violations(page) == []


def test_the_asset_suggestions_are_attached_without_an_inline_script(page, sign_in, live_server, unit_a):
    from assets.models import Asset

    category("hw-computer")
    make_user("somsri", Role.REQUESTER, unit=unit_a)
    Asset.objects.create(asset_number="7440-001-0001/2566", asset_type=Asset.Type.COMPUTER, brand="Dell",
                         model_name="OptiPlex", serial_number="SN1", unit=unit_a)
    page.add_init_script(WATCH)
    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/tickets/new/")
    assert page.get_attribute("#id_asset_number", "list") == "unit-assets"
    assert _violations(page) == []
