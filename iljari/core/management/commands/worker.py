"""`iljari worker [--batch]`: run the background tasks (report builds, batches) queued in the database.

A thin front of django-tasks-db's `db_worker` with Iljari's defaults: every queue, a short polling interval, and
a Korean line on start. `--batch` runs what is queued and stops (for tests and cron). With TASKS_BACKEND=immediate
the tasks run in the request itself and no worker is needed.

The worker never reloads itself on code changes (db_worker's `--reload` is on by default where DEBUG is, as in the
demo): its reloader starts the process again from `sys.argv`, which for the worker `./run demo` starts beside the
server names the `iljari` package folder, and the worker died at once. A worker is restarted by whoever runs it.

The worker also settles the jobs of workers that stopped (core.jobs.jobs_reap): once when it starts (so a job the
last worker left behind is retried or failed before anything else runs) and then every half lease, from a thread."""

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from iljari.core.jobs import jobs_reap

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "백그라운드 작업(보고서 만들기, 일괄 처리)을 실행합니다."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="대기 중인 작업만 실행하고 끝냅니다")
        parser.add_argument("--interval", type=float, default=1.0, help="대기열을 살피는 간격(초)")

    def handle(self, *args, batch, interval, **options):
        if settings.TASKS_QUEUE != "db":
            self.stdout.write(
                "TASKS_BACKEND가 db가 아니어서(작업을 요청한 곳에서 바로 실행) 작업 실행기가 필요 없습니다."
            )
            return
        reap_and_say(self.stdout)
        if not batch:
            self.stdout.write("작업 실행기를 시작합니다. 끝내려면 Ctrl+C를 누르십시오.")
            self.stdout.flush()
            Reaper(every=max(settings.ILJARI_JOB_LEASE_SECONDS / 2, 1)).start()
        call_command("db_worker", *db_worker_arguments(batch=batch, interval=interval), verbosity=options["verbosity"])


def db_worker_arguments(*, batch: bool, interval: float) -> list[str]:
    """db_worker's arguments for Iljari's worker: every queue, no start-up delay, no reloader."""
    arguments = ["--queue-name", "*", "--interval", str(interval), "--no-startup-delay", "--no-reload"]
    return [*arguments, "--batch"] if batch else arguments


def reap_and_say(stdout) -> None:
    reaped = jobs_reap()
    if reaped.retried or reaped.failed:
        retried, failed = len(reaped.retried), len(reaped.failed)
        stdout.write(f"멈춘 작업 실행기의 작업을 정리했습니다: 다시 실행 {retried}건, 실패 처리 {failed}건.")


class Reaper(threading.Thread):
    """Settles the jobs of stopped workers every `every` seconds, on its own database connection, beside the
    worker's loop (a daemon thread: it ends with the worker)."""

    def __init__(self, *, every: float):
        super().__init__(name="job-reaper", daemon=True)
        self.every = every
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            try:
                jobs_reap()
            except Exception:  # a database restarting: the next round tries again
                logger.exception("the job reaper could not run")
                connection.close()
