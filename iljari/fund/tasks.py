"""Background tasks of the fund (django-tasks): the notice batches, followed on the job page. The tasks call the
services; the services never import the tasks (the view hands `notices_batch` to `notices_batch_start`)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from iljari.core.documents import document_make
from iljari.core.formats import screen_date
from iljari.core.jobs import job_run
from iljari.fund.services import notices_generate


@task()
def notices_batch(*, job_id: int, notice_kind: str, period_start: str, period_end: str) -> None:
    with job_run(job_id) as run:
        count = notices_generate(
            kind=notice_kind,
            period_start=date.fromisoformat(period_start),
            period_end=date.fromisoformat(period_end),
            progress=run.progress,
            actor=run.job.requested_by,
        )
        start, end = date.fromisoformat(period_start), date.fromisoformat(period_end)
        summary = f"고지 {count:,}건을 기록했습니다 ({screen_date(start)}~{screen_date(end)})."
        made = None
        if count:  # the batch's notices as one document to print and mail (the reports app draws it)
            as_of = min(end, timezone.localdate())  # a report is of a day that has come
            made = document_make(
                user=run.job.requested_by, kind="notice", year=as_of.year, as_of=as_of, fmt="pdf",
                subject=f"{notice_kind}-{period_start}",
            )  # fmt: skip
        if made is None:
            run.complete(summary=summary, url=reverse("fund:notice_list"))
        else:
            run.finish(name=made.name, content_type=made.content_type, data=made.data, summary=summary)
