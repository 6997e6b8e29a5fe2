"""Background tasks of the fund (django-tasks): the notice batches, followed on the job page. The tasks call the
services; the services never import the tasks (the view hands `notices_batch` to `notices_batch_start`)."""

from __future__ import annotations

from datetime import date

from django_tasks import task

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
        text = f"고지 {count:,}건을 기록했습니다 ({period_start}~{period_end}).\n"
        run.finish(name=f"notices-{notice_kind}-{period_start}.txt", content_type="text/plain; charset=utf-8",
                   data=text.encode())  # fmt: skip
