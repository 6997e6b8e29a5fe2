"""Long work in the background: a report build, a batch, an import.

A page (or the API) starts a job with `job_start`: a `BackgroundJob` row for the user to follow, and a task queued
through Django's task framework (django-tasks; `settings.TASKS`). The worker (`iljari worker`) runs the task, which
wraps its work in `job_run`: it marks the job running, reports progress as it goes (the page polls it with htmx), and
stores the result file — written completely before it is saved, so a failure leaves no half-written file — or the
reason it failed, in Korean. A user's mistake found while running (an IljariError) fails the job with its message;
anything else fails it with a general message and is raised again, so the worker logs it.

Contract:
- job_start(*, actor, kind, title, task, upload=None, **arguments) -> BackgroundJob
      queues `task` (a django-tasks Task taking `job_id` and `arguments`) once the caller's transaction commits;
      `upload` (name, bytes) is kept for the task to read (an import) and removed when the job ends
- job_run(job_id) -> context manager yielding a JobRun: progress(done, total, step), upload_bytes(),
      finish(name, content_type, data) for a file, complete(summary, url) for a batch that leaves none
- job_get(*, user, pk) -> BackgroundJob            the requester's own (the system administrator: any); else 404
- job_list(*, user) -> QuerySet[BackgroundJob]      the requester's recent jobs
- jobs_prune(*, now=None) -> int                    removes the result files (and rows) of jobs finished long ago
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from iljari.core.access import access_job_view, require
from iljari.core.errors import IljariError, NotFound
from iljari.core.models import BackgroundJob

logger = logging.getLogger(__name__)
GENERAL_FAILURE = (
    "시스템 오류로 작업을 마치지 못했습니다. 잠시 후 다시 시도하고, 되풀이되면 시스템관리자에게 알리십시오."
)


def job_start(*, actor, kind: str, title: str, task, upload: tuple[str, bytes] | None = None, **arguments):
    job = BackgroundJob(kind=kind, title=title[:200], requested_by=actor)
    if upload is not None:
        job.upload.save(upload[0], ContentFile(upload[1]), save=False)
    job.save()

    def enqueue() -> None:
        result = task.enqueue(job_id=job.pk, **arguments)
        BackgroundJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return job


class JobRun:
    """What a running task tells its job: how far it has come, and its result."""

    def __init__(self, job: BackgroundJob):
        self.job = job

    def progress(self, done: int, total: int, step: str = "") -> None:
        total = max(total, 1)
        BackgroundJob.objects.filter(pk=self.job.pk).update(
            done=min(max(done, 0), total), total=total, step=step[:200], updated_at=timezone.now()
        )

    def upload_bytes(self) -> bytes:
        """The file the job was started with (an import's sheet)."""
        with self.job.upload.open("rb") as handle:
            return handle.read()

    def complete(self, *, summary: str, url: str = "") -> None:
        """Mark a batch done: what it did, in Korean, and the page of this site that shows the result."""
        if url and (not url.startswith("/") or url.startswith("//")):
            raise ValueError(f"a job's result page is a path of this site, not {url!r}")
        BackgroundJob.objects.filter(pk=self.job.pk).update(
            status=BackgroundJob.Status.SUCCEEDED,
            summary=summary,
            result_url=url[:300],
            done=models.F("total"),
            step="",
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )

    def finish(self, *, name: str, content_type: str, data: bytes) -> None:
        """Store the result (already complete in memory) and mark the job done, in one transaction."""
        job = self.job
        with transaction.atomic():
            job.result.save(name, ContentFile(data), save=False)
            job.result_name = name[:200]
            job.result_type = content_type[:100]
            job.status = BackgroundJob.Status.SUCCEEDED
            job.done = job.total = max(job.total, 1)
            job.step = ""
            job.finished_at = timezone.now()
            job.save(
                update_fields=[
                    "result",
                    "result_name",
                    "result_type",
                    "status",
                    "done",
                    "total",
                    "step",
                    "finished_at",
                    "updated_at",
                ]
            )


def _upload_remove(job: BackgroundJob) -> None:
    if job.upload:
        job.upload.delete(save=False)
        BackgroundJob.objects.filter(pk=job.pk).update(upload="")


def _fail(job: BackgroundJob, message: str) -> None:
    if job.result:
        job.result.delete(save=False)
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=BackgroundJob.Status.FAILED,
        error=message or GENERAL_FAILURE,
        result="",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


@contextmanager
def job_run(job_id: int):
    job = BackgroundJob.objects.get(pk=job_id)
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=BackgroundJob.Status.RUNNING, started_at=timezone.now(), updated_at=timezone.now()
    )
    run = JobRun(job)
    try:
        yield run
    except IljariError as error:
        _fail(job, "\n".join([error.message, *sum(error.field_errors.values(), [])]))
    except Exception:
        logger.exception("background job %s (%s) failed", job.pk, job.kind)
        _fail(job, GENERAL_FAILURE)
        raise
    else:
        if BackgroundJob.objects.filter(pk=job.pk, status=BackgroundJob.Status.RUNNING).exists():
            _fail(job, "작업이 결과를 남기지 않고 끝났습니다.")
    finally:
        _upload_remove(job)


def job_get(*, user, pk: int) -> BackgroundJob:
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
