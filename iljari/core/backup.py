"""Backup and restore: one archive that gives back every row, every stored file and every readable resident number.

An archive (`iljari-backup-YYYYMMDD-HHMMSS.tar`, readable by its owner only) holds
- `database.pgdump` (PostgreSQL: pg_dump's custom format, taken in the same snapshot as the row counts) or
  `database.sqlite3` (SQLite: a copy made with SQLite's online-backup API, consistent while the site runs);
- `media/…`: every file under MEDIA_ROOT (applicants' documents, job results), taken after the database, so every
  file a row of the dump names is there unless it was removed in between;
- `manifest.json`: the format, when, the database's vendor and checksum, the applied migrations (the schema
  version), every table's row count, every file's checksum and size, and the fingerprints of the keys in use
  (core.keys.key_fingerprints) — never the keys themselves: they are kept apart (docs/operations.md).

A restore goes into an empty database and an empty media folder. It refuses, before writing anything, an archive
whose checksums do not match, another vendor's dump, a schema this code does not know (a migration it lacks), and
keys whose fingerprints differ from the archive's (the resident numbers would not decrypt). It then restores the
database (pg_restore in one transaction; SQLite's backup API), the files, migrates a schema older than the code,
and checks: every table's row count as in the manifest, every file a row names present, every encrypted value
decrypting and every blind index under a configured key.

Contract:
- backup_write(*, directory, now=None, say=None) -> Path       the archive written (atomically: a partial file is
      renamed when complete)
- backups_prune(*, directory, daily, weekly, monthly) -> list[Path]   the archives removed: kept are the newest of
      each of the last `daily` days, `weekly` ISO weeks and `monthly` months (and always the newest)
- restore(*, archive, say=None) -> RestoreCheck                 raises RestoreRefused (nothing written) when it must
- restore_check(manifest) -> RestoreCheck                        the checks that end a restore
- restore_keys_check(manifest)   RestoreRefused unless every key of the backup is configured (current or older)
- applied_migrations() -> list[str], known_migrations() -> set[str]   "app.name"
- pg_program(name) -> str                                         pg_dump / pg_restore on PATH or under
      /usr/lib/postgresql/<newest>/bin (PG_BIN_DIR overrides)
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump and pg_restore, with fixed argument lists
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from iljari.core.errors import IljariError
from iljari.core.files import files_check
from iljari.core.keys import blind_index_status, key_fingerprints, key_status, keys_reset
from iljari.core.korean import with_object, with_subject

FORMAT = "iljari-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
NAME = re.compile(r"^iljari-backup-(\d{8}-\d{6})\.tar$")
CHUNK = 1024 * 1024
KEY_SETTINGS = {
    "SECRET_KEY": "SECRET_KEY(또는 SECRET_KEY_FALLBACKS)",  # nosec B105  # a setting's name for a message
    "PERSONAL_DATA_KEYS": "개인정보 암호화 키(PERSONAL_DATA_KEYS)",
    "PERSONAL_DATA_INDEX_KEYS": "주민등록번호 검색 색인 키(PERSONAL_DATA_INDEX_KEYS)",
}


class RestoreRefused(IljariError):
    code = "restore_refused"
    status = 409
    default_message = "이 백업을 복원할 수 없습니다."


def _nothing(text: str) -> None:
    return None


# --- schema and programs -----------------------------------------------------------------------------------


def applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def pg_program(name: str) -> str:
    folder = os.environ.get("PG_BIN_DIR")
    if folder:
        return str(Path(folder) / name)
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if not candidates:
        raise RestoreRefused(f"{with_object(name)} 찾을 수 없습니다. PostgreSQL 클라이언트 프로그램을 설치하십시오.")
    return candidates[-1]


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for variable, value in (("PGHOST", db["HOST"]), ("PGPORT", db["PORT"]), ("PGUSER", db["USER"]),
                            ("PGPASSWORD", db["PASSWORD"])):  # fmt: skip
        if value:
            env[variable] = str(value)
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"),
                             ("sslkey", "PGSSLKEY")):  # fmt: skip
        if db.get("OPTIONS", {}).get(option):
            env[variable] = str(db["OPTIONS"][option])
    return env


def _pg_run(*args: str) -> None:
    done = subprocess.run(args, env=_pg_env(), capture_output=True, text=True)  # noqa: S603  # nosec B603
    if done.returncode != 0:
        raise RestoreRefused(f"{with_subject(Path(args[0]).name)} 실패했습니다: {done.stderr.strip()[-2000:]}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _counts(cursor, tables, quote) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT count(*) FROM {quote(table)}")  # noqa: S608  # nosec B608  # introspected names
        counts[table] = cursor.fetchone()[0]
    return counts


def _table_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return _counts(cursor, connection.introspection.table_names(cursor), connection.ops.quote_name)


# --- backup ------------------------------------------------------------------------------------------------


def _dump_sqlite(target: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return _counts(cursor, [row[0] for row in cursor.fetchall()], lambda name: '"' + name.replace('"', '""') + '"')
    finally:
        copy.close()


def _dump_postgres(target: Path) -> dict[str, int]:
    """pg_dump in the snapshot the row counts were taken in (an exported snapshot held by this transaction)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = _counts(cursor, connection.introspection.table_names(cursor), connection.ops.quote_name)
        _pg_run(pg_program("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={target}")
    return counts


class _Hashing:
    """A file read through: the SHA-256 of exactly the bytes the archive received."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk


def _add(tar: tarfile.TarFile, path: Path, name: str) -> tuple[str, int]:
    """Add the file; (its SHA-256, its size) as stored."""
    with path.open("rb") as handle:
        info = tar.gettarinfo(arcname=name, fileobj=handle)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mode = 0o600
        reader = _Hashing(handle)
        tar.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def backup_write(*, directory: Path, now: datetime | None = None, say: Callable[[str], None] | None = None) -> Path:
    say = say or _nothing
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise RestoreRefused(f"{vendor} 데이터베이스는 백업할 수 없습니다(PostgreSQL, SQLite만).")
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    archive = directory / f"iljari-backup-{stamp}.tar"
    partial = directory / f".{archive.name}.partial"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump = Path(work) / DATABASE_FILES[vendor]
        say("데이터베이스를 떠 내는 중…")
        counts = _dump_sqlite(dump) if vendor == "sqlite" else _dump_postgres(dump)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": vendor, "file": dump.name, "sha256": _sha256(dump), "bytes": dump.stat().st_size},
            "schema": applied_migrations(),
            "tables": counts,
            "keys": key_fingerprints(),
            "media": [],
        }
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _archive_write(fd, dump, media_root, manifest, say)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(archive)
    counts = manifest["tables"]
    say(
        f"백업을 만들었습니다: {archive} (표 {len(counts)}개, 행 {sum(counts.values()):,}개, "
        f"파일 {len(manifest['media']):,}개)"
    )
    return archive


def _archive_write(fd: int, dump: Path, media_root: Path, manifest: dict, say: Callable[[str], None]) -> None:
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, dump, dump.name)
        say("파일을 담는 중…")
        files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        for path in files:
            relative = path.relative_to(media_root).as_posix()
            try:
                digest, size = _add(tar, path, f"media/{relative}")
            except FileNotFoundError:  # removed since the listing (an old job's result pruned): not backed up
                continue
            manifest["media"].append({"path": relative, "sha256": digest, "bytes": size})
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
        tar.addfile(info, fileobj=io.BytesIO(data))


def backups_prune(*, directory: Path, daily: int, weekly: int, monthly: int) -> list[Path]:
    archives = sorted(
        ((datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), path)  # noqa: DTZ007 - the name's local time
         for path in directory.glob("iljari-backup-*.tar") if (match := NAME.match(path.name))),
        reverse=True,
    )  # fmt: skip
    if not archives or not (daily or weekly or monthly):
        return []
    keep = {archives[0][1]}
    for limit, period in (
        (daily, lambda at: at.date()),
        (weekly, lambda at: at.isocalendar()[:2]),
        (monthly, lambda at: (at.year, at.month)),
    ):
        seen = []
        for at, path in archives:  # newest first: the first of each period is its newest
            key = period(at)
            if key not in seen and len(seen) < limit:
                seen.append(key)
                keep.add(path)
    removed = [path for _, path in archives if path not in keep]
    for path in removed:
        path.unlink()
    return removed


# --- restore -----------------------------------------------------------------------------------------------


@dataclass
class RestoreCheck:
    tables: int = 0
    rows: int = 0
    files: int = 0
    count_mismatches: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    migrated: bool = False

    @property
    def whole(self) -> bool:
        return not (self.count_mismatches or self.missing_files or self.unreadable)


def _manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
    except (KeyError, AttributeError, ValueError) as error:
        raise RestoreRefused("Iljari 백업이 아니거나 목록(manifest.json)이 없습니다.") from error
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise RestoreRefused(f"알 수 없는 백업 형식입니다({manifest.get('format')} {manifest.get('version')}).")
    return manifest


def _refuse_unless_restorable(manifest: dict) -> None:
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise RestoreRefused(f"{vendor} 백업은 {connection.vendor} 데이터베이스에 복원할 수 없습니다.")
    unknown = sorted(set(manifest["schema"]) - known_migrations())
    if unknown:
        raise RestoreRefused(
            f"이 백업의 스키마를 이 프로그램이 모릅니다: {', '.join(unknown[:5])}"
            f"{' 외' if len(unknown) > 5 else ''}. 백업을 만든 버전(또는 그 뒤 버전)의 Iljari로 복원하십시오."
        )
    restore_keys_check(manifest)
    tables = connection.introspection.table_names()
    if tables:
        raise RestoreRefused(
            f"데이터베이스가 비어 있지 않습니다(표 {len(tables)}개). 빈 데이터베이스를 만들어 복원하십시오"
            "(migrate 하지 않은 채로)."
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(p.is_file() for p in media_root.rglob("*")):
        raise RestoreRefused(f"파일 폴더({media_root})가 비어 있지 않습니다. 빈 폴더에 복원하십시오.")


def restore_keys_check(manifest: dict) -> None:
    """Every key the backup was made under must be configured now (as the current key or an older one)."""
    current = key_fingerprints()
    for setting, prints in manifest["keys"].items():
        absent = [p for p in prints if p not in current.get(setting, [])]
        if absent:
            raise RestoreRefused(
                f"{KEY_SETTINGS.get(setting, setting)}가 백업 때와 다릅니다: 지문 {', '.join(absent)}인 키가 지금 "
                "설정에 없습니다. 백업 때의 키를 설정한 뒤 다시 복원하십시오(`iljari keys fingerprints`로 확인)."
            )


def _media_members(tar: tarfile.TarFile, manifest: dict) -> dict[str, tarfile.TarInfo]:
    """The archive's files by their path under MEDIA_ROOT, each a plain file at a plain relative path."""
    members = {}
    for member in tar.getmembers():
        if not member.name.startswith("media/"):
            continue
        relative = PurePosixPath(member.name[len("media/") :])
        if not member.isfile() or relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise RestoreRefused(f"백업에 허용되지 않는 항목이 있습니다: {member.name}")
        members[relative.as_posix()] = member
    listed = {entry["path"] for entry in manifest["media"]}
    if set(members) != listed:
        raise RestoreRefused(f"백업의 파일이 목록과 다릅니다(빠짐 {len(listed - set(members))}개).")
    return members


def _member_sha256(tar: tarfile.TarFile, member: tarfile.TarInfo, copy_to: Path | None = None) -> str:
    digest = hashlib.sha256()
    source = tar.extractfile(member)
    target = copy_to.open("wb") if copy_to is not None else None
    try:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            if target is not None:
                target.write(chunk)
    finally:
        if target is not None:
            target.close()
    return digest.hexdigest()


def _verify_archive(tar: tarfile.TarFile, manifest: dict, members: dict[str, tarfile.TarInfo]) -> None:
    database = manifest["database"]
    try:
        dump = tar.getmember(database["file"])
    except KeyError as error:
        raise RestoreRefused("백업에 데이터베이스가 없습니다.") from error
    if _member_sha256(tar, dump) != database["sha256"]:
        raise RestoreRefused("백업의 데이터베이스가 만들 때와 다릅니다(체크섬 불일치). 백업이 손상되었습니다.")
    for entry in manifest["media"]:
        if _member_sha256(tar, members[entry["path"]]) != entry["sha256"]:
            raise RestoreRefused(f"백업의 파일 {with_subject(entry['path'])} 만들 때와 다릅니다(체크섬 불일치).")


def _restore_database(tar: tarfile.TarFile, manifest: dict, work: Path) -> None:
    dump = work / manifest["database"]["file"]
    _member_sha256(tar, tar.getmember(manifest["database"]["file"]), copy_to=dump)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        db_name = connection.settings_dict["NAME"]
        connection.close()
        _pg_run(pg_program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                "--single-transaction", f"--dbname={db_name}", str(dump))  # fmt: skip
    connection.close()  # the next query sees the restored schema


def restore(*, archive: Path, say: Callable[[str], None] | None = None) -> RestoreCheck:
    say = say or _nothing
    with tarfile.open(archive, mode="r") as tar:
        manifest = _manifest(tar)
        _refuse_unless_restorable(manifest)
        members = _media_members(tar, manifest)
        say("백업의 체크섬을 확인하는 중…")
        _verify_archive(tar, manifest, members)
        say("데이터베이스를 복원하는 중…")
        with tempfile.TemporaryDirectory() as work:
            _restore_database(tar, manifest, Path(work))
        say(f"파일 {len(members):,}개를 복원하는 중…")
        media_root = Path(settings.MEDIA_ROOT)
        for relative, member in members.items():
            target = media_root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _member_sha256(tar, member, copy_to=target)
    check = _rows_check(manifest)  # as restored, before a migration may change them
    if set(known_migrations()) - set(manifest["schema"]):
        say("백업 뒤에 나온 스키마 변경을 적용하는 중(migrate)…")
        call_command("migrate", verbosity=0)
        check.migrated = True
    return restore_check(manifest, check)


def _rows_check(manifest: dict) -> RestoreCheck:
    counts = _table_counts()
    check = RestoreCheck(tables=len(counts), rows=sum(counts.values()), files=len(manifest["media"]))
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            check.count_mismatches.append(f"{table}: 백업 {expected:,}행, 복원 {counts.get(table, 0):,}행")
    return check


def restore_check(manifest: dict, check: RestoreCheck | None = None) -> RestoreCheck:
    """Every table's rows as the manifest counted them, every file a row names present, every encrypted value and
    blind index readable under the configured keys."""
    check = check or _rows_check(manifest)
    check.missing_files = [f"{m.label} #{m.pk}: {m.name}" for m in files_check().missing]
    keys_reset()
    for status in key_status() + blind_index_status():
        if status.unreadable:
            check.unreadable.append(f"{status.label}: {status.unreadable:,}건")
    return check
