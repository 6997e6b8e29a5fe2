"""Loans: registration (terms checked against the agreement), disbursement (schedule version 1), the schedule
versions every later change stores, closing, and the write-off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from iljari.approvals.services import approval_draft
from iljari.core.bulk import rows_insert
from iljari.core.errors import field_error
from iljari.core.formats import format_won
from iljari.fund.models import Account, Agreement, Instalment, LedgerEntry, Loan, ScheduleVersion
from iljari.fund.schedules import Instalment as Planned
from iljari.fund.schedules import schedule_check, schedule_compute
from iljari.fund.selectors import loan_position
from iljari.fund.services.agreements import rate_clean
from iljari.fund.services.ledger import account_balance, ledger_entry, require_manage


def loan_check(*, agreement: Agreement, principal, annual_rate, term_months, grace_months, method, purpose) -> Decimal:
    """The Korean reasons a loan's terms cannot stand (ValidationFailed); the rate as Decimal otherwise."""
    rate = rate_clean(annual_rate, "annual_rate", "대출금리")
    if rate > agreement.max_rate:
        raise field_error(
            "annual_rate", f"대출금리 {rate:.3f}%가 협약의 최고금리 {agreement.max_rate:.3f}%를 넘습니다."
        )
    if purpose not in Loan.Purpose.values:
        raise field_error("purpose", "용도는 사회적경제기업, 사회적가치 프로젝트, 사회주택 중 하나입니다.")
    schedule_check(
        principal=principal, annual_rate=rate, term_months=term_months, grace_months=grace_months, method=method
    )
    return rate


def loan_register(
    *,
    actor,
    number: str,
    borrower,
    agreement: Agreement,
    purpose: str,
    principal: int,
    annual_rate,
    term_months: int,
    grace_months: int = 0,
    method: str,
) -> Loan:
    require_manage(actor)
    number = (number or "").strip()
    if not number:
        raise field_error("number", "융자번호를 적으십시오.")
    rate = loan_check(
        agreement=agreement,
        principal=principal,
        annual_rate=annual_rate,
        term_months=term_months,
        grace_months=grace_months,
        method=method,
        purpose=purpose,
    )
    if Loan.objects.filter(number=number).exists():
        raise field_error("number", f"융자번호 {number}는 이미 있습니다.")
    return Loan.objects.create(
        number=number,
        borrower=borrower,
        agreement=agreement,
        intermediary_id=agreement.intermediary_id,
        purpose=purpose,
        principal=principal,
        annual_rate=rate,
        term_months=term_months,
        grace_months=grace_months,
        method=method,
    )


def version_store(
    loan: Loan,
    *,
    reason: str,
    effective_on: date,
    principal_before: int,
    interest_before: int,
    planned: list[Planned],
    interest_carried: int = 0,
) -> ScheduleVersion:
    """A new schedule version (the previous one superseded on `effective_on`) and its instalments."""
    last = loan.schedule_versions.aggregate(n=Max("number"))["n"] or 0
    loan.schedule_versions.filter(superseded_on__isnull=True).update(superseded_on=effective_on)
    version = ScheduleVersion.objects.create(
        loan=loan,
        number=last + 1,
        reason=reason,
        effective_on=effective_on,
        principal_before=principal_before,
        interest_before=interest_before,
        interest_carried=interest_carried,
    )
    running = principal_before + interest_before
    rows = []
    for row in planned:
        running += row.principal + row.interest
        rows.append((version.pk, row.number, row.due_on, row.principal, row.interest, row.balance_after, running))
    fields = ("version", "number", "due_on", "principal", "interest", "balance_after", "cumulative_due")
    rows_insert(Instalment, fields, rows)
    return version


LOAN_DISBURSE = "fund.loan_disburse"  # the act (fund/approval_acts.py)


@dataclass(frozen=True)
class LoanDisbursement:
    """A loan to be paid out on a day: what the approval 융자 실행 names."""

    loan: Loan
    on: date

    @property
    def key(self) -> str:
        return f"{self.loan.number}/{self.on:%Y-%m-%d}"


def loan_disburse_check(*, loan: Loan, on: date) -> None:
    """Refuses a payout that cannot be made: the loan paid out already, or the day outside its agreement."""
    if loan.status != Loan.Status.APPROVED:
        raise field_error("on", f"융자 {loan.number}는 이미 실행되었습니다.")
    agreement = loan.agreement
    if not agreement.starts_on <= on <= agreement.ends_on:
        raise field_error("on", f"실행일이 협약 기간({agreement.starts_on}~{agreement.ends_on}) 밖입니다.")


def loan_disburse(*, actor, loan: Loan, on: date, approval=None) -> Loan:
    """Pay the loan out (융자 실행): at once for the system (actor None) or on its approval's final step (`approval`:
    the act's run); any other actor drafts the approval "융자 실행" (결재; the amount the 전결 rules read is the
    principal) instead — 전결 at once where the actor's own position gives it. Returns the loan, active or still
    approved-but-unpaid while its approval runs."""
    require_manage(actor)
    if actor is not None and approval is None:
        loan_disburse_check(loan=loan, on=on)
        approval_draft(actor=actor, act=LOAN_DISBURSE, target=LoanDisbursement(loan, on))
        loan.refresh_from_db()
        return loan
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("agreement", "intermediary").get(pk=loan.pk)
        loan_disburse_check(loan=loan, on=on)
        agreement = loan.agreement
        available = account_balance(Account.INTERMEDIARY_FUNDS, as_of=on, agreement=agreement)
        if loan.principal > available:
            raise field_error(
                "on", f"협약의 남은 배정금({format_won(max(available, 0))})보다 큰 융자는 실행할 수 없습니다."
            )
        planned = schedule_compute(
            principal=loan.principal,
            annual_rate=loan.annual_rate,
            start_on=on,
            term_months=loan.term_months,
            grace_months=loan.grace_months,
            method=loan.method,
        )
        version_store(
            loan,
            reason=ScheduleVersion.Reason.DISBURSEMENT,
            effective_on=on,
            principal_before=0,
            interest_before=0,
            planned=planned,
        )
        loan.disbursed_on = on
        loan.status = Loan.Status.ACTIVE
        loan.save(update_fields=["disbursed_on", "status", "updated_at"])
        ledger_entry(
            LedgerEntry.Kind.DISBURSEMENT,
            on,
            Account.LOANS,
            Account.INTERMEDIARY_FUNDS,
            loan.principal,
            loan=loan,
            agreement=agreement,
            memo=f"{loan.number} 실행",
        )
    return loan


def remaining_rows(loan: Loan, after: date) -> list[Instalment]:
    """The current schedule's instalments due after a day."""
    current = loan.schedule_versions.order_by("-number").first()
    return list(current.instalments.filter(due_on__gt=after).order_by("number"))


def loan_close(loan: Loan, *, on: date, status: str, principal_paid: int, interest_paid: int) -> None:
    """End a loan (repaid or written off): an empty closing schedule version, the status and the day."""
    version_store(
        loan,
        reason=ScheduleVersion.Reason.CLOSED,
        effective_on=on,
        principal_before=principal_paid,
        interest_before=interest_paid,
        planned=[],
    )
    loan.status = status
    loan.closed_on = on
    loan.save(update_fields=["status", "closed_on", "updated_at"])


def loan_write_off(*, actor, loan: Loan, on: date, reason: str) -> Loan:
    require_manage(actor)
    if not (reason or "").strip():
        raise field_error("reason", "상각 사유를 적으십시오.")
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("agreement").get(pk=loan.pk)
        if loan.status != Loan.Status.ACTIVE:
            raise field_error("on", f"상환 중인 융자만 상각할 수 있습니다(지금: {loan.get_status_display()}).")
        position = loan_position(loan, on)
        ledger_entry(
            LedgerEntry.Kind.WRITE_OFF,
            on,
            Account.WRITE_OFFS,
            Account.LOANS,
            position.outstanding,
            loan=loan,
            memo=reason[:200],
        )
        loan_close(
            loan,
            on=on,
            status=Loan.Status.WRITTEN_OFF,
            principal_paid=position.principal_paid,
            interest_paid=position.interest_paid,
        )
    return loan
