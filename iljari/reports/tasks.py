"""Background tasks of the reports (django-tasks): a report file built by the worker, followed on the job page."""

from __future__ import annotations

from datetime import date

from django_tasks import task

from iljari.core.jobs import job_run
from iljari.core.routers import reading_replica
from iljari.reports.files import report_file


@task()
def report_build(
    *,
    job_id: int,
    kind_code: str,
    year: int,
    as_of: str,
    fmt: str,
    subject: str = "",
    purpose: str = "",
    watermark: str = "",
    programme_new_page: bool = False,
) -> None:
    with job_run(job_id) as run, reading_replica():  # the figures from the replica; the job's rows on the primary
        made = report_file(
            user=run.job.requested_by,
            kind=kind_code,
            year=year,
            as_of=date.fromisoformat(as_of),
            fmt=fmt,
            subject=subject,
            purpose=purpose,
            watermark=watermark,
            programme_new_page=programme_new_page,
            progress=run.progress,
        )
        run.finish(name=made.name, content_type=made.content_type, data=made.data)
