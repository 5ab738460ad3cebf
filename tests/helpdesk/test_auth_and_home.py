import pytest
from django.urls import reverse

from helpdesk.models import Unit
from helpdesk.roles import Role, has_role, team_for_unit, unit_q, units_overseen_by, user_unit
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_home_requires_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_is_thai(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "เข้าสู่ระบบ" in response.content.decode()
    assert 'lang="th"' in response.content.decode()


def test_it_logs_in_and_shows_unit_and_roles(client, requester_a):
    response = client.post(reverse("login"), {"username": "req_a", "password": PASSWORD}, follow=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "สำนักงานเขตบางเขน" in body
    assert "ผู้ขอรับบริการ" in body


def test_wrong_password_shows_thai_error(client, requester_a):
    response = client.post(reverse("login"), {"username": "req_a", "password": "wrong"})
    assert response.status_code == 200
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(login, requester_a):
    client = login(requester_a)
    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_language_switch_to_english(login, requester_a):
    client = login(requester_a)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_navigation_shows_admin_only_to_staff(login, requester_a, admin_user):
    assert reverse("admin:index") not in login(requester_a).get(reverse("home")).content.decode()
    assert reverse("admin:index") in login(admin_user).get(reverse("home")).content.decode()


def test_one_person_holds_several_roles(supervisor_a):
    assert has_role(supervisor_a, Role.SUPERVISOR)
    assert has_role(supervisor_a, Role.REQUESTER)
    assert not has_role(supervisor_a, Role.TECHNICIAN)


def test_role_helpers(requester_a, supervisor_a, executive, technician, unit_a, unit_a_child, unit_b):
    assert user_unit(requester_a) == unit_a
    assert set(units_overseen_by(supervisor_a)) == {unit_a, unit_a_child}
    assert set(units_overseen_by(requester_a)) == {unit_a}
    assert set(units_overseen_by(executive)) == set(Unit.objects.all())
    assert team_for_unit(unit_a) == unit_a.area.team
    assert set(Unit.objects.filter(unit_q(supervisor_a, "pk").__class__())) == set(Unit.objects.all())


def test_unit_q_limits_records(requester_a, supervisor_a, technician, unit_a, unit_a_child, unit_b):
    from assets.models import Asset

    for unit, number in ((unit_a, "0001"), (unit_a_child, "0002"), (unit_b, "0003")):
        Asset.objects.create(asset_number=f"7440-001-{number}/2566", asset_type="computer", unit=unit)
    assert Asset.objects.visible_to(requester_a).count() == 1
    assert Asset.objects.visible_to(supervisor_a).count() == 2
    assert Asset.objects.visible_to(technician).count() == 3


def test_unit_path_follows_a_move(unit_a, unit_a_child, unit_b):
    assert unit_a_child.path == f"/{unit_a.pk}/{unit_a_child.pk}/"
    unit_a.parent = unit_b
    unit_a.save()
    unit_a_child.refresh_from_db()
    assert unit_a_child.path == f"/{unit_b.pk}/{unit_a.pk}/{unit_a_child.pk}/"


def test_roles_exist_after_migrate():
    from django.contrib.auth.models import Group

    assert set(Role.values) <= set(Group.objects.values_list("name", flat=True))


def test_healthz(client):
    assert client.get("/healthz").content == b"ok"


def test_admin_is_thai_and_edits_units(login, admin_user, unit_a):
    client = login(admin_user)
    response = client.get(reverse("admin:helpdesk_unit_changelist"))
    assert response.status_code == 200
    assert "หน่วยงาน" in response.content.decode()
    response = client.post(
        reverse("admin:helpdesk_unit_change", args=[unit_a.pk]),
        {"code": unit_a.code, "name": "สำนักงานเขตบางเขน (ใหม่)", "kind": "district", "area": unit_a.area_id,
         "phone": "", "email": "", "is_active": "on"},
    )
    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.name == "สำนักงานเขตบางเขน (ใหม่)"
    assert unit_a.history.count() == 2
