"""Notices: the batch that records a period's repayment or overdue notices, and starting it as a background job
(the task is handed in by the caller: fund.tasks calls these services, never the other way round)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.core.errors import field_error
from iljari.core.history import history_batch, history_bulk_created
from iljari.core.jobs import job_start
from iljari.fund.models import Notice
from iljari.fund.selectors import loans_due_in, loans_in_arrears
from iljari.fund.services.ledger import require_manage


def _batch_check(kind: str, period_start: date, period_end: date) -> None:
    if kind not in Notice.Kind.values:
        raise field_error("kind", "고지 구분은 원리금 상환고지 또는 미납·연체고지입니다.")
    if period_end < period_start:
        raise field_error("period_end", "고지 기간의 끝이 시작보다 앞설 수 없습니다.")


def notices_generate(*, kind: str, period_start: date, period_end: date, progress=None, actor=None) -> int:
    """Record the notices of a period for the loans due: the repayment notice for every active loan with an
    instalment due in [period_start, period_end] (the amount due in it); the overdue notice for every active loan
    in arrears at the end of period_end (the arrears and the overdue interest owed). Loans already noticed for the
    period are left alone. Returns the number of notices recorded. The batch is one entry of the bulk changes (by
    `actor`, who started the job), with a change-history entry per notice."""
    _batch_check(kind, period_start, period_end)
    if kind == Notice.Kind.REPAYMENT:
        due = loans_due_in(period_start=period_start, period_end=period_end)  # [(loan_id, amount, 0)]
    else:
        due = loans_in_arrears(as_of=period_end)
    already = set(Notice.objects.filter(kind=kind, period_start=period_start).values_list("loan_id", flat=True))
    now = timezone.now()
    rows = [
        (loan_id, kind, period_start, period_end, amount, days, now)
        for loan_id, amount, days in due
        if loan_id not in already and amount > 0
    ]
    if progress:
        progress(0, len(rows), "고지 기록")
    label = Notice.Kind(kind).label
    with history_batch(
        kind="fund.notices", label="고지 일괄 기록", subject=f"{label} {period_start}~{period_end}", actor=actor
    ):
        count = rows_insert(
            Notice, ("loan", "kind", "period_start", "period_end", "amount", "days_past_due", "generated_at"), rows
        )
        history_bulk_created(
            Notice.objects.filter(kind=kind, period_start=period_start, generated_at=now),  # this run's rows
            describe=lambda notice: f"{label} 융자 #{notice.loan_id} {notice.period_start}~{notice.period_end}",
        )
    if progress:
        progress(len(rows), len(rows), "완료")
    return count


def notices_batch_start(*, actor, kind: str, period_start: date, period_end: date, task):
    """Queue the notice batch as a background job; `task` is fund.tasks.notices_batch (the caller's to give)."""
    require_manage(actor)
    _batch_check(kind, period_start, period_end)
    label = Notice.Kind(kind).label
    return job_start(
        actor=actor,
        kind="fund_notices",
        title=f"{label} {period_start}~{period_end}",
        task=task,
        notice_kind=kind,
        period_start=period_start.isoformat(),
        period_end=period_end.isoformat(),
    )
