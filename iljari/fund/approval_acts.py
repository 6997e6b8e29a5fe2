"""The fund's acts that need an approval line (결재), registered with approvals in FundConfig.ready: paying a loan
out (융자 실행), which books the principal out of the intermediary's funds (the amount the 전결 rules read is the
principal; the office's head (정책관) approves unless the office's rules say otherwise), and issuing a period's
notices (고지 일괄 발송), which starts the notice batch job (the amount is the batch's total; a team lead (팀장)
approves unless the rules say otherwise)."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from iljari.approvals.acts import Act, register
from iljari.approvals.selectors import approval_open_under
from iljari.core.access import access_fund_manage
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.formats import format_won, screen_date
from iljari.core.roles import Position
from iljari.fund import services
from iljari.fund.models import Loan, Notice
from iljari.fund.tasks import notices_batch

KEY = re.compile(r"(?P<number>.{1,60})/(?P<day>\d{4}-\d{2}-\d{2})")


def _get(key: str) -> services.LoanDisbursement:
    found = KEY.fullmatch(key or "")
    loan = None
    if found is not None:
        loan = Loan.objects.select_related("agreement", "borrower").filter(number=found["number"]).first()
    if loan is None:
        raise NotFound("융자를 찾을 수 없습니다.")
    try:
        return services.LoanDisbursement(loan, date.fromisoformat(found["day"]))
    except ValueError:
        raise NotFound("융자를 찾을 수 없습니다.") from None


def _check(target: services.LoanDisbursement) -> None:
    services.loan_disburse_check(loan=target.loan, on=target.on)
    pending = approval_open_under(act=services.LOAN_DISBURSE, key_prefix=f"{target.loan.number}/")
    if pending is not None:
        raise ValidationFailed(f"이 융자의 실행은 이미 결재 중입니다(결재 #{pending.pk}).")


def _run(target: services.LoanDisbursement, *, approved_by, request) -> None:
    services.loan_disburse(actor=approved_by, loan=target.loan, on=target.on, approval=request)


LOAN_DISBURSE = Act(
    code=services.LOAN_DISBURSE,
    label="융자 실행",
    get=_get,
    key=lambda target: target.key,
    describe=lambda target: f"융자 {target.loan.number} 실행",
    url=lambda target: target.loan.get_absolute_url(),
    gate=lambda user, target: access_fund_manage(user),
    run=_run,
    effect="융자가 실행되고 상환 일정이 만들어집니다",
    done="융자를 실행했습니다",
    amount=lambda target: target.loan.principal,
    check=_check,
    summary=lambda target: (
        f"{target.loan.borrower} · 원금 {format_won(target.loan.principal)} · 실행일 {screen_date(target.on)} · "
        f"{target.loan.term_months}개월"
    ),
    default_position=Position.HEAD,
)


BATCH_KEY = re.compile(r"(?P<kind>[a-z]{1,20})/(?P<start>\d{4}-\d{2}-\d{2})/(?P<end>\d{4}-\d{2}-\d{2})")


def _batch_get(key: str) -> services.NoticeBatch:
    found = BATCH_KEY.fullmatch(key or "")
    if found is None or found["kind"] not in Notice.Kind.values:
        raise NotFound("고지 묶음을 찾을 수 없습니다.")
    try:
        return services.NoticeBatch(found["kind"], date.fromisoformat(found["start"]), date.fromisoformat(found["end"]))
    except ValueError:
        raise NotFound("고지 묶음을 찾을 수 없습니다.") from None


def _batch_check(target: services.NoticeBatch) -> None:
    services.notices_batch_check(target)
    prefix = f"{target.kind}/{target.period_start:%Y-%m-%d}/"
    pending = approval_open_under(act=services.NOTICES_ISSUE, key_prefix=prefix)
    if pending is not None:
        raise ValidationFailed(f"이 기간의 고지는 이미 결재 중입니다(결재 #{pending.pk}).")


def _batch_run(target: services.NoticeBatch, *, approved_by, request) -> None:
    """The job is the drafter's: they follow it and take the notices' document to print and mail."""
    services.notices_batch_start(
        actor=request.drafter,
        kind=target.kind,
        period_start=target.period_start,
        period_end=target.period_end,
        task=notices_batch,
        approval=request,
    )


def _batch_period(target: services.NoticeBatch) -> str:
    return f"{screen_date(target.period_start)}~{screen_date(target.period_end)}"


def _batch_summary(target: services.NoticeBatch) -> str:
    count, total = services.notices_batch_total(target)
    return f"{target.label} · 기간 {_batch_period(target)} · {count:,}건 · 합계 {format_won(total)}"


NOTICES_ISSUE = Act(
    code=services.NOTICES_ISSUE,
    label="고지 일괄 발송",
    get=_batch_get,
    key=lambda target: target.key,
    describe=lambda target: f"{target.label} 일괄 발송({_batch_period(target)})",
    url=lambda target: reverse("fund:notice_list"),
    gate=lambda user, target: access_fund_manage(user),
    run=_batch_run,
    effect="고지 일괄 기록이 시작되고 고지서 묶음이 만들어집니다",
    done="고지 일괄 기록을 시작했습니다",
    amount=lambda target: services.notices_batch_total(target)[1],
    check=_batch_check,
    summary=_batch_summary,
    default_position=Position.TEAM_LEAD,
)


def register_acts() -> None:
    register(LOAN_DISBURSE)
    register(NOTICES_ISSUE)
