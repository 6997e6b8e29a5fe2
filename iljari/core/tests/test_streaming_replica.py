"""A real read replica: a temporary PostgreSQL primary and a streaming standby made from it (pg_basebackup -R), each
its own cluster on its own loopback port, and Django run against them as a deployment would be (DATABASE_URL the
primary, DATABASE_REPLICA_URL the standby). In a subprocess Django migrates the primary, writes a figure through a
service, waits until the standby has replayed it, and then reads the office dashboard and the business report: their
figures' queries go to the standby — which says it is in recovery and refuses a write — and the budget page's, the
session's and every write's go to the primary.

Selected with `-m replica`. Skipped only where the PostgreSQL server programs (initdb, pg_ctl, pg_basebackup under
/usr/lib/postgresql/*/bin) are missing — never when ILJARI_REQUIRE_REPLICA=1 or ILJARI_REQUIRE_BROWSER=1 (CI). As
root the clusters run as the `postgres` user (initdb refuses root)."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest


def _server_bin() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True):
        if all(os.access(Path(folder) / name, os.X_OK) for name in ("initdb", "pg_ctl", "pg_basebackup")):
            return Path(folder)
    return None


BIN = _server_bin()
REQUIRED = bool(os.environ.get("ILJARI_REQUIRE_REPLICA") or os.environ.get("ILJARI_REQUIRE_BROWSER"))
pytestmark = [
    pytest.mark.replica,
    pytest.mark.skipif(
        BIN is None and not REQUIRED,
        reason="PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) are not installed: "
        "apt-get install postgresql",
    ),
]
ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster in a folder of its own, run as the postgres user when this process is root."""

    def __init__(self, base: Path, name: str):
        self.dir = base / name
        self.port = _free_port()
        self.base = base

    @staticmethod
    def run(*args: str, timeout: int = 60) -> None:
        command = [str(BIN / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"

    def configure(self, **settings: str) -> None:
        with open(self.dir / "postgresql.auto.conf", "a", encoding="utf-8") as conf:
            for key, value in settings.items():
                conf.write(f"{key} = '{value}'\n")

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.dir), "-l", str(self.base / f"{self.dir.name}.log"), "-w", "-t", "60",
                 "start")  # fmt: skip

    def stop(self) -> None:
        if (self.dir / "postmaster.pid").exists():
            with contextlib.suppress(AssertionError):
                self.run("pg_ctl", "-D", str(self.dir), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "iljari") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


@pytest.fixture
def primary_and_standby():
    base = Path(tempfile.mkdtemp(prefix="iljari-replica-"))
    base.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    primary, standby = Cluster(base, "primary"), Cluster(base, "standby")
    try:
        Cluster.run("initdb", "-D", str(primary.dir), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync")  # fmt: skip
        common = {"listen_addresses": "127.0.0.1", "unix_socket_directories": str(base), "fsync": "off"}
        primary.configure(port=str(primary.port), wal_level="replica", max_wal_senders="4", **common)
        primary.start()
        Cluster.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                    "-D", str(standby.dir), "-R", "-X", "stream", "--no-sync")  # fmt: skip
        standby.configure(port=str(standby.port), hot_standby="on", **common)
        standby.start()
        with psycopg.connect(primary.url("postgres"), autocommit=True) as admin:
            admin.execute("CREATE DATABASE iljari")
        yield primary, standby
    finally:
        standby.stop()
        primary.stop()
        shutil.rmtree(base, ignore_errors=True)


IN_DJANGO = r"""
import json, time
from datetime import date
import django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from iljari.core.roles import Role
from iljari.demo.report2018_loader import load_report2018
from iljari.finance.models import BudgetSnapshot
from iljari.finance.services import budget_snapshot_record
from iljari.testing import PERSONAS, make_org, make_persona

out = {}
call_command("migrate", verbosity=0, interactive=False)
make_org()
load_report2018()
manager = make_persona(PERSONAS[Role.OFFICE_MANAGER])
snapshot = BudgetSnapshot.objects.select_related("line").get(
    line__org_unit__name="일자리정책담당관", as_of="2018-06-30"
)
out["before"] = snapshot.spent
budget_snapshot_record(  # 100,177 -> 100,176 백만원
    actor=manager, line=snapshot.line, as_of=date(2018, 6, 30), current_budget=snapshot.current_budget,
    committed=snapshot.committed, spent=snapshot.spent - 1_000_000,
)

def scalar(alias, sql):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]

written = scalar("default", "SELECT pg_current_wal_lsn()")
start = time.monotonic()
while not scalar("replica", f"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn"):
    assert time.monotonic() - start < 30, "the standby did not replay the write in 30 s"
    time.sleep(0.1)
out["replay_s"] = round(time.monotonic() - start, 2)
out["recovery"] = {alias: scalar(alias, "SELECT pg_is_in_recovery()") for alias in ("default", "replica")}
out["ports"] = {alias: scalar(alias, "SELECT current_setting('port')") for alias in ("default", "replica")}
try:
    with connections["replica"].cursor() as cursor:
        cursor.execute("CREATE TABLE refused (id int)")
    out["replica_write"] = "accepted"
except Exception as exc:
    out["replica_write"] = type(exc).__name__ + ": " + str(exc).splitlines()[0]
connections["replica"].close()

client = Client()
client.force_login(manager)
for name, path in [
    ("dashboard", "/office/?year=2018&as_of=2018-06-30"),
    ("report", "/office/business/?year=2018&as_of=2018-06-30&format=md"),
    ("budget", "/finance/budget/?year=2018&as_of=2018-06-30"),
]:
    with CaptureQueriesContext(connections["replica"]) as on_replica, \
            CaptureQueriesContext(connections["default"]) as on_primary:
        response = client.get(path)
    text = response.content.decode()
    out[name] = {
        "status": response.status_code,
        "new_figure": "100,176" in text,
        "old_figure": "100,177" in text,
        "replica_queries": len(on_replica),
        "replica_budget": sum("finance_budgetsnapshot" in q["sql"] for q in on_replica.captured_queries),
        "primary_budget": sum("finance_budgetsnapshot" in q["sql"] for q in on_primary.captured_queries),
        "primary_writes": sum(q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
                              for q in on_primary.captured_queries),
        "replica_writes": sum(q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
                              for q in on_replica.captured_queries),
    }
print(json.dumps(out))
"""


def test_the_dashboard_and_report_read_a_real_streaming_standby_and_writes_go_to_the_primary(primary_and_standby):
    primary, standby = primary_and_standby
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "PG"))},
        "DJANGO_SETTINGS_MODULE": "iljari.settings",
        "DATABASE_URL": primary.url(),
        "DATABASE_REPLICA_URL": standby.url(),
        "ILJARI_FAST_HASHER": "1",
        "TASKS_BACKEND": "immediate",
    }
    done = subprocess.run(
        [sys.executable, "-c", IN_DJANGO], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-4000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["recovery"] == {"default": False, "replica": True}  # the standby is a real one, in recovery
    assert out["ports"] == {"default": str(primary.port), "replica": str(standby.port)}
    assert "read-only transaction" in out["replica_write"]
    for page in ("dashboard", "report"):  # the figures pages: their figures from the standby, the new one replayed
        assert out[page]["status"] == 200 and out[page]["new_figure"] and not out[page]["old_figure"], out[page]
        assert out[page]["replica_budget"] > 0 and out[page]["primary_budget"] == 0, out[page]
        assert out[page]["replica_writes"] == 0
    budget = out["budget"]  # the page where figures are entered reads the primary only
    assert budget["status"] == 200 and budget["new_figure"] and budget["replica_queries"] == 0, budget
    assert budget["primary_budget"] > 0
    assert out["dashboard"]["primary_writes"] > 0  # the first request's session touch is saved on the primary
