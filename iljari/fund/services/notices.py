"""Notices: the batch that records a period's repayment or overdue notices, and starting it as a background job
(the task is handed in by the caller: fund.tasks calls these services, never the other way round). Issuing a batch
is an approval (결재) "고지 일괄 발송" (fund/approval_acts.py): the job starts on its final approval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from iljari.approvals.models import ApprovalRequest
from iljari.approvals.services import approval_draft
from iljari.core.bulk import rows_insert
from iljari.core.errors import field_error
from iljari.core.history import history_batch, history_bulk_created
from iljari.core.jobs import job_start
from iljari.core.korean import with_subject
from iljari.core.models import BackgroundJob
from iljari.fund.models import Notice
from iljari.fund.selectors import loans_due_in, loans_in_arrears
from iljari.fund.services.ledger import require_manage
from iljari.fund.services.messages import notices_notify


def _batch_check(kind: str, period_start: date, period_end: date) -> None:
    if kind not in Notice.Kind.values:
        raise field_error("kind", "고지 구분은 원리금 상환고지 또는 미납·연체고지입니다.")
    if period_end < period_start:
        raise field_error("period_end", "고지 기간의 끝이 시작보다 앞설 수 없습니다.")


NOTICES_ISSUE = "fund.notices_issue"  # the act (fund/approval_acts.py)


@dataclass(frozen=True)
class NoticeBatch:
    """A period's batch of notices of one kind: what the approval 고지 일괄 발송 names."""

    kind: str
    period_start: date
    period_end: date

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.period_start:%Y-%m-%d}/{self.period_end:%Y-%m-%d}"

    @property
    def label(self) -> str:
        return Notice.Kind(self.kind).label


def _due_rows(kind: str, period_start: date, period_end: date) -> list[tuple[int, int, int]]:
    """(loan id, amount, days past due) of the notices the batch would record now: the loans due (or in arrears)
    in the period, not yet noticed for it, with something to pay."""
    if kind == Notice.Kind.REPAYMENT:
        due = loans_due_in(period_start=period_start, period_end=period_end)  # [(loan_id, amount, 0)]
    else:
        due = loans_in_arrears(as_of=period_end)
    already = set(Notice.objects.filter(kind=kind, period_start=period_start).values_list("loan_id", flat=True))
    return [(loan_id, amount, days) for loan_id, amount, days in due if loan_id not in already and amount > 0]


def notices_batch_total(batch: NoticeBatch) -> tuple[int, int]:
    """(how many notices, their total in 원) the batch would record now: the amount the 전결 rules read."""
    rows = _due_rows(batch.kind, batch.period_start, batch.period_end)
    return len(rows), sum(amount for _loan, amount, _days in rows)


def notices_batch_check(batch: NoticeBatch) -> None:
    """Refuses a batch that cannot be issued: a wrong kind or period, or nothing new to notice in it."""
    _batch_check(batch.kind, batch.period_start, batch.period_end)
    count, _total = notices_batch_total(batch)
    if not count:
        raise field_error("period_end", f"이 기간에 새로 보낼 {with_subject(batch.label)} 없습니다.")


def notices_generate(*, kind: str, period_start: date, period_end: date, progress=None, actor=None) -> int:
    """Record the notices of a period for the loans due: the repayment notice for every active loan with an
    instalment due in [period_start, period_end] (the amount due in it); the overdue notice for every active loan
    in arrears at the end of period_end (the arrears and the overdue interest owed). Loans already noticed for the
    period are left alone. Returns the number of notices recorded. The batch is one entry of the bulk changes (by
    `actor`, who started the job), with a change-history entry per notice."""
    _batch_check(kind, period_start, period_end)
    now = timezone.now()
    rows = [
        (loan_id, kind, period_start, period_end, amount, days, now)
        for loan_id, amount, days in _due_rows(kind, period_start, period_end)
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
        notices_notify(  # the borrowers' contacts told, once this batch commits
            actor=actor,
            notices=Notice.objects.filter(kind=kind, period_start=period_start, generated_at=now).select_related(
                "loan__borrower"
            ),
        )
    if progress:
        progress(len(rows), len(rows), "완료")
    return count


def notices_batch_start(
    *, actor, kind: str, period_start: date, period_end: date, task, approval=None
) -> BackgroundJob | None:
    """Issue a period's notices (고지 일괄 발송) as a background job; `task` is fund.tasks.notices_batch (the
    caller's to give). The job is queued at once for the system (actor None) or on its approval's final step
    (`approval`: the act's run; the job is the drafter's, who takes its document); any other actor drafts the
    approval instead (the amount the 전결 rules read is the batch's total) — 전결 at once where the actor's own
    position gives it. Returns the job, or None while the approval runs."""
    require_manage(actor)
    batch = NoticeBatch(kind, period_start, period_end)
    if actor is not None and approval is None:
        _batch_check(kind, period_start, period_end)
        request = approval_draft(actor=actor, act=NOTICES_ISSUE, target=batch)
        if request.state != ApprovalRequest.State.APPROVED:
            return None
        # 전결: the act ran inside the draft and queued this actor's job, the newest of its kind
        return BackgroundJob.objects.filter(kind="fund_notices", requested_by=actor).order_by("-pk").first()
    _batch_check(kind, period_start, period_end)
    return job_start(
        actor=actor,
        kind="fund_notices",
        title=f"{batch.label} {period_start}~{period_end}",
        task=task,
        notice_kind=kind,
        period_start=period_start.isoformat(),
        period_end=period_end.isoformat(),
    )
