"""Long work in the background: a report build, a batch, an import.

A page (or the API) starts a job with `job_start`: a `BackgroundJob` row for the user to follow, and a task queued
through Django's task framework (django-tasks; `settings.TASKS`). The worker (`iljari worker`) runs the task, which
wraps its work in `job_run`: it marks the job running, reports progress as it goes (the page polls it with htmx), and
stores the result file — written completely before it is saved, so a failure leaves no half-written file — or the
reason it failed, in Korean. A user's mistake found while running (an IljariError) fails the job with its message;
anything else fails it with a general message and is raised again, so the worker logs it.

Workers die (a machine lost, a process killed): a running job holds a lease (`lease_until`,
settings.ILJARI_JOB_LEASE_SECONDS) that its worker renews with every progress report and from a heartbeat thread.
`jobs_reap` settles each job whose lease has run out: a kind registered as repeatable (it writes nothing until its
end: report builds, notice batches) is queued once more from the start; any other kind, or a second interruption,
fails with a Korean message saying that nothing was changed, and the sheet it was started with is removed. The
worker (`iljari worker`) reaps as it runs, `iljari jobs reap` does it from a timer, and reading a job settles it.
Each run counts as an attempt; a worker that outlived its lease finds its later writes refused (JobLeaseLost).

Contract:
- job_kind_register(kind, *, repeatable)   an app names its job kinds (AppConfig.ready); unknown: not repeatable
- job_start(*, actor, kind, title, task, upload=None, **arguments) -> BackgroundJob
      queues `task` (a django-tasks Task taking `job_id` and `arguments`) once the caller's transaction commits;
      `upload` (name, bytes) is kept for the task to read (an import) and removed when the job ends
- job_run(job_id) -> context manager yielding a JobRun: progress(done, total, step), upload_bytes(),
      finish(name, content_type, data, summary="") for a file (its name in Korean), complete(summary, url) for a
      batch that leaves none
- job_get(*, user, pk) -> BackgroundJob            the requester's own (the system administrator: any); else 404;
      a job whose worker stopped is settled first
- job_list(*, user) -> QuerySet[BackgroundJob]      the requester's recent jobs
- jobs_reap(*, now=None, pk=None) -> Reaped(retried, failed)   settles the jobs whose lease ran out
- jobs_prune(*, now=None) -> int                    removes the result files (and rows) of jobs finished long ago
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from iljari.core.access import access_job_view, require
from iljari.core.errors import IljariError, NotFound
from iljari.core.files import file_store
from iljari.core.models import BackgroundJob

logger = logging.getLogger(__name__)
GENERAL_FAILURE = (
    "시스템 오류로 작업을 마치지 못했습니다. 잠시 후 다시 시도하고, 되풀이되면 시스템관리자에게 알리십시오."
)
NOTHING_CHANGED = "바뀐 자료는 없습니다."
MAX_ATTEMPTS = 2  # the first run and one retry
RETRY_STEP = "작업 실행기가 멈춰 처음부터 다시 실행합니다"

Status = BackgroundJob.Status
LIVE = (Status.QUEUED, Status.RUNNING)


# --- the kinds of job --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JobKind:
    kind: str
    repeatable: bool  # writes nothing until its end, so running it again from the start is safe


JOB_KINDS: dict[str, JobKind] = {}


def job_kind_register(kind: str, *, repeatable: bool) -> None:
    JOB_KINDS[kind] = JobKind(kind, repeatable)


def _repeatable(kind: str) -> bool:
    registered = JOB_KINDS.get(kind)
    return registered is not None and registered.repeatable


def _lease() -> timedelta:
    return timedelta(seconds=settings.ILJARI_JOB_LEASE_SECONDS)


def interrupted_message(at, *, twice: bool = False) -> str:
    when = timezone.localtime(at).strftime("%Y-%m-%d %H:%M")
    stopped = "작업 실행기가 두 번 멈춰" if twice else "작업 실행기가 작업 도중 멈춰"
    return f"{stopped}({when}) 작업을 마치지 못했습니다. 같은 작업을 다시 요청하십시오. {NOTHING_CHANGED}"


# --- starting and running ----------------------------------------------------------------------------------


def _enqueue(job: BackgroundJob, task, arguments: dict) -> None:
    result = task.enqueue(job_id=job.pk, **arguments)
    BackgroundJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])


def job_start(*, actor, kind: str, title: str, task, upload: tuple[str, bytes] | None = None, **arguments):
    job = BackgroundJob(
        kind=kind, title=title[:200], requested_by=actor, task_path=task.module_path[:200], arguments=arguments
    )
    if upload is not None:
        file_store(job.upload, upload[0], ContentFile(upload[1]))
    job.save()
    transaction.on_commit(lambda: _enqueue(job, task, arguments))
    return job


class JobLeaseLost(Exception):
    """This run's job was settled without it (its lease ran out: retried by another run, or failed)."""


class JobRun:
    """What a running task tells its job: how far it has come, and its result. Every write names this run's attempt,
    so a run that lost its lease changes nothing."""

    def __init__(self, job: BackgroundJob, attempt: int | None = None):
        self.job = job
        self.attempt = job.attempts if attempt is None else attempt

    def _mine(self) -> QuerySet[BackgroundJob]:
        return BackgroundJob.objects.filter(pk=self.job.pk, attempts=self.attempt, status__in=LIVE)

    def progress(self, done: int, total: int, step: str = "") -> None:
        total = max(total, 1)
        now = timezone.now()
        updated = self._mine().update(
            done=min(max(done, 0), total), total=total, step=step[:200], updated_at=now, lease_until=now + _lease()
        )
        if not updated:
            raise JobLeaseLost(self.job.pk)

    def upload_bytes(self) -> bytes:
        """The file the job was started with (an import's sheet)."""
        with self.job.upload.open("rb") as handle:
            return handle.read()

    def complete(self, *, summary: str, url: str = "") -> None:
        """Mark a batch done: what it did, in Korean, and the page of this site that shows the result."""
        if url and (not url.startswith("/") or url.startswith("//")):
            raise ValueError(f"a job's result page is a path of this site, not {url!r}")
        updated = self._mine().update(
            status=Status.SUCCEEDED,
            summary=summary,
            result_url=url[:300],
            done=models.F("total"),
            step="",
            lease_until=None,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
        if not updated:
            raise JobLeaseLost(self.job.pk)

    def finish(self, *, name: str, content_type: str, data: bytes, summary: str = "") -> None:
        """Store the result (already complete in memory) and mark the job done, in one transaction; `summary`: what
        it did, in Korean, shown above the file."""
        job = self.job
        with transaction.atomic():
            if not self._mine().select_for_update().exists():
                raise JobLeaseLost(job.pk)
            file_store(job.result, name, ContentFile(data))
            job.result_name = name[:200]
            job.result_type = content_type[:100]
            job.summary = summary or job.summary
            job.status = Status.SUCCEEDED
            job.done = job.total = max(job.total, 1)
            job.step = ""
            job.lease_until = None
            job.finished_at = timezone.now()
            job.save(
                update_fields=[
                    "result",
                    "result_name",
                    "result_type",
                    "summary",
                    "status",
                    "done",
                    "total",
                    "step",
                    "lease_until",
                    "finished_at",
                    "updated_at",
                ]
            )


class _Heartbeat(threading.Thread):
    """Renews the run's lease while the task works between progress reports (a long PDF drawing, one big
    transaction). Its own database connection, closed when it stops."""

    def __init__(self, run: JobRun):
        super().__init__(name=f"job-{run.job.pk}-heartbeat", daemon=True)
        self.run_ = run
        self.stopped = threading.Event()

    def run(self) -> None:
        every = max(settings.ILJARI_JOB_LEASE_SECONDS / 4, 0.2)
        try:
            while not self.stopped.wait(every):
                try:
                    BackgroundJob.objects.filter(
                        pk=self.run_.job.pk, attempts=self.run_.attempt, status=Status.RUNNING
                    ).update(lease_until=timezone.now() + _lease())
                except DatabaseError as error:  # locked (SQLite) or a restarting database: the next beat tries again
                    logger.warning("job %s: lease not renewed (%s)", self.run_.job.pk, error)
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=5)


def _upload_remove(job: BackgroundJob) -> None:
    if job.upload:
        job.upload.delete(save=False)
        BackgroundJob.objects.filter(pk=job.pk).update(upload="")


def _fail(run: JobRun, message: str) -> None:
    job = run.job
    with transaction.atomic():
        mine = run._mine().select_for_update().first()
        if mine is None:
            return  # settled without this run
        if mine.result:
            mine.result.delete(save=False)
        run._mine().update(
            status=Status.FAILED,
            error=message or GENERAL_FAILURE,
            result="",
            lease_until=None,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
    logger.info("background job %s (%s) failed", job.pk, job.kind)


@contextmanager
def job_run(job_id: int):
    """Run a queued job: claim it (a job already running, finished or settled is not run again: JobLeaseLost),
    hold its lease while the body works, and record how it ended."""
    job = BackgroundJob.objects.get(pk=job_id)
    now = timezone.now()
    claimed = BackgroundJob.objects.filter(pk=job.pk, status=Status.QUEUED, attempts=job.attempts).update(
        status=Status.RUNNING,
        started_at=now,
        updated_at=now,
        lease_until=now + _lease(),
        attempts=models.F("attempts") + 1,
    )
    if not claimed:
        logger.warning("background job %s is %s, not queued: not run again", job.pk, job.status)
        raise JobLeaseLost(job.pk)
    job.refresh_from_db()
    run = JobRun(job)
    # a run inside a transaction (a test's) cannot be seen by another connection: no heartbeat there
    heartbeat = None if transaction.get_connection().in_atomic_block else _Heartbeat(run)
    if heartbeat is not None:
        heartbeat.start()
    lost = False
    try:
        yield run
    except JobLeaseLost:
        lost = True
        logger.warning("background job %s (%s): settled while this run worked; its result is dropped", job.pk,
                       job.kind)  # fmt: skip
    except IljariError as error:
        _fail(run, "\n".join([error.message, *sum(error.field_errors.values(), [])]))
    except Exception:
        logger.exception("background job %s (%s) failed", job.pk, job.kind)
        _fail(run, GENERAL_FAILURE)
        raise
    else:
        if run._mine().filter(status=Status.RUNNING).exists():
            _fail(run, "작업이 결과를 남기지 않고 끝났습니다.")
    finally:
        if heartbeat is not None:
            heartbeat.stop()
        if not lost:  # a retry still needs the sheet; a failure removed it already
            _upload_remove(job)


# --- workers that stopped ----------------------------------------------------------------------------------


@dataclass
class Reaped:
    retried: list[int]
    failed: list[int]


def _retry(job: BackgroundJob, now) -> bool:
    """Queue the job again from the start (the interrupted run's progress forgotten), once this commits."""
    settled = BackgroundJob.objects.filter(
        pk=job.pk, status=Status.RUNNING, attempts=job.attempts, lease_until__lt=now
    ).update(status=Status.QUEUED, done=0, step=RETRY_STEP, lease_until=None, interrupted_at=now, updated_at=now)
    if settled:
        transaction.on_commit(lambda: _requeue(job, now))
    return bool(settled)


def _requeue(job: BackgroundJob, now) -> None:
    try:
        _enqueue(job, import_string(job.task_path), job.arguments)
    except Exception:  # the queue itself is down: the job cannot wait for a retry that never comes
        logger.exception("background job %s (%s): could not be queued again", job.pk, job.kind)
        BackgroundJob.objects.filter(pk=job.pk, status=Status.QUEUED).update(
            status=Status.FAILED, error=interrupted_message(now), step="", finished_at=now, updated_at=now
        )


def _give_up(job: BackgroundJob, now) -> bool:
    twice = job.attempts >= MAX_ATTEMPTS and _repeatable(job.kind)
    settled = BackgroundJob.objects.filter(
        pk=job.pk, status=Status.RUNNING, attempts=job.attempts, lease_until__lt=now
    ).update(
        status=Status.FAILED,
        error=interrupted_message(now, twice=twice),
        step="",
        result="",
        lease_until=None,
        interrupted_at=now,
        finished_at=now,
        updated_at=now,
    )
    if settled:
        for stored in (job.result, job.upload):
            if stored:
                stored.delete(save=False)
        BackgroundJob.objects.filter(pk=job.pk).update(upload="")
    return bool(settled)


def jobs_reap(*, now=None, pk: int | None = None) -> Reaped:
    """Settle every running job whose worker has not renewed its lease in time (or only job `pk`): a repeatable kind
    on its first run is queued again; anything else fails, saying nothing was changed, its uploaded file removed.
    Each job is settled by one reaper only (the update names the lease it found expired)."""
    now = now or timezone.now()
    stale = BackgroundJob.objects.filter(status=Status.RUNNING, lease_until__lt=now)
    if pk is not None:
        stale = stale.filter(pk=pk)
    reaped = Reaped([], [])
    for job in stale:
        if _repeatable(job.kind) and job.attempts < MAX_ATTEMPTS and job.task_path:
            if _retry(job, now):
                logger.warning("background job %s (%s): its worker stopped; queued again", job.pk, job.kind)
                reaped.retried.append(job.pk)
        elif _give_up(job, now):
            logger.warning("background job %s (%s): its worker stopped; failed", job.pk, job.kind)
            reaped.failed.append(job.pk)
    return reaped


def _reap_quietly(pk: int) -> None:
    """Reading a job settles it if its worker stopped; a database busy right now only leaves it for the next read."""
    try:
        with transaction.atomic():
            jobs_reap(pk=pk)
    except DatabaseError as error:
        logger.warning("job %s: not reaped on read (%s)", pk, error)


# --- reading -----------------------------------------------------------------------------------------------


def job_get(*, user, pk: int) -> BackgroundJob:
    _reap_quietly(pk)
    job = BackgroundJob.objects.select_related("requested_by").filter(pk=pk).first()
    if job is None or not access_job_view(user, job):
        raise NotFound("작업을 찾을 수 없습니다.")
    return job


def job_list(*, user) -> QuerySet[BackgroundJob]:
    require(user is not None and user.is_authenticated)
    return BackgroundJob.objects.filter(requested_by=user)[:20]


def jobs_prune(*, now=None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=settings.ILJARI_JOB_KEEP_DAYS)
    old = list(BackgroundJob.objects.filter(finished_at__lt=cutoff))
    for job in old:
        for stored in (job.result, job.upload):
            if stored:
                stored.delete(save=False)
    BackgroundJob.objects.filter(pk__in=[job.pk for job in old]).delete()
    return len(old)
