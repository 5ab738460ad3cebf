"""Backup and restore of the database and the uploaded files (docs/deploy.md, "Backups").

A backup folder holds `database.dump` (PostgreSQL custom format, pg_dump) or
`database.sqlite3`, `media.tar.gz` and `manifest.json` with the row count of
every table and the SHA-256 of every file, which `restore` checks afterwards.

Backups are taken while the system is in use, so the manifest describes exactly what was saved:

- PostgreSQL: one REPEATABLE READ, READ ONLY transaction exports its snapshot
  (``pg_export_snapshot()``), counts every table in it, and ``pg_dump --snapshot`` dumps that same
  snapshot while the transaction stays open. Rows written meanwhile are in neither.
- SQLite: the online backup API copies the database; the counts are taken from the copy.
- Files: each file is read once, and its bytes go both into the archive and into the manifest's
  hash; a file deleted meanwhile is simply not in either.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

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


def sqlite_file_counts(path: Path) -> dict[str, int]:
    """Row counts of every table in an SQLite file (the backup copy), as `table_counts` gives them."""
    db = sqlite3.connect(path)
    try:
        names = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}  # noqa: S608
    finally:
        db.close()


def archive_media(media_root: Path, archive_path: Path) -> dict[str, str]:
    """Write every file under `media_root` into the archive and return {name: sha256} of exactly the bytes
    written: the manifest's file list is the archive's content, whatever uploads or deletions happen meanwhile."""
    hashes = {}
    with tarfile.open(archive_path, "w:gz") as archive:
        if not media_root.exists():
            return hashes
        for path in sorted(media_root.rglob("*")):
            try:
                if not path.is_file():
                    continue
                data = path.read_bytes()
                stat = path.stat()
            except FileNotFoundError:  # deleted since it was listed: not in the backup
                continue
            name = str(path.relative_to(media_root))
            info = tarfile.TarInfo(f"media/{name}")
            info.size, info.mtime, info.mode = len(data), int(stat.st_mtime), 0o644
            archive.addfile(info, io.BytesIO(data))
            hashes[name] = hashlib.sha256(data).hexdigest()
    return hashes


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
    if connection.vendor == "postgresql":
        tables = _pg_dump_snapshot(target / PG_DUMP)
    else:
        connection.ensure_connection()
        destination = sqlite3.connect(target / SQLITE_DUMP)
        with destination:
            connection.connection.backup(destination)
        destination.close()
        tables = sqlite_file_counts(target / SQLITE_DUMP)
    files = archive_media(Path(settings.MEDIA_ROOT), target / MEDIA_ARCHIVE)
    manifest = {"vendor": connection.vendor, "tables": tables, "files": files}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def _pg_dump_snapshot(dump_path: Path) -> dict[str, int]:
    """Count every table and dump the database from one exported snapshot."""
    args, env = _pg_env()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = table_counts()
        # The snapshot stays importable while this transaction is open, i.e. until pg_dump has finished.
        subprocess.run(
            ["pg_dump", *args, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
             "--file", str(dump_path), connection.settings_dict["NAME"]],
            check=True, env=env,
        )
    return tables


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
