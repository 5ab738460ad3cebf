"""The main menu: one dropdown per area, shown to the roles that may use it; every link answers 200."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

ALL = ["tickets", "assets", "parts", "network", "meetings", "systems", "publishing", "reports"]
EXPECTED = {
    # Every demo user belongs to a unit, so each sees the unit's assets and website requests.
    "requester": ["tickets", "assets", "network", "meetings", "systems", "publishing", "reports"],
    "requester2": ["tickets", "assets", "network", "meetings", "systems", "publishing", "reports"],
    "supervisor": ["tickets", "assets", "network", "meetings", "systems", "publishing", "reports"],
    "technician": ALL,
    "technician2": ALL,
    "ithead": ALL,
    "executive": ALL,
    "stock": ALL,
    "netadmin": ["tickets", "assets", "network", "meetings", "systems", "publishing", "reports"],
    "admin": ALL,  # the superuser holds every role
}


def _nav(body: str) -> str:
    start = body.index('<nav class="navbar')
    return body[start:body.index("</nav>", start)]


def _areas(nav: str) -> list[str]:
    return re.findall(r'data-nav-area="([a-z]+)"', nav)


def _links(nav: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'<a [^>]*href="([^"#][^"]*)"', nav)]


def test_each_demo_role_sees_its_areas_and_every_menu_link_answers_200(client):
    call_command("seed_demo", stdout=io.StringIO())
    for username, areas in EXPECTED.items():
        user = User.objects.get(username=username)
        client.force_login(user)
        home = client.get(reverse("home"))
        assert home.status_code == 200, username
        nav = _nav(home.content.decode())
        assert _areas(nav) == areas, username
        assert 'id="nav-news"' in nav
        links = _links(nav)
        assert reverse("news:index") in links
        for href in links:
            response = client.get(href)
            assert response.status_code == 200, (username, href, response.status_code)
        client.logout()


def _hrefs(user_client) -> set[str]:
    return set(_links(_nav(user_client.get(reverse("home")).content.decode())))


def test_the_requester_menu_entries(login, requester_a):
    hrefs = _hrefs(login(requester_a))
    assert reverse("tickets:create") in hrefs and reverse("tickets:staff_create") not in hrefs
    assert reverse("reports:summary") in hrefs  # the report covers the requester's own unit
    assert reverse("publishing:report") not in hrefs and reverse("parts:queue") not in hrefs
    assert reverse("assets:maintenance_plan") not in hrefs


def test_the_technician_menu_entries(login, technician):
    hrefs = _hrefs(login(technician))
    for name in ("tickets:list", "tickets:staff_create", "tickets:callbacks", "parts:queue", "parts:stock",
                 "assets:maintenance_plan", "publishing:report", "reports:summary"):
        assert reverse(name) in hrefs, name
    assert reverse("tickets:create") not in hrefs


def test_anonymous_visitors_see_only_the_public_news_link(client):
    body = client.get(reverse("login")).content.decode()
    nav = _nav(body)
    assert _areas(nav) == []
    assert 'id="nav-news"' in nav
