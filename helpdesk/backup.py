"""Backup and restore of the database and the uploaded files (docs/deploy.md, "Backups").

A backup folder holds `database.dump` (PostgreSQL custom format, pg_dump) or
`database.sqlite3`, `media.tar.gz` and `manifest.json` with the row count of
every table and the SHA-256 of every file, which `restore` checks afterwards.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

PG_DUMP = "database.dump"
SQLITE_DUMP = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def media_hashes(media_root: Path) -> dict[str, str]:
    hashes = {}
    if media_root.exists():
        for path in sorted(media_root.rglob("*")):
            if path.is_file():
                hashes[str(path.relative_to(media_root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432),
            "--username", db.get("USER") or "postgres"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def backup(target: Path) -> dict:
    target.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    manifest = {"vendor": connection.vendor, "tables": table_counts(), "files": media_hashes(media_root)}
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        subprocess.run(
            ["pg_dump", *args, "--format=custom", "--no-owner", "--no-privileges",
             "--file", str(target / PG_DUMP), connection.settings_dict["NAME"]],
            check=True, env=env,
        )
    else:
        connection.ensure_connection()
        destination = sqlite3.connect(target / SQLITE_DUMP)
        with destination:
            connection.connection.backup(destination)
        destination.close()
    with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def restore(source: Path) -> list[str]:
    """Restore into the configured (empty) database and MEDIA_ROOT; return the differences found, if any."""
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    if manifest["vendor"] != connection.vendor:
        raise ValueError(f"backup is from {manifest['vendor']}, this database is {connection.vendor}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if connection.introspection.table_names(cursor):
                raise ValueError("the target database is not empty: restore into a fresh database")
        args, env = _pg_env()
        connection.close()
        subprocess.run(
            ["pg_restore", *args, "--no-owner", "--no-privileges", "--exit-on-error",
             "--dbname", connection.settings_dict["NAME"], str(source / PG_DUMP)],
            check=True, env=env,
        )
    else:
        name = Path(connection.settings_dict["NAME"])
        connection.close()
        if name.exists() and name.stat().st_size > 0:
            raise ValueError("the target database file exists: restore into a fresh file")
        shutil.copyfile(source / SQLITE_DUMP, name)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_ARCHIVE, "r:gz") as archive:
        members = [m for m in archive.getmembers() if m.name.startswith("media/") and (m.isfile() or m.isdir())]
        for member in members:
            member.name = member.name.removeprefix("media/")
        archive.extractall(media_root, members=[m for m in members if m.name], filter="data")
    return verify(manifest)


def verify(manifest: dict) -> list[str]:
    problems = []
    counts = table_counts()
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"table {table}: expected {expected} rows, found {counts.get(table)}")
    files = media_hashes(Path(settings.MEDIA_ROOT))
    for name, digest in manifest["files"].items():
        if files.get(name) != digest:
            problems.append(f"file {name}: missing or different")
    return problems
