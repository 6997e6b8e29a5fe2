"""Repayments: a deposit split into overdue interest, interest, principal due and prepaid principal; the schedule
recomputed after a prepayment; the loan closed by its last won of principal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from iljari.core.errors import field_error
from iljari.core.formats import format_won
from iljari.core.locks import unique_or
from iljari.fund.models import Account, LedgerEntry, Loan, Repayment, ScheduleVersion
from iljari.fund.schedules import BULLET, month_add, schedule_compute
from iljari.fund.schedules import Instalment as Planned
from iljari.fund.selectors import loan_position
from iljari.fund.services.ledger import ledger_entry, require_manage
from iljari.fund.services.loans import loan_close, remaining_rows, version_store


def _amount(value, field_name: str = "amount") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = Decimal(str(value).replace(",", ""))
        except (InvalidOperation, ValueError):
            raise field_error(field_name, "입금액은 원 단위 정수로 적습니다.") from None
        if value != value.to_integral_value():
            raise field_error(field_name, "입금액은 원 단위 정수로 적습니다.")
        value = int(value)
    if value <= 0:
        raise field_error(field_name, "입금액은 1원 이상이어야 합니다.")
    return value


def repayment_post(
    *,
    actor,
    loan: Loan,
    received_on: date,
    amount,
    reference: str = "",
    source: str = Repayment.Source.MANUAL,
    statement_name: str = "",
    today: date | None = None,
) -> Repayment:
    require_manage(actor)
    amount = _amount(amount)
    reference = (reference or "").strip()
    today = today or timezone.localdate()
    if received_on > today:
        raise field_error("received_on", "입금일이 오늘보다 뒤일 수 없습니다.")
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("agreement").get(pk=loan.pk)
        posted_already = field_error("reference", f"거래 고유번호 {reference}는 이미 반영된 입금입니다.")
        if reference and Repayment.objects.filter(reference=reference).exists():
            raise posted_already
        if loan.status == Loan.Status.APPROVED or loan.disbursed_on is None:
            raise field_error("received_on", f"융자 {loan.number}는 아직 실행되지 않아 상환을 받을 수 없습니다.")
        if received_on < loan.disbursed_on:
            raise field_error("received_on", f"입금일({received_on})이 실행일({loan.disbursed_on})보다 앞섭니다.")
        if loan.status != Loan.Status.ACTIVE:
            raise field_error(
                "received_on", f"융자 {loan.number}는 {loan.get_status_display()}되어 상환을 받을 수 없습니다."
            )
        latest = loan.repayments.aggregate(d=Max("received_on"))["d"]
        if latest is not None and received_on < latest:
            raise field_error("received_on", f"{latest} 입금이 이미 있어 그보다 앞선 날짜로 넣을 수 없습니다.")
        position = loan_position(loan, received_on)
        if amount > position.payoff:
            raise field_error(
                "amount",
                f"입금액 {format_won(amount)}이 이날 갚을 금액 전부({format_won(position.payoff)})보다 큽니다. "
                "초과 입금은 받지 않으니 차주에게 돌려주고 정확한 금액으로 다시 넣으십시오.",
            )
        # overdue interest, interest due, principal due; then interest a deferment carried (not yet due) and the
        # principal ahead of the schedule
        rest = amount
        overdue_interest = min(rest, position.overdue_interest_owed)
        rest -= overdue_interest
        interest = min(rest, position.interest_arrears)
        rest -= interest
        principal_due = min(rest, position.principal_arrears)
        rest -= principal_due
        carried = min(rest, position.carried_pending)
        rest -= carried
        prepaid = min(rest, position.outstanding - principal_due)
        interest += carried
        principal = principal_due + prepaid
        # the look-up above is a courtesy: the same reference posted to another loan at the same instant (that loan's
        # lock does not order them) is refused by the unique constraint, in the same words
        with unique_or(posted_already):
            repayment = Repayment.objects.create(
                loan=loan,
                received_on=received_on,
                amount=amount,
                overdue_interest=overdue_interest,
                interest=interest,
                principal=principal,
                prepaid=prepaid,
                reference=reference or f"MANUAL-{loan.number}-{timezone.now():%Y%m%d%H%M%S%f}",
                source=source,
                statement_name=statement_name[:200],
                entered_by=actor,
            )
        links = {"loan": loan, "repayment": repayment}
        ledger_entry(LedgerEntry.Kind.PRINCIPAL, received_on, Account.CASH, Account.LOANS, principal, **links)
        ledger_entry(LedgerEntry.Kind.INTEREST, received_on, Account.CASH, Account.INTEREST_INCOME, interest, **links)
        ledger_entry(
            LedgerEntry.Kind.OVERDUE_INTEREST,
            received_on,
            Account.CASH,
            Account.INTEREST_INCOME,
            overdue_interest,
            **links,
        )
        principal_paid = position.principal_paid + principal
        interest_paid = position.interest_paid + interest
        if principal_paid == loan.principal:
            loan_close(
                loan,
                on=received_on,
                status=Loan.Status.REPAID,
                principal_paid=principal_paid,
                interest_paid=interest_paid,
            )
        elif prepaid > 0:
            _prepayment_recompute(
                loan,
                on=received_on,
                principal_paid=principal_paid,
                interest_paid=interest_paid,
                carried=position.carried_pending - carried,
            )
    return repayment


def _prepayment_recompute(loan: Loan, *, on: date, principal_paid: int, interest_paid: int, carried: int = 0) -> None:
    """After a prepayment: the remaining instalments on their own due dates, the same method, the new balance;
    the remaining grace months stay interest only; interest a deferment carried and still unpaid stays on the first
    instalment."""
    remaining = remaining_rows(loan, on)
    balance = loan.principal - principal_paid
    if not remaining:  # paid ahead on the last due date: nothing later to spread over
        remaining_dates = [month_add(on, 1)]
        grace = 0
    else:
        remaining_dates = [row.due_on for row in remaining]
        grace = 0 if loan.method == BULLET else sum(1 for row in remaining[:-1] if row.principal == 0)
        grace = min(grace, len(remaining) - 1)
    planned = schedule_compute(
        principal=balance,
        annual_rate=loan.annual_rate,
        start_on=on,
        term_months=len(remaining_dates),
        grace_months=grace,
        method=loan.method,
        first_number=remaining[0].number if remaining else 1,
    )
    planned = [
        Planned(row.number, due_on, row.principal, row.interest + (carried if index == 0 else 0), row.balance_after)
        for index, (row, due_on) in enumerate(zip(planned, remaining_dates, strict=True))
    ]
    version_store(
        loan,
        reason=ScheduleVersion.Reason.PREPAYMENT,
        effective_on=on,
        principal_before=principal_paid,
        interest_before=interest_paid,
        planned=planned,
        interest_carried=carried,
    )
