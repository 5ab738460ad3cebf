"""The API's two browser pages: the owner's token page (desktop and phone) and the Swagger UI documentation,
which must work under a strict Content-Security-Policy (no inline script or style, nothing from a CDN)."""

import pytest

from helpdesk.models import ApiToken
from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRICT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_a_user_creates_uses_and_revokes_a_token(sign_in, page, live_server, unit_a, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    sign_in("somsri", PASSWORD)
    page.click("#my-api-tokens")
    page.fill("input[name=name]", "ระบบสารบรรณอิเล็กทรอนิกส์")
    page.select_option("select[name=days]", "30")
    page.click("#token-form button[type=submit]")
    secret = page.inner_text("#new-token-secret").strip()
    assert secret.startswith("hdk_")
    page.screenshot(path=f"/tmp/h24-tokens-{size[0]}.png", full_page=True)
    answer = page.request.get(f"{live_server.url}/api/v1/tickets/",
                              headers={"Authorization": f"Bearer {secret}", "Cookie": ""})
    assert answer.status == 200
    page.reload()  # the secret is not shown again
    assert secret not in page.content()
    page.click("#token-list button:has-text('เพิกถอน')")
    assert "เพิกถอนแล้ว" in page.inner_text("#token-list")
    assert ApiToken.objects.get().revoked_at is not None


def test_the_docs_render_under_a_strict_content_security_policy(page, live_server):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:") else None)

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route(f"{live_server.url}/api/docs/", with_csp)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock-tag", timeout=20_000)
    assert page.locator(".opblock").count() > 20
    assert "/api/v1/tickets/" in page.inner_text("#swagger-ui")
    page.screenshot(path="/tmp/h24-docs.png")
    assert violations == []
    assert outside == []
