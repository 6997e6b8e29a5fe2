"""The fund's act that needs an approval line (결재), registered with approvals in FundConfig.ready: paying a loan
out (융자 실행), which books the principal out of the intermediary's funds. The amount the 전결 rules read is the
principal; the office's head (정책관) approves unless the office's rules say otherwise."""

from __future__ import annotations

import re
from datetime import date

from iljari.approvals.acts import Act, register
from iljari.approvals.selectors import approval_open_under
from iljari.core.access import access_fund_manage
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.roles import Position
from iljari.fund import services
from iljari.fund.models import Loan

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
        f"{target.loan.borrower} · 원금 {target.loan.principal:,}원 · 실행일 {target.on:%Y.%m.%d.} · "
        f"{target.loan.term_months}개월"
    ),
    default_position=Position.HEAD,
)


def register_acts() -> None:
    register(LOAN_DISBURSE)
