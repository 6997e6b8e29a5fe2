"""Background tasks of intake (django-tasks), for the batches too large to answer in the request: a call's
eligibility check, its selection, and an Excel sheet of paper applications. Each runs the same service as the
page does, inside `core.jobs.job_run`, so a failure leaves nothing written and the job says why in Korean.

Progress: each service does its work in one transaction, so the job's progress is told at the steps around it
(what a poll can see), not row by row inside it."""

from __future__ import annotations

from django_tasks import task

from iljari.core.accesslog import access_log_record
from iljari.core.jobs import job_run
from iljari.intake.models import Call
from iljari.intake.services import application_bulk_import, eligibility_run, selection_run


def _call(call_id: int) -> Call:
    return Call.objects.select_related("programme").get(pk=call_id)


@task()
def eligibility_task(*, job_id: int, call_id: int) -> None:
    with job_run(job_id) as run:
        call = _call(call_id)
        run.progress(0, 2, "신청자 자료를 읽고 자격을 확인하는 중")
        eligible, ineligible = eligibility_run(actor=run.job.requested_by, call=call)
        run.progress(1, 2, "결과를 저장하는 중")
        run.complete(
            summary=f"자격 확인을 마쳤습니다: 자격 있음 {eligible:,}건, 자격 없음 {ineligible:,}건.",
            url=call.get_absolute_url(),
        )


@task()
def selection_task(*, job_id: int, call_id: int, seed: int | None) -> None:
    with job_run(job_id) as run:
        call = _call(call_id)
        run.progress(0, 2, "점수와 우선순위로 순위를 매기는 중")
        result = selection_run(actor=run.job.requested_by, call=call, seed=seed)
        run.progress(1, 2, "결과를 저장하는 중")
        run.complete(
            summary=f"선발을 마쳤습니다: 선발 {result.selected:,}명, 예비 {result.waitlisted:,}명 "
            f"(추첨 기준값 {result.seed}).",
            url=call.get_absolute_url(),
        )


@task()
def import_task(*, job_id: int, call_id: int, consented: bool, address: str = "") -> None:
    with job_run(job_id) as run:
        call = _call(call_id)
        run.progress(0, 3, "엑셀 파일을 읽는 중")
        data = run.upload_bytes()
        run.progress(1, 3, "모든 행을 확인하고 저장하는 중")
        actor = run.job.requested_by
        ids = application_bulk_import(actor=actor, call=call, data=data, consented=consented)
        access_log_record(
            user=actor, remote_addr=address or None, action="create", subject_type="people.person", subject_ids=ids,
            detail=f"엑셀 일괄 서면 신청 {len(ids)}건 ({call.code})",
        )  # fmt: skip
        run.complete(summary=f"엑셀 파일의 {len(ids):,}행을 저장했습니다.", url=call.get_absolute_url())
