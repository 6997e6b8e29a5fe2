"""Test support: the migrated SQLite test database, kept between test runs.

Migrating an empty database takes most of a short test run's time (Django renders the model states of a hundred
migrations). On SQLite the test database lives in memory; the first run copies it, just migrated, to
var/test-databases/<key>.sqlite3, and later runs copy that file into memory instead of migrating. The key is a hash
of every migration file and of uv.lock (the third-party apps' migrations), so a changed or added migration
migrates anew. PostgreSQL migrates as before. Installed by iljari/conftest.py for the creation of the test
database only (one `migrate`); a test that runs `migrate` itself runs the real one.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.commands import migrate
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent


def _key() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("iljari/*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    lock = ROOT / "uv.lock"
    if lock.exists():
        digest.update(lock.read_bytes())
    return digest.hexdigest()[:20]


def migrated_database_cache_install() -> None:
    """Make the next `migrate` (the test database's creation) copy the kept database in, or keep what it made."""
    original = migrate.Command.handle

    def handle(self, *args, **options):
        migrate.Command.handle = original  # once: the creation of the test database
        connection = connections[options.get("database") or "default"]
        if connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return original(self, *args, **options)
        kept = Path(settings.VAR_DIR) / "test-databases" / f"{_key()}.sqlite3"
        connection.ensure_connection()
        if kept.exists():
            source = sqlite3.connect(kept)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            return None
        result = original(self, *args, **options)
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        os.replace(partial, kept)  # whole or not at all, also when two runs finish at once
        return result

    migrate.Command.handle = handle
