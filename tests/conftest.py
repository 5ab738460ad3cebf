"""Shared fixtures: two units in different areas, a person per role (like Healthchecks' hc/test.py)."""

import pytest
from django.contrib.auth.models import Group, User

from helpdesk.models import Area, Profile, Team, Unit
from helpdesk.roles import Role

PASSWORD = "correct-horse-battery"

# One Playwright instance per test process, shared by every browser test wherever it lives.
pytest_plugins = ["tests.browser_fixtures"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_user(username: str, *roles: str, unit=None, team=None, **extra) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.go.th",
        first_name=extra.pop("first_name", username.title()), last_name=extra.pop("last_name", "ทดสอบ"), **extra,
    )
    user.groups.set([Group.objects.get_or_create(name=role)[0] for role in roles])
    Profile.objects.create(user=user, unit=unit, team=team, position="ตำแหน่งทดสอบ", phone="02 000 0000",
                           mobile="081 000 0000")
    return user


@pytest.fixture
def team_a(db):
    return Team.objects.create(code="service1", name="ฝ่ายบริการ ๑", email="service1@example.go.th")


@pytest.fixture
def team_b(db):
    return Team.objects.create(code="service2", name="ฝ่ายบริการ ๒", email="service2@example.go.th")


@pytest.fixture
def area_a(team_a):
    return Area.objects.create(code="north", name="กลุ่มเขตเหนือ", team=team_a)


@pytest.fixture
def area_b(team_b):
    return Area.objects.create(code="south", name="กลุ่มเขตใต้", team=team_b)


@pytest.fixture
def unit_a(area_a):
    return Unit.objects.create(code="50100", name="สำนักงานเขตบางเขน", kind=Unit.Kind.DISTRICT, area=area_a)


@pytest.fixture
def unit_a_child(unit_a):
    return Unit.objects.create(code="50110", name="ฝ่ายทะเบียน", kind=Unit.Kind.SECTION, parent=unit_a,
                               area=unit_a.area)


@pytest.fixture
def unit_b(area_b):
    return Unit.objects.create(code="70100", name="สำนักงานเขตบางขุนเทียน", kind=Unit.Kind.DISTRICT, area=area_b)


@pytest.fixture
def requester_a(unit_a):
    return make_user("req_a", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")


@pytest.fixture
def requester_b(unit_b):
    return make_user("req_b", Role.REQUESTER, unit=unit_b, first_name="ประเสริฐ", last_name="มั่นคง")


@pytest.fixture
def technician(unit_a, team_a):
    return make_user("tech", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")


@pytest.fixture
def technician_b(unit_b, team_b):
    return make_user("tech_b", Role.TECHNICIAN, unit=unit_b, team=team_b, first_name="กมล", last_name="ศรีสุข")


@pytest.fixture
def supervisor_a(unit_a):
    return make_user("sup_a", Role.SUPERVISOR, Role.REQUESTER, unit=unit_a, first_name="มาลี", last_name="ผู้นำ")


@pytest.fixture
def supervisor_b(unit_b):
    return make_user("sup_b", Role.SUPERVISOR, Role.REQUESTER, unit=unit_b)


@pytest.fixture
def it_head(unit_a, team_a):
    return make_user("ithead", Role.IT_HEAD, Role.TECHNICIAN, unit=unit_a, team=team_a)


@pytest.fixture
def network_admin(unit_a, team_a):
    return make_user("netadmin", Role.NETWORK_ADMIN, unit=unit_a, team=team_a)


@pytest.fixture
def stock_officer(unit_a):
    return make_user("stock", Role.STOCK_OFFICER, unit=unit_a)


@pytest.fixture
def executive(unit_a):
    return make_user("exec", Role.EXECUTIVE, unit=unit_a)


@pytest.fixture
def admin_user(unit_a):
    return make_user("root", unit=unit_a, is_staff=True, is_superuser=True)


@pytest.fixture
def login(client):
    """login(user) → the test client, signed in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login
