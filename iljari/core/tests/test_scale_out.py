"""More than one machine: the office's figures pages read from a read replica while everything else stays on the
primary; report builds run on the Redis task queue (rq) as on the database one; logs can be JSON lines.

The replica test makes a real second PostgreSQL database, a copy of the primary taken at one moment, and then
changes the primary: a page that reads the replica still shows the copy's figure, a page that reads the primary
shows the new one. The Redis test enqueues through django-tasks' rq backend into the machine's Redis and runs the
job with an rq worker."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.db import connection, connections
from django.test import Client

from iljari.core.logs import JsonFormatter
from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.core.routers import REPLICA, ReplicaRouter, reading_replica
from iljari.finance.models import BudgetSnapshot
from iljari.finance.services import budget_snapshot_record
from iljari.testing import PERSONAS, make_persona

REQUIRE_SERVICES = bool(os.environ.get("ILJARI_REQUIRE_BROWSER"))  # CI: the machine's services are there
DASHBOARD = "/office/?year=2018&as_of=2018-06-30"
BUDGET = "/finance/budget/?year=2018&as_of=2018-06-30"


@pytest.fixture
def replica_alias(monkeypatch):
    """The "replica" alias in the connection settings (its database is not touched by the router unit tests)."""
    monkeypatch.setitem(connections.settings, REPLICA, dict(connections.settings["default"]))
    yield
    _forget_replica()


def _forget_replica() -> None:
    """Close and drop the cached "replica" connection, so a later alias of that name connects afresh."""
    try:
        connections[REPLICA].close()
        del connections[REPLICA]
    except (AttributeError, KeyError, Exception):  # noqa: BLE001 - not connected, or already gone
        pass


def test_reads_go_to_the_replica_only_inside_a_marked_block_and_never_inside_a_transaction(
    transactional_db, replica_alias
):
    router = ReplicaRouter()
    assert router.db_for_read(BudgetSnapshot) is None  # outside: the primary
    with reading_replica():
        assert router.db_for_read(BudgetSnapshot) == REPLICA
        from django.db import transaction

        with transaction.atomic():  # a read after a write in the same transaction must see it
            assert router.db_for_read(BudgetSnapshot) is None
    assert router.db_for_write(BudgetSnapshot) == "default"
    assert router.allow_migrate(REPLICA, "finance") is False and router.allow_migrate("default", "finance")


def test_without_a_replica_the_marked_blocks_read_the_primary(db):
    with reading_replica():
        assert ReplicaRouter().db_for_read(BudgetSnapshot) is None


def _postgres(dbname: str = "postgres") -> psycopg.Connection:
    settings = connections.settings["default"]
    return psycopg.connect(
        dbname=dbname,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def real_replica(transactional_db, dataset_2018):
    """A second database holding a copy of the primary's data as it is now, as the "replica" alias, and an office
    manager's client. The alias did not exist when pytest-django's test case started, so the test case would
    refuse to open it: the fixture opens the connection itself (`connect()`), and it stays open for the test."""
    manager = make_persona(PERSONAS[Role.OFFICE_MANAGER])
    primary = connections.settings["default"]["NAME"]
    name = f"{primary}_replica_{uuid.uuid4().hex[:6]}"
    connections.close_all()  # a template database may have no other session
    with _postgres() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{primary}"')
    _forget_replica()
    connections.settings[REPLICA] = {**connections.settings["default"], "NAME": name}
    connections[REPLICA].connect()
    client = Client()
    client.force_login(manager)
    try:
        yield name, client
    finally:
        _forget_replica()
        del connections.settings[REPLICA]
        with _postgres() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second PostgreSQL database plays the replica")
def test_the_dashboard_reads_the_replica_and_the_budget_page_the_primary(real_replica):
    name, manager = real_replica
    # the 2018 report: 일자리정책담당관 지출액 100,177백만원 ('18.6.30.); the primary now says 100,999
    snapshot = BudgetSnapshot.objects.select_related("line").get(
        line__org_unit__name="일자리정책담당관", as_of="2018-06-30"
    )
    budget_snapshot_record(  # through the service, so the budget summary the page reads is kept with it
        actor=None,
        line=snapshot.line,
        as_of=snapshot.as_of,
        current_budget=snapshot.current_budget,
        committed=snapshot.committed,
        spent=100_999_000_000,
    )
    response = manager.get(DASHBOARD)
    dashboard = response.content.decode()
    assert "100,177" in dashboard and "100,999" not in dashboard  # the replica's copy
    budget = manager.get(BUDGET).content.decode()
    assert "100,999" in budget and "100,177" not in budget  # the primary, where figures are entered
    with _postgres(name) as replica:  # and the replica really holds the old figure
        spent = replica.execute(
            "SELECT s.spent FROM finance_budgetsnapshot s JOIN finance_budgetline l ON l.id = s.line_id "
            "JOIN org_orgunit u ON u.id = l.org_unit_id WHERE u.name = %s AND s.as_of = '2018-06-30'",
            ["일자리정책담당관"],
        ).fetchone()[0]
    assert spent == 100_177_000_000


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not REQUIRE_SERVICES and not _redis_up(), reason="Redis is not running on 127.0.0.1:6379")
def test_a_report_build_runs_on_the_redis_queue_with_an_rq_worker(
    personas, client_as, settings, media_root, django_capture_on_commit_callbacks, dataset_2018
):
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    # Redis database 15: a queue of the tests' own, emptied first, so nothing else's jobs are run or seen
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/15"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    rq_queue = django_rq.get_queue("default", job_class=Job)
    rq_queue.empty()
    manager = client_as(Role.OFFICE_MANAGER)
    with django_capture_on_commit_callbacks(execute=True):
        manager.post("/office/reports/build/?year=2018&as_of=2018-06-30", {"format": "md"})
    job = BackgroundJob.objects.get()
    assert job.status == "queued" and job.task_id  # in Redis now, not run
    assert rq_queue.count == 1
    SimpleWorker([rq_queue], connection=rq_queue.connection, job_class=Job).work(burst=True)
    job.refresh_from_db()
    assert job.status == "succeeded" and job.result_name == "2018 주요업무보고(2018.6.30. 기준).md"
    assert "237,715" in job.result.open("rb").read().decode()
    rq_queue.empty()


def test_json_logs_are_one_object_per_line_with_the_request_path():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "서버 오류 %s", ("x",), None)
    record.request = type("R", (), {"method": "GET", "path": "/office/"})()
    record.status_code = 500
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert "\n" not in line and entry["message"] == "서버 오류 x" and entry["level"] == "ERROR"
    assert entry["path"] == "/office/" and entry["status"] == 500 and entry["time"].endswith("+00:00")


def test_the_redis_queue_without_redis_url_refuses_to_start():
    env = {**os.environ, "TASKS_BACKEND": "rq", "REDIS_URL": "", "DJANGO_SETTINGS_MODULE": "iljari.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "TASKS_BACKEND=rq에는 REDIS_URL이 필요합니다" in result.stderr
