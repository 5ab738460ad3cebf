"""Content-Security-Policy (no inline scripts, no foreign origins), Referrer-Policy and Permissions-Policy
on every page; no template carries an inline script or on* handler."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.tickets.conftest import category, make_ticket  # noqa: F401  (ticket fixtures)

TEMPLATES = Path(settings.BASE_DIR) / "templates"


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline_scripts, self.handlers, self.links, self.foreign = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript:"):
                self.handlers.append(f"<{tag} {name}=javascript:>")
        if tag == "script":
            if attrs.get("src"):
                if urlparse(attrs["src"]).netloc:
                    self.foreign.append(attrs["src"])
            elif attrs.get("type") not in ("application/json", "application/ld+json"):
                self._in_script = True
        if tag == "link" and attrs.get("rel") == "stylesheet" and urlparse(attrs.get("href", "")).netloc:
            self.foreign.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip()[:60])


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def _check_headers(response, url):
    csp = response.headers.get("Content-Security-Policy")
    assert csp, url
    directives = _directives(csp)
    assert directives["script-src"] == ["'self'"], url
    assert directives["default-src"] == ["'self'"], url
    assert "'unsafe-eval'" not in csp and "*" not in csp and "http" not in csp, url
    assert directives["frame-ancestors"] == ["'none'"] and directives["object-src"] == ["'none'"], url
    assert response.headers.get("Referrer-Policy") == "same-origin", url
    permissions = response.headers.get("Permissions-Policy", "")
    assert "camera=()" in permissions and "geolocation=()" in permissions, url


def test_every_template_is_free_of_inline_scripts_and_handlers():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        scan = _Scan()
        scan.feed(re.sub(r"{[%{#].*?[%}#]}", "", text, flags=re.S))
        if scan.inline_scripts or scan.handlers or scan.foreign:
            offenders.append((str(path.relative_to(TEMPLATES)), scan.inline_scripts, scan.handlers, scan.foreign))
    assert offenders == []


def test_the_public_pages_carry_the_policy(client, db):
    for url in (reverse("login"), "/news/", "/t/not-a-token/", "/no-such-page/"):
        response = client.get(url)
        _check_headers(response, url)


def test_every_page_reachable_from_the_menu_carries_the_policy_and_no_inline_script(
    admin_user, unit_a, make_ticket,  # noqa: F811
):
    make_ticket(unit_a, category("hw-computer"), by=admin_user)
    client = Client()
    client.force_login(admin_user)
    seen, queue, pages = set(), [reverse("home")], 0
    while queue and pages < 80:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        pages += 1
        _check_headers(response, url)
        scan = _Scan()
        scan.feed(response.content.decode())
        assert not scan.inline_scripts and not scan.handlers and not scan.foreign, (url, scan.__dict__)
        for href in scan.links:
            target = urlparse(urljoin(url, href))
            skipped = ("/admin", "/accounts/logout", "/i18n")
            if target.netloc or not target.path.startswith("/") or target.path.startswith(skipped):
                continue
            if re.search(r"(\.pdf|\.csv|/slip/|/letter/|/memo/|/photos/|/id-card/|/files/)", target.path):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    assert pages >= 25, pages


def test_the_admin_pages_carry_the_policy_and_no_inline_script(admin_user):
    client = Client()
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/tickets/ticket/", "/admin/tickets/ticket/add/", "/admin/axes/accessfailurelog/",
                "/admin/helpdesk/unit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        _check_headers(response, url)
        scan = _Scan()
        scan.feed(response.content.decode())
        assert not scan.inline_scripts and not scan.handlers and not scan.foreign, (url, scan.__dict__)
