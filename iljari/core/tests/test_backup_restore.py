"""Backup and restore as commands. The drill: the 2018 demo data, people with resident numbers, uploaded documents and
a job's result file -> `iljari backup` -> `iljari restore` into a fresh database and media folder (in a process of
its own, as on a new machine) -> every login, resident number, document, job result, the access log's chain and
every table's rows as before (iljari/core/tests/drill.py reads both sides the same way). On SQLite, and on
PostgreSQL where pg_dump and pg_restore are installed.

Then the refusals — other keys, an unknown schema, a damaged archive, a database that is not empty — each before
anything is written; `iljari check-files`, `iljari keys fingerprints` and the archives' retention."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import tarfile
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from iljari.core import backup, jobs
from iljari.core.files import files_check
from iljari.core.keys import fingerprint, key_fingerprints
from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.core.tests import drill
from iljari.core.tests.livesite import database_url, environment, run, writes_a_note
from iljari.demo.report2018_loader import load_report2018
from iljari.intake import services as intake
from iljari.intake.models import ApplicationDocument
from iljari.intake.tests.factories import PNG, make_call, upload
from iljari.people.tests.factories import make_person


def _pg_tools() -> bool:
    try:
        backup.pg_program("pg_dump"), backup.pg_program("pg_restore")
    except backup.RestoreRefused:
        return False
    return True


@pytest.fixture
def site(personas, media_root, django_capture_on_commit_callbacks):
    """The demo office with two applicants' documents, a third person, and a finished job with its file."""
    load_report2018()
    call = make_call()
    for number, user in enumerate([personas[Role.CITIZEN], None]):
        person = make_person(user=user)
        quota = call.quotas.get(code="CITY")
        draft = intake.application_draft_save(actor=None, call=call, person=person, quota=quota)
        intake.application_document_upload(
            actor=None, application=draft, label="주민등록등본", upload=upload(f"등본{number}.pdf")
        )
        intake.application_document_upload(
            actor=None, application=draft, label="구직등록 확인서", upload=upload("확인서.png", PNG)
        )
        intake.application_submit(actor=None, call=call, person=person, quota=quota)  # the office reads it now
    make_person(name="서류없는사람")
    with django_capture_on_commit_callbacks(execute=True):
        jobs.job_start(
            actor=personas[Role.OFFICE_MANAGER], kind="report", title="메모", task=writes_a_note, text="결과"
        )
    assert BackgroundJob.objects.get().status == "succeeded"
    return personas


@contextlib.contextmanager
def fresh_database(tmp_path):
    """An empty database of the test's vendor, as DATABASE_URL: a new SQLite file, or a new PostgreSQL database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    db = connection.settings_dict
    admin = psycopg.connect(dbname="postgres", host=db["HOST"] or None, port=db["PORT"] or None,
                            user=db["USER"] or None, password=db["PASSWORD"] or None, autocommit=True)  # fmt: skip
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield database_url().rsplit("/", 1)[0] + f"/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _tables(url: str) -> int:
    """How many tables the database at `url` holds (an empty one: 0)."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            return 0
        with contextlib.closing(sqlite3.connect(path)) as db:
            return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
        return db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]


@pytest.mark.skipif(connection.vendor == "postgresql" and not _pg_tools(), reason="pg_dump/pg_restore not installed")
@pytest.mark.django_db(transaction=True)
def test_the_restore_drill_gives_back_every_login_number_document_result_and_the_access_log(site, tmp_path):
    out = io.StringIO()
    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=out)
    (archive,) = (tmp_path / "backups").glob("iljari-backup-*.tar")
    assert archive.stat().st_mode & 0o777 == 0o600 and "백업을 만들었습니다" in out.getvalue()
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = tar.getnames()
    assert manifest["keys"] == key_fingerprints() and manifest["schema"] == backup.applied_migrations()
    assert len(manifest["media"]) == 5 and all(f"media/{entry['path']}" in names for entry in manifest["media"])
    assert manifest["tables"]["people_person"] == 3
    before = drill.probe()
    assert set(before["logins"].values()) == {302} and len(before["documents"]) == 4
    downloads = [*before["documents"].values(), *before["job_results"].values()]
    assert len(downloads) == 5 and {status for status, _ in downloads} == {200}
    assert before["access_log"][0] > 0 and before["access_log"][1] is None
    assert all(rrn and found == int(pk) for pk, (rrn, found) in before["people"].items())

    media = tmp_path / "restored-media"
    with fresh_database(tmp_path) as url:
        env = environment(tmp_path, url, media)
        restored = run("restore", str(archive), env=env)
        assert restored.returncode == 0, restored.stdout + restored.stderr
        assert "모든 행과 파일이 있고, 암호화된 값이 모두 복호화됩니다." in restored.stdout
        assert run("check-files", env=env).returncode == 0
        verified = run("accesslog", "verify", env=env)
        assert verified.returncode == 0 and "체인이 온전합니다" in verified.stdout
        probed = run(env=env, module="iljari.core.tests.drill")
        assert probed.returncode == 0, probed.stderr
        after = json.loads(probed.stdout.strip().splitlines()[-1])
        again = run("restore", str(archive), env=env)  # into the same, no longer empty, database
    assert after == json.loads(json.dumps(before))
    assert again.returncode == 2 and "데이터베이스가 비어 있지 않습니다" in again.stderr


def _rewritten(archive: Path, target: Path, *, manifest=None, member: str = "", data: bytes = b"") -> Path:
    """A copy of the archive with its manifest changed by `manifest(dict)`, or one member's bytes replaced."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        for info in source.getmembers():
            content = source.extractfile(info).read()
            if info.name == "manifest.json" and manifest is not None:
                changed = json.loads(content)
                manifest(changed)
                content = json.dumps(changed).encode()
            elif info.name == member:
                content = data
            info.size = len(content)
            copy.addfile(info, io.BytesIO(content))
    return target


@pytest.mark.django_db(transaction=True)
def test_a_restore_refuses_other_keys_an_unknown_schema_and_a_damaged_archive_before_writing(site, tmp_path):
    archive = backup.backup_write(directory=tmp_path / "backups")
    with tarfile.open(archive) as tar:
        document = next(name for name in tar.getnames() if name.startswith("media/intake/"))
    url = f"sqlite:///{tmp_path / 'never.sqlite3'}"
    env = environment(tmp_path, url, tmp_path / "never-media")
    if connection.vendor == "sqlite":
        future = _rewritten(archive, tmp_path / "f.tar", manifest=lambda m: m["schema"].append("core.9999_future"))
        cases = [
            ({"PERSONAL_DATA_KEYS": "another"}, archive, "개인정보 암호화 키(PERSONAL_DATA_KEYS)가 백업 때와 다릅니다"),
            ({"SECRET_KEY": "another-key"}, archive, "SECRET_KEY(또는 SECRET_KEY_FALLBACKS)가 백업 때와 다릅니다"),
            ({"PERSONAL_DATA_INDEX_KEY": "another"}, archive, "검색 색인 키(PERSONAL_DATA_INDEX_KEYS)가 백업 때와"),
            ({}, future, "이 백업의 스키마를 이 프로그램이 모릅니다: core.9999_future"),
            ({}, _rewritten(archive, tmp_path / "d.tar", member=document, data=b"%PDF-changed"), "체크섬 불일치"),
        ]
    else:
        cases = [({}, archive, "postgresql 백업은 sqlite 데이터베이스에 복원할 수 없습니다")]
    for extra, path, message in cases:
        refused = run("restore", str(path), env={**env, **extra})
        assert refused.returncode == 2 and message in refused.stderr, (message, refused.stderr)
    assert _tables(url) == 0 and not (tmp_path / "never-media").exists()  # nothing was written
    with pytest.raises(SystemExit) as exit_:  # this test's own database is not empty
        call_command("restore", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    assert exit_.value.code == 2


def test_a_new_secret_key_with_the_old_one_as_fallback_is_accepted(settings):
    manifest = {"keys": key_fingerprints()}
    old = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-secret-key", [old]
    backup.restore_keys_check(manifest)  # the old key still derives the encryption keys: accepted
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(backup.RestoreRefused, match="SECRET_KEY"):
        backup.restore_keys_check(manifest)


def test_check_files_reports_rows_without_files_and_files_without_rows(site, media_root):
    first = ApplicationDocument.objects.order_by("pk").first()
    Path(first.file.path).unlink()
    stray = media_root / "intake" / "documents" / "zz" / "stray.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF")
    check = files_check()
    assert [(m.pk, m.name) for m in check.missing] == [(first.pk, first.file.name)]
    assert check.unnamed == ["intake/documents/zz/stray.pdf"]
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("check-files", "--remove-unnamed", stdout=out)
    assert exit_.value.code == 1
    text = out.getvalue()
    assert f"파일이 없는 행 1건:\n  제출 서류.파일 #{first.pk}: {first.file.name}" in text
    assert "어느 행도 가리키지 않는 파일 1개:\n  intake/documents/zz/stray.pdf" in text
    assert "그중 한 시간이 넘은 0개를 지웠습니다." in text and stray.exists()  # too new: maybe an upload in progress
    two_hours_ago = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(stray, (two_hours_ago, two_hours_ago))
    with pytest.raises(SystemExit):
        call_command("check-files", "--remove-unnamed", stdout=io.StringIO())
    assert not stray.exists()


def test_keys_fingerprints_name_every_key_without_showing_it(settings):
    settings.SALT_KEY = ["new-salt", "old-salt"]
    out = io.StringIO()
    call_command("keys", "fingerprints", stdout=out)
    text = out.getvalue()
    assert f"PERSONAL_DATA_KEYS: {fingerprint('new-salt')} (현재), {fingerprint('old-salt')} (이전)" in text
    assert "new-salt" not in text and settings.SECRET_KEY not in text
    assert len(fingerprint("x")) == 19 and fingerprint("x") != fingerprint("y")


def test_retention_keeps_the_newest_of_each_day_week_and_month(tmp_path):
    start = datetime(2026, 1, 1, 2, 0)
    for day in range(120):
        for hours in (0, 12):
            at = start + timedelta(days=day, hours=hours)
            (tmp_path / f"iljari-backup-{at:%Y%m%d-%H%M%S}.tar").write_bytes(b"")
    (tmp_path / "unrelated.tar").write_bytes(b"")
    removed = backup.backups_prune(directory=tmp_path, daily=7, weekly=4, monthly=3)
    kept = sorted(path.name for path in tmp_path.glob("iljari-backup-*.tar"))
    assert len(kept) + len(removed) == 240 and (tmp_path / "unrelated.tar").exists()
    assert kept[-1] == "iljari-backup-20260430-140000.tar"  # the newest
    days = {name[14:22] for name in kept}
    assert {f"202604{d:02d}" for d in range(24, 31)} <= days  # the last seven days
    assert all(name.endswith("-140000.tar") for name in kept)  # each day's newest
    assert {"20260228", "20260331"} <= days  # the newest of each of the last three months
    assert len(kept) <= 7 + 4 + 3 and backup.backups_prune(directory=tmp_path, daily=0, weekly=0, monthly=0) == []


@pytest.mark.django_db(transaction=True)
def test_a_backup_without_a_media_folder_holds_the_database_alone(personas, tmp_path, media_root):
    assert not media_root.exists()
    archive = backup.backup_write(directory=tmp_path / "b")
    with tarfile.open(archive) as tar:
        manifest = backup._manifest(tar)
        assert manifest["media"] == [] and tar.getnames() == [manifest["database"]["file"], "manifest.json"]
