"""Real Chromium (Debian's package) driven by Playwright; registered for the whole suite in tests/conftest.py."""

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls of the
# test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _watch_csp(page) -> list[str]:
    """Every Content-Security-Policy violation the page reports on the console (inline scripts, foreign
    origins …): each browser test fails on them at teardown, so every page a browser test opens is checked."""
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(f"{page.url}: {msg.text}")
            if "Content Security Policy" in msg.text else None)
    page.csp_violations = violations  # a test that provokes one on purpose clears it
    return violations


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = _watch_csp(page)
    yield page
    context.close()
    assert not violations, "CSP violations:\n" + "\n".join(violations)


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 390, "height": 844},
        device_scale_factor=2, is_mobile=True, has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = _watch_csp(page)
    yield page
    context.close()
    assert not violations, "CSP violations:\n" + "\n".join(violations)


def sign_in_page(page, base_url: str, username: str, password: str):
    """Sign in through the login form on any page (the desktop `page`, the `phone_page`, a second context)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    return page


@pytest.fixture
def sign_in(page, live_server):
    def _sign_in(username: str, password: str):
        return sign_in_page(page, live_server.url, username, password)

    return _sign_in
