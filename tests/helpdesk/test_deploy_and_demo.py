import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from helpdesk.models import Area, Holiday, Team, Unit

ROOT = Path(__file__).resolve().parents[2]


def production_env(**overrides) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **overrides}


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = production_env(**{
        "DJANGO_SETTINGS_MODULE": "helpdesk.settings",
        "DEBUG": "0",
        "SECRET_KEY": "x9!k2-" + "q7Lm3vP0zR8sT1uW4yB6nD5fH2jK9cX0eA" * 2,
        "ALLOWED_HOSTS": "helpdesk.example.go.th",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    })
    env.pop("SECURE_SSL_REDIRECT", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_key(tmp_path):
    env = production_env(DJANGO_SETTINGS_MODULE="helpdesk.settings", DEBUG="0", ALLOWED_HOSTS="x.go.th",
                         DATABASE_URL=f"sqlite:///{tmp_path / 'd.sqlite3'}")
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    call_command("seed_demo", verbosity=0)
    counts = (Unit.objects.count(), Area.objects.count(), Team.objects.count(), User.objects.count(),
              Holiday.objects.count())
    call_command("seed_demo", verbosity=0)
    assert counts == (Unit.objects.count(), Area.objects.count(), Team.objects.count(), User.objects.count(),
                      Holiday.objects.count())
    assert counts[0] >= 20
    requester = User.objects.get(username="requester")
    assert requester.check_password("demo1234")
    assert requester.profile.unit.team is not None
    for username in ("requester", "technician", "supervisor", "netadmin", "stock", "executive", "ithead"):
        assert User.objects.get(username=username).groups.exists()


def test_ping_answers_without_the_database(client):
    # No django_db mark: pytest-django raises on any database access.
    response = client.get("/ping")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert client.post("/ping").status_code == 405
