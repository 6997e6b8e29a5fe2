"""The test database run as a site by other processes: workers, gunicorn, the `iljari` commands.

On PostgreSQL the processes connect to the test database itself (the test commits: `transactional_db`). SQLite's test
database lives in this process's memory, so there it is copied to a file the processes share, and `load_back()`
copies the file's final state into the test database for the test's own assertions (the ORM, the test client).

Also a task for the worker tests: `waits_at_a_gate` runs as a job, reports half its progress, writes its process id
beside the gate file (the process to kill: the worker, or rq's work horse) and waits until the gate file exists."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection
from django_tasks import task

from iljari.core.jobs import job_run

ROOT = Path(__file__).resolve().parents[3]
ILJARI = [sys.executable, "-m", "iljari.manage"]


@task()
def waits_at_a_gate(*, job_id: int, gate: str) -> None:
    with job_run(job_id) as run:
        Path(f"{gate}.pid").write_text(str(os.getpid()), encoding="utf-8")
        run.progress(1, 2, "문이 열리기를 기다리는 중")
        deadline = time.monotonic() + 180
        while not Path(gate).exists():
            if time.monotonic() > deadline:
                raise TimeoutError(gate)
            time.sleep(0.1)
        run.finish(name="결과.txt", content_type="text/plain; charset=utf-8", data="문을 지났습니다".encode())


@task()
def writes_a_note(*, job_id: int, text: str) -> None:
    with job_run(job_id) as run:
        run.finish(name="메모.txt", content_type="text/plain; charset=utf-8", data=text.encode())


def database_url() -> str:
    """The test database as a DATABASE_URL (PostgreSQL)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    at = f"{user}{password}@" if user else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{at}{db['HOST'] or '127.0.0.1'}{port}/{db['NAME']}"


def environment(workdir: Path, url: str, media_root: Path, **env: str) -> dict[str, str]:
    """The environment of an `iljari` process on database `url` and media folder `media_root`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iljari.settings",
        "DATABASE_URL": url,
        "ILJARI_VAR_DIR": str(workdir),
        "ILJARI_MEDIA_ROOT": str(media_root),
        "ILJARI_FAST_HASHER": "1",  # the test's accounts have MD5 hashes (conftest)
        "PYTHONUNBUFFERED": "1",
        **env,
    }


def run(*args: str, env: dict[str, str], timeout: int = 300, module: str = "") -> subprocess.CompletedProcess:
    """`iljari <args>` (or `python -m <module> <args>`) to its end."""
    program = [sys.executable, "-m", module] if module else ILJARI
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        [*program, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


class LiveSite:
    """The test database and media folder, served to subprocesses with `env`; every process it starts is stopped
    when the `with` block ends."""

    def __init__(self, workdir: Path, media_root: Path, **env: str):
        self.dir = workdir
        self.sqlite = connection.vendor == "sqlite"
        connection.ensure_connection()
        if self.sqlite:
            self.path = workdir / "site.sqlite3"
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()
            url = f"sqlite:///{self.path}"
        else:
            url = database_url()
        self.env = environment(workdir, url, media_root, **env)
        self.processes: list[subprocess.Popen] = []

    def __enter__(self) -> LiveSite:
        return self

    def __exit__(self, *exc) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def start(self, *args: str, program: tuple[str, ...] = tuple(ILJARI)) -> subprocess.Popen:
        """`iljari <args>` in the background, its output in a log file of the work folder."""
        name = f"{args[0] if program == tuple(ILJARI) else Path(program[-1]).name}-{len(self.processes)}"
        output = open(self.dir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [*program, *args], cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT
        )
        output.close()
        process.log = self.dir / f"{name}.log"
        self.processes.append(process)
        return process

    def start_gunicorn(self) -> subprocess.Popen:
        """The app as production runs it: gunicorn with deploy/gunicorn.conf.py (BIND, WEB_CONCURRENCY from env)."""
        return self.start("-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "iljari.wsgi",
                          program=(sys.executable, "-m", "gunicorn"))  # fmt: skip

    def run(self, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
        return run(*args, env={**self.env, **(env or {})}, timeout=timeout)

    def logs(self) -> str:
        return "\n".join(f"--- {p.log.name}\n{p.log.read_text(errors='replace')[-3000:]}" for p in self.processes)

    def rows(self, sql: str, params=()) -> list[tuple]:
        """A query on the shared database as the other processes see it now (`%s` placeholders)."""
        if self.sqlite:
            with contextlib.closing(sqlite3.connect(self.path, timeout=30)) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def job(self, pk: int) -> dict:
        fields = ("status", "done", "attempts", "error", "upload", "interrupted_at")
        (row,) = self.rows(f"SELECT {', '.join(fields)} FROM core_backgroundjob WHERE id = %s", [pk])  # noqa: S608
        return dict(zip(fields, row, strict=True))

    def wait(self, condition, *, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what}: not within {timeout:.0f} s\n{self.logs()}")
            for process in self.processes:
                if process.poll() not in (None, 0, -signal.SIGKILL, -signal.SIGTERM):
                    raise AssertionError(f"{what}: a process stopped ({process.returncode})\n{self.logs()}")
            time.sleep(0.2)

    def load_back(self) -> None:
        """SQLite: the shared file's state into the test database (PostgreSQL: it is the same database)."""
        if self.sqlite:
            source = sqlite3.connect(self.path)
            source.backup(connection.connection)
            source.close()


def kill(pid: int) -> None:
    """SIGKILL: no cleanup, as when a machine is lost."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
