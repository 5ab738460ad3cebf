import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from helpdesk.backup import table_counts

ROOT = Path(__file__).resolve().parents[2]


def _fresh_database(tmp_path) -> tuple[str, callable]:
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        name = f"restore_{uuid.uuid4().hex[:10]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        url = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"

        def drop():
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return url, drop
    return f"sqlite:///{tmp_path / 'restored.sqlite3'}", lambda: None


def _manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_row_and_file(tmp_path):
    call_command("seed_demo", verbosity=0)
    default_storage.save("scans/memo.pdf", ContentFile(b"%PDF-1.4 scanned memo"))
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    before = table_counts()

    url, drop = _fresh_database(tmp_path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "helpdesk.settings", "DATABASE_URL": url,
           "MEDIA_ROOT": str(tmp_path / "restored-media")}
    try:
        result = _manage("restore", str(tmp_path / "backup"), env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "restored and verified" in result.stdout
        counted = _manage("shell", "-c", "from helpdesk.backup import table_counts; import json; "
                          "print(json.dumps(table_counts()))", env=env)
        import json

        assert json.loads(counted.stdout.strip().splitlines()[-1]) == before
        assert (tmp_path / "restored-media" / "scans" / "memo.pdf").read_bytes() == b"%PDF-1.4 scanned memo"
        again = _manage("restore", str(tmp_path / "backup"), env=env)
        assert again.returncode != 0
        assert "not empty" in again.stderr or "exists" in again.stderr
    finally:
        drop()
