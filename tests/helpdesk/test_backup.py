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
from tests.tickets.conftest import hw, make_ticket  # noqa: F401  (ticket fixtures)

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


def _restore_and_verify(tmp_path, backup_dir):
    url, drop = _fresh_database(tmp_path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "helpdesk.settings", "DATABASE_URL": url,
           "MEDIA_ROOT": str(tmp_path / "restored-media")}
    try:
        return _manage("restore", str(backup_dir), env=env)
    finally:
        drop()


@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_while_tickets_are_filed_restores_and_verifies(tmp_path, settings, make_ticket, unit_a, hw,  # noqa: F811
                                                                       requester_a):
    """Tickets are filed and files come and go during the backup: it still restores and verifies."""
    import threading

    from django.db import connections

    from tickets.models import Ticket

    make_ticket(unit_a, hw, requester=requester_a)
    stop, filed, errors = threading.Event(), [], []

    def traffic():
        try:
            index = 0
            while not stop.is_set() or index < 5:
                make_ticket(unit_a, hw, requester=requester_a, symptom=f"งานระหว่างสำรองข้อมูล {index}")
                name = default_storage.save(f"busy/{index}.txt", ContentFile(b"x" * 2000))
                if index % 2:
                    default_storage.delete(name)
                filed.append(index)
                index += 1
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    worker = threading.Thread(target=traffic)
    worker.start()
    try:
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
    finally:
        stop.set()
        worker.join(timeout=120)
    assert not errors and len(filed) >= 5
    assert Ticket.objects.count() > 1
    result = _restore_and_verify(tmp_path, tmp_path / "backup")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "restored and verified" in result.stdout


@pytest.mark.django_db(transaction=True)
def test_rows_written_between_counting_and_dumping_do_not_break_verification(tmp_path, monkeypatch):
    """The row counts and the dump come from the same snapshot (pg_export_snapshot / the SQLite copy)."""
    import threading

    from django.db import connections

    import helpdesk.backup
    from helpdesk.models import Team

    original = helpdesk.backup.table_counts

    def counts_then_traffic():
        counts = original()

        def insert():
            Team.objects.create(code=f"t{uuid.uuid4().hex[:6]}", name="ทีมที่เพิ่มระหว่างสำรองข้อมูล")
            connections.close_all()

        writer = threading.Thread(target=insert)
        writer.start()
        writer.join()
        return counts

    monkeypatch.setattr(helpdesk.backup, "table_counts", counts_then_traffic)
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    monkeypatch.setattr(helpdesk.backup, "table_counts", original)
    result = _restore_and_verify(tmp_path, tmp_path / "backup")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_file_list_is_what_went_into_the_archive(tmp_path, monkeypatch):
    """A file deleted while the archive is written is in neither the archive nor the manifest."""
    import tarfile

    from helpdesk.backup import archive_media

    media = tmp_path / "media"
    (media / "a").mkdir(parents=True)
    for name in ("one", "two", "three"):
        (media / "a" / name).write_bytes(name.encode())
    real_read = Path.read_bytes

    def read_then_delete(path):
        if path.name == "one":
            (media / "a" / "three").unlink(missing_ok=True)  # gone before its turn
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_then_delete)
    hashes = archive_media(media, tmp_path / "media.tar.gz")
    with tarfile.open(tmp_path / "media.tar.gz") as archive:
        names = sorted(m.name.removeprefix("media/") for m in archive.getmembers())
    assert names == sorted(hashes) == ["a/one", "a/two"]
