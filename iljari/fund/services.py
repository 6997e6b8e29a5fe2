"""fund services — the social investment fund's writes.

Contract:
- contribution_record(*, actor, amount, on, memo="") -> LedgerEntry          the city's 출연금 into the fund
- agreement_create(*, actor, code, intermediary, year, call_round, city_amount, matched_amount, max_rate,
      overdue_rate, starts_on, ends_on, reporting_duties="") -> Agreement
      the city's money is allocated to the intermediary at 0% (a ledger entry); refused beyond the fund's cash.
- loan_register(*, actor, number, borrower, agreement, purpose, principal, annual_rate, term_months,
      grace_months, method) -> Loan        the rate at most the agreement's cap; the schedule must be computable.
- loan_disburse(*, actor, loan, on) -> Loan
      inside the agreement's period and its remaining allocation; stores schedule version 1; a ledger entry.
- repayment_post(*, actor, loan, received_on, amount, reference="", source="manual", statement_name="")
      -> Repayment   split into overdue interest, interest due, principal due, then prepaid principal (the schedule
      recomputed: same due dates and method, the new balance); a payment larger than the payoff of the day is
      refused (the office does not take money it would have to refund). The last won of principal closes the loan.
- statement_import(*, actor, data, file_name="") -> StatementResult
      a bank statement (STATEMENT_COLUMNS): rows checked and posted in date order; a reference already posted (or
      repeated in the file) is skipped, so the same statement twice changes nothing; any bad row: nothing written,
      every error named by its row.
- loan_write_off(*, actor, loan, on, reason) -> Loan
- deferment_request(*, actor, loan, kind, months, requested_on, reason) -> DefermentRequest
- deferment_decide(*, actor, request, held_on, approve, note="") -> DefermentRequest
      the monthly committee's decision; approval starts a new schedule from the decision date (상환유예: principal
      paused `months` months, interest only; 이행연기: maturity `months` later); the old version kept, superseded.
- investment_commit(*, actor, code, name, committed, committed_on, manager="", approval="") -> Investment
- investment_call(*, actor, investment, amount, on) -> LedgerEntry       capital paid in: at most the commitment
      left and the fund's cash
- investment_distribute(*, actor, investment, amount, on) -> list[LedgerEntry]
      returns capital up to what is paid in, the rest is income
- notices_generate(*, kind, period_start, period_end, progress=None) -> int   (the batch; also the job's task)
- notices_batch_start(*, actor, kind, period_start, period_end) -> BackgroundJob

`actor=None` is the system (demo loader, tests' set-up). Mistakes raise ValidationFailed with Korean messages and
write nothing. Ledger entries are only ever added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from iljari.core.access import access_fund_manage, require
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.fund.models import (
    Account,
    Agreement,
    CommitteeMeeting,
    DefermentRequest,
    Instalment,
    Investment,
    LedgerEntry,
    Loan,
    Notice,
    Repayment,
    ScheduleVersion,
)
from iljari.fund.schedules import BULLET, month_add, schedule_check, schedule_compute
from iljari.fund.schedules import Instalment as Planned
from iljari.fund.selectors import loan_position

MANAGE_MESSAGE = "사회투자기금을 관리할 권한이 없습니다."


def _require_manage(actor) -> None:
    if actor is not None:
        require(access_fund_manage(actor), MANAGE_MESSAGE)


def _fail(field_name: str, message: str):
    raise ValidationFailed(message, field_errors={field_name: [message]})


def _won(value: int) -> str:
    return f"{value:,}원"


def account_balance(account: str, *, as_of: date | None = None, **filters) -> int:
    """The balance of a ledger account (debits − credits), summed from the entries."""
    entries = LedgerEntry.objects.filter(**filters)
    if as_of is not None:
        entries = entries.filter(posted_on__lte=as_of)
    debit = entries.filter(debit=account).aggregate(s=Sum("amount"))["s"] or 0
    credit = entries.filter(credit=account).aggregate(s=Sum("amount"))["s"] or 0
    return debit - credit


def _entry(kind, on, debit, credit, amount, **links) -> LedgerEntry | None:
    if amount <= 0:
        return None
    return LedgerEntry.objects.create(kind=kind, posted_on=on, debit=debit, credit=credit, amount=amount, **links)


# --- contributions and agreements -------------------------------------------------------------------------


def contribution_record(*, actor, amount: int, on: date, memo: str = "") -> LedgerEntry:
    _require_manage(actor)
    if not isinstance(amount, int) or amount <= 0:
        _fail("amount", "출연금은 1원 이상이어야 합니다.")
    with transaction.atomic():
        return _entry(
            LedgerEntry.Kind.CONTRIBUTION, on, Account.CASH, Account.CONTRIBUTIONS, amount, memo=memo or "시 출연금"
        )


def _rate(value, field_name: str, label: str) -> Decimal:
    try:
        rate = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        _fail(field_name, f"{label}을 숫자로 적으십시오.")
    if rate < 0 or rate > 100:
        _fail(field_name, f"{label}은 0% 이상 100% 이하여야 합니다.")
    if rate * 1000 != (rate * 1000).to_integral_value():
        _fail(field_name, f"{label}은 소수점 셋째 자리까지 적습니다.")
    return rate


def agreement_create(
    *,
    actor,
    code: str,
    intermediary,
    year: int,
    call_round: int,
    city_amount: int,
    matched_amount: int | None,
    max_rate,
    overdue_rate,
    starts_on: date,
    ends_on: date,
    reporting_duties: str = "",
) -> Agreement:
    _require_manage(actor)
    max_rate = _rate(max_rate, "max_rate", "최고 대출금리")
    overdue_rate = _rate(overdue_rate, "overdue_rate", "연체이자율")
    if city_amount is None or city_amount <= 0:
        _fail("city_amount", "시 기금 배정액은 1원 이상이어야 합니다.")
    if matched_amount is not None and matched_amount < 0:
        _fail("matched_amount", "수행기관 매칭액은 0원 이상이어야 합니다.")
    if ends_on < starts_on:
        _fail("ends_on", "협약 종료일이 시작일보다 앞설 수 없습니다.")
    if intermediary.kind != "intermediary":
        _fail("intermediary", f"{intermediary.name}은(는) 수행기관으로 등록된 기관이 아닙니다.")
    if Agreement.objects.filter(code=code).exists():
        _fail("code", f"협약번호 {code}는 이미 있습니다.")
    with transaction.atomic():
        cash = account_balance(Account.CASH, as_of=starts_on)
        if city_amount > cash:
            _fail("city_amount", f"기금 잔액({_won(cash)})보다 큰 금액은 배정할 수 없습니다.")
        agreement = Agreement.objects.create(
            code=code,
            intermediary=intermediary,
            year=year,
            call_round=call_round,
            city_amount=city_amount,
            matched_amount=matched_amount,
            max_rate=max_rate,
            overdue_rate=overdue_rate,
            starts_on=starts_on,
            ends_on=ends_on,
            reporting_duties=reporting_duties,
        )
        _entry(
            LedgerEntry.Kind.ALLOCATION,
            starts_on,
            Account.INTERMEDIARY_FUNDS,
            Account.CASH,
            city_amount,
            agreement=agreement,
            memo=f"{intermediary.name} 배정(0%)",
        )
    return agreement


# --- loans ----------------------------------------------------------------------------------------------


def loan_check(*, agreement: Agreement, principal, annual_rate, term_months, grace_months, method, purpose) -> Decimal:
    """The Korean reasons a loan's terms cannot stand (ValidationFailed); the rate as Decimal otherwise."""
    rate = _rate(annual_rate, "annual_rate", "대출금리")
    if rate > agreement.max_rate:
        _fail("annual_rate", f"대출금리 {rate:.3f}%가 협약의 최고금리 {agreement.max_rate:.3f}%를 넘습니다.")
    if purpose not in Loan.Purpose.values:
        _fail("purpose", "용도는 사회적경제기업, 사회적가치 프로젝트, 사회주택 중 하나입니다.")
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
    _require_manage(actor)
    number = (number or "").strip()
    if not number:
        _fail("number", "융자번호를 적으십시오.")
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
        _fail("number", f"융자번호 {number}는 이미 있습니다.")
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


def _version_store(
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


def loan_disburse(*, actor, loan: Loan, on: date) -> Loan:
    _require_manage(actor)
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("agreement", "intermediary").get(pk=loan.pk)
        if loan.status != Loan.Status.APPROVED:
            _fail("on", f"융자 {loan.number}는 이미 실행되었습니다.")
        agreement = loan.agreement
        if not agreement.starts_on <= on <= agreement.ends_on:
            _fail("on", f"실행일이 협약 기간({agreement.starts_on}~{agreement.ends_on}) 밖입니다.")
        available = account_balance(Account.INTERMEDIARY_FUNDS, as_of=on, agreement=agreement)
        if loan.principal > available:
            _fail("on", f"협약의 남은 배정금({_won(max(available, 0))})보다 큰 융자는 실행할 수 없습니다.")
        planned = schedule_compute(
            principal=loan.principal,
            annual_rate=loan.annual_rate,
            start_on=on,
            term_months=loan.term_months,
            grace_months=loan.grace_months,
            method=loan.method,
        )
        _version_store(
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
        _entry(
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


# --- positions ------------------------------------------------------------------------------------------


def _current_version(loan: Loan) -> ScheduleVersion:
    return loan.schedule_versions.order_by("-number").first()


def _remaining_rows(loan: Loan, after: date) -> list[Instalment]:
    return list(_current_version(loan).instalments.filter(due_on__gt=after).order_by("number"))


def _recompute(loan: Loan, *, reason: str, on: date, principal_paid: int, interest_paid: int, planned) -> None:
    _version_store(
        loan,
        reason=reason,
        effective_on=on,
        principal_before=principal_paid,
        interest_before=interest_paid,
        planned=planned,
    )


def _close(loan: Loan, *, on: date, status: str, principal_paid: int, interest_paid: int) -> None:
    _recompute(
        loan,
        reason=ScheduleVersion.Reason.CLOSED,
        on=on,
        principal_paid=principal_paid,
        interest_paid=interest_paid,
        planned=[],
    )
    loan.status = status
    loan.closed_on = on
    loan.save(update_fields=["status", "closed_on", "updated_at"])


# --- repayments -----------------------------------------------------------------------------------------


def _amount(value, field_name: str = "amount") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = Decimal(str(value).replace(",", ""))
        except (InvalidOperation, ValueError):
            _fail(field_name, "입금액은 원 단위 정수로 적습니다.")
        if value != value.to_integral_value():
            _fail(field_name, "입금액은 원 단위 정수로 적습니다.")
        value = int(value)
    if value <= 0:
        _fail(field_name, "입금액은 1원 이상이어야 합니다.")
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
    _require_manage(actor)
    amount = _amount(amount)
    reference = (reference or "").strip()
    today = today or timezone.localdate()
    if received_on > today:
        _fail("received_on", "입금일이 오늘보다 뒤일 수 없습니다.")
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("agreement").get(pk=loan.pk)
        if reference and Repayment.objects.filter(reference=reference).exists():
            _fail("reference", f"거래 고유번호 {reference}는 이미 반영된 입금입니다.")
        if loan.status == Loan.Status.APPROVED or loan.disbursed_on is None:
            _fail("received_on", f"융자 {loan.number}는 아직 실행되지 않아 상환을 받을 수 없습니다.")
        if received_on < loan.disbursed_on:
            _fail("received_on", f"입금일({received_on})이 실행일({loan.disbursed_on})보다 앞섭니다.")
        if loan.status != Loan.Status.ACTIVE:
            _fail("received_on", f"융자 {loan.number}는 {loan.get_status_display()}되어 상환을 받을 수 없습니다.")
        latest = loan.repayments.aggregate(d=Max("received_on"))["d"]
        if latest is not None and received_on < latest:
            _fail("received_on", f"{latest} 입금이 이미 있어 그보다 앞선 날짜로 넣을 수 없습니다.")
        position = loan_position(loan, received_on)
        if amount > position.payoff:
            _fail(
                "amount",
                f"입금액 {_won(amount)}이 이날 갚을 금액 전부({_won(position.payoff)})보다 큽니다. "
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
        _entry(LedgerEntry.Kind.PRINCIPAL, received_on, Account.CASH, Account.LOANS, principal, **links)
        _entry(LedgerEntry.Kind.INTEREST, received_on, Account.CASH, Account.INTEREST_INCOME, interest, **links)
        _entry(
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
            _close(
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
    remaining = _remaining_rows(loan, on)
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
    _version_store(
        loan,
        reason=ScheduleVersion.Reason.PREPAYMENT,
        effective_on=on,
        principal_before=principal_paid,
        interest_before=interest_paid,
        planned=planned,
        interest_carried=carried,
    )


def loan_write_off(*, actor, loan: Loan, on: date, reason: str) -> Loan:
    _require_manage(actor)
    if not (reason or "").strip():
        _fail("reason", "상각 사유를 적으십시오.")
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("agreement").get(pk=loan.pk)
        if loan.status != Loan.Status.ACTIVE:
            _fail("on", f"상환 중인 융자만 상각할 수 있습니다(지금: {loan.get_status_display()}).")
        position = loan_position(loan, on)
        _entry(
            LedgerEntry.Kind.WRITE_OFF,
            on,
            Account.WRITE_OFFS,
            Account.LOANS,
            position.outstanding,
            loan=loan,
            memo=reason[:200],
        )
        _close(
            loan,
            on=on,
            status=Loan.Status.WRITTEN_OFF,
            principal_paid=position.principal_paid,
            interest_paid=position.interest_paid,
        )
    return loan


# --- bank statements ------------------------------------------------------------------------------------


@dataclass
class StatementResult:
    posted: int = 0
    skipped: list[str] = field(default_factory=list)


def statement_columns():
    from iljari.core.xlsx import Column

    return [
        Column("received_on", "거래일자", "date"),
        Column("reference", "거래고유번호"),
        Column("loan", "융자번호"),
        Column("amount", "입금액", "int"),
        Column("payer", "입금자", required=False),
    ]


def statement_import(*, actor, data: bytes, file_name: str = "", today: date | None = None) -> StatementResult:
    """Post a bank statement's deposits (see the module docstring)."""
    from iljari.core.xlsx import xlsx_rows

    _require_manage(actor)
    rows = xlsx_rows(data=data, columns=statement_columns(), title="입금 내역")
    result = StatementResult()
    errors: list[str] = []
    seen: dict[str, int] = {}
    references = {str(row.get("reference")) for row in rows}
    posted = set(Repayment.objects.filter(reference__in=references).values_list("reference", flat=True))
    numbers = {str(row.get("loan")) for row in rows}
    loans = {loan.number: loan for loan in Loan.objects.filter(number__in=numbers).select_related("agreement")}
    todo = []
    for row in rows:
        line, reference = row["_row"], str(row["reference"])
        if reference in seen:
            result.skipped.append(
                f"{line}행: {seen[reference]}행과 같은 거래(거래고유번호 {reference})라 건너뛰었습니다."
            )
            continue
        seen[reference] = line
        if reference in posted:
            result.skipped.append(f"{line}행: 거래고유번호 {reference}는 이미 반영되어 건너뛰었습니다.")
            continue
        loan = loans.get(str(row["loan"]))
        if loan is None:
            errors.append(f"{line}행 '융자번호': {row['loan']} 융자가 없습니다.")
            continue
        todo.append((row["received_on"], line, loan, row))
    if errors:
        raise ValidationFailed(
            "입금 내역에 잘못된 행이 있어 아무것도 반영하지 않았습니다.", field_errors={"file": errors}
        )
    todo.sort(key=lambda item: (item[0], item[1]))
    with transaction.atomic():
        for received_on, line, loan, row in todo:
            try:
                with transaction.atomic():
                    repayment_post(
                        actor=actor,
                        loan=loan,
                        received_on=received_on,
                        amount=row["amount"],
                        reference=str(row["reference"]),
                        source=Repayment.Source.STATEMENT,
                        statement_name=file_name,
                        today=today,
                    )
                result.posted += 1
            except ValidationFailed as error:
                errors.append(f"{line}행: {' '.join(sum(error.field_errors.values(), [])) or error.message}")
        if errors:
            raise ValidationFailed(
                "입금 내역에 잘못된 행이 있어 아무것도 반영하지 않았습니다.", field_errors={"file": errors}
            )
    return result


# --- deferment and extension ----------------------------------------------------------------------------


def deferment_request(
    *, actor, loan: Loan, kind: str, months: int, requested_on: date, reason: str
) -> DefermentRequest:
    _require_manage(actor)
    if kind not in DefermentRequest.Kind.values:
        _fail("kind", "구분은 상환유예 또는 이행연기입니다.")
    if not isinstance(months, int) or not 1 <= months <= 36:
        _fail("months", "유예·연기 기간은 1개월에서 36개월 사이입니다.")
    if not (reason or "").strip():
        _fail("reason", "신청 사유를 적으십시오.")
    if loan.status in (Loan.Status.REPAID, Loan.Status.WRITTEN_OFF):
        _fail("loan", f"융자 {loan.number}는 {loan.get_status_display()}되어(종결) 유예·연기를 신청할 수 없습니다.")
    if loan.status != Loan.Status.ACTIVE:
        _fail("loan", f"융자 {loan.number}는 아직 실행되지 않았습니다.")
    if loan.deferments.filter(status=DefermentRequest.Status.REQUESTED).exists():
        _fail("loan", f"융자 {loan.number}에는 심의를 기다리는 신청이 이미 있습니다.")
    return DefermentRequest.objects.create(
        loan=loan, kind=kind, months=months, requested_on=requested_on, reason=reason.strip()
    )


def deferment_decide(
    *, actor, request: DefermentRequest, held_on: date, approve: bool, note: str = ""
) -> DefermentRequest:
    _require_manage(actor)
    with transaction.atomic():
        request = DefermentRequest.objects.select_for_update().get(pk=request.pk)
        loan = Loan.objects.select_for_update().select_related("agreement").get(pk=request.loan_id)
        if request.status != DefermentRequest.Status.REQUESTED:
            _fail("held_on", "이미 심의가 끝난 신청입니다.")
        if held_on < request.requested_on:
            _fail("held_on", f"심의일이 신청일({request.requested_on})보다 앞설 수 없습니다.")
        if loan.status != Loan.Status.ACTIVE:
            _fail("held_on", f"융자 {loan.number}는 {loan.get_status_display()}되어(종결) 유예·연기할 수 없습니다.")
        latest = loan.repayments.aggregate(d=Max("received_on"))["d"]
        if latest is not None and held_on < latest:
            _fail("held_on", f"{latest} 입금보다 앞선 날짜로 새 일정을 시작할 수 없습니다.")
        meeting, _ = CommitteeMeeting.objects.get_or_create(
            held_on=held_on,
            defaults={"title": f"{held_on.year}년 {held_on.month}월 상환유예 및 이행연기 특약 심의위원회"},
        )
        request.meeting = meeting
        request.decided_on = held_on
        request.decision_note = note
        request.status = DefermentRequest.Status.APPROVED if approve else DefermentRequest.Status.REJECTED
        if approve:
            request.schedule_version = _deferment_schedule(loan, request, held_on)
        request.save(
            update_fields=["meeting", "decided_on", "decision_note", "status", "schedule_version", "updated_at"]
        )
    return request


def _deferment_schedule(loan: Loan, request: DefermentRequest, on: date) -> ScheduleVersion:
    """The new schedule from the decision date: the outstanding principal (arrears included) over the instalments
    left plus the months granted; interest billed but unpaid is added to the first new instalment."""
    position = loan_position(loan, on)
    remaining = _remaining_rows(loan, on)
    left = max(len(remaining), 1)
    grace_left = 0 if loan.method == BULLET else sum(1 for row in remaining[:-1] if row.principal == 0)
    term = left + request.months
    grace = grace_left + request.months if request.kind == DefermentRequest.Kind.DEFERMENT else grace_left
    grace = min(grace, term - 1)
    planned = schedule_compute(
        principal=position.outstanding,
        annual_rate=loan.annual_rate,
        start_on=on,
        term_months=term,
        grace_months=grace,
        method=loan.method,
        first_number=1,
    )
    carried = position.interest_arrears
    if carried:
        first = planned[0]
        planned[0] = Planned(first.number, first.due_on, first.principal, first.interest + carried, first.balance_after)
    reason = (
        ScheduleVersion.Reason.DEFERMENT
        if request.kind == DefermentRequest.Kind.DEFERMENT
        else ScheduleVersion.Reason.EXTENSION
    )
    return _version_store(
        loan,
        reason=reason,
        effective_on=on,
        principal_before=position.principal_paid,
        interest_before=position.interest_paid,
        planned=planned,
        interest_carried=carried,
    )


# --- notices --------------------------------------------------------------------------------------------


def notices_generate(*, kind: str, period_start: date, period_end: date, progress=None) -> int:
    """Record the notices of a period for the loans due: the repayment notice for every active loan with an
    instalment due in [period_start, period_end] (the amount due in it); the overdue notice for every active loan
    in arrears at the end of period_end (the arrears and the overdue interest owed). Loans already noticed for the
    period are left alone. Returns the number of notices recorded."""
    from iljari.fund.selectors import loans_due_in, loans_in_arrears

    if kind not in Notice.Kind.values:
        _fail("kind", "고지 구분은 원리금 상환고지 또는 미납·연체고지입니다.")
    if period_end < period_start:
        _fail("period_end", "고지 기간의 끝이 시작보다 앞설 수 없습니다.")
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
    with transaction.atomic():
        count = rows_insert(
            Notice, ("loan", "kind", "period_start", "period_end", "amount", "days_past_due", "generated_at"), rows
        )
    if progress:
        progress(len(rows), len(rows), "완료")
    return count


def notices_batch_start(*, actor, kind: str, period_start: date, period_end: date):
    from iljari.core.jobs import job_start
    from iljari.fund.tasks import notices_batch

    _require_manage(actor)
    if kind not in Notice.Kind.values:
        _fail("kind", "고지 구분은 원리금 상환고지 또는 미납·연체고지입니다.")
    if period_end < period_start:
        _fail("period_end", "고지 기간의 끝이 시작보다 앞설 수 없습니다.")
    label = Notice.Kind(kind).label
    return job_start(
        actor=actor,
        kind="fund_notices",
        title=f"{label} {period_start}~{period_end}",
        task=notices_batch,
        notice_kind=kind,
        period_start=period_start.isoformat(),
        period_end=period_end.isoformat(),
    )


# --- investments ----------------------------------------------------------------------------------------


def investment_commit(
    *, actor, code: str, name: str, committed: int, committed_on: date, manager: str = "", approval: str = ""
) -> Investment:
    _require_manage(actor)
    if not (name or "").strip():
        _fail("name", "출자 대상을 적으십시오.")
    if not isinstance(committed, int) or committed <= 0:
        _fail("committed", "출자 약정액은 1원 이상이어야 합니다.")
    if Investment.objects.filter(code=code).exists():
        _fail("code", f"출자번호 {code}는 이미 있습니다.")
    return Investment.objects.create(
        code=code, name=name.strip(), committed=committed, committed_on=committed_on, manager=manager,
        approval=approval,
    )  # fmt: skip


def investment_paid_in(investment: Investment, *, as_of: date | None = None) -> int:
    """Capital called and not yet returned (the investment's balance in the ledger)."""
    return account_balance(Account.INVESTMENTS, as_of=as_of, investment=investment)


def investment_call(*, actor, investment: Investment, amount: int, on: date) -> LedgerEntry:
    _require_manage(actor)
    if not isinstance(amount, int) or amount <= 0:
        _fail("amount", "납입액은 1원 이상이어야 합니다.")
    if on < investment.committed_on:
        _fail("on", f"납입일이 약정일({investment.committed_on})보다 앞설 수 없습니다.")
    with transaction.atomic():
        Investment.objects.select_for_update().get(pk=investment.pk)
        called = (
            LedgerEntry.objects.filter(investment=investment, kind=LedgerEntry.Kind.INVESTMENT_CALL).aggregate(
                s=Sum("amount")
            )["s"]
            or 0
        )
        left = investment.committed - called
        if amount > left:
            _fail("amount", f"납입액 {_won(amount)}이 남은 약정액({_won(left)})보다 큽니다.")
        cash = account_balance(Account.CASH, as_of=on)
        if amount > cash:
            _fail("amount", f"기금 잔액({_won(cash)})보다 큰 금액은 납입할 수 없습니다.")
        return _entry(
            LedgerEntry.Kind.INVESTMENT_CALL, on, Account.INVESTMENTS, Account.CASH, amount, investment=investment,
            memo=f"{investment.name} 출자 납입",
        )  # fmt: skip


def investment_distribute(*, actor, investment: Investment, amount: int, on: date) -> list[LedgerEntry]:
    _require_manage(actor)
    if not isinstance(amount, int) or amount <= 0:
        _fail("amount", "분배액은 1원 이상이어야 합니다.")
    with transaction.atomic():
        Investment.objects.select_for_update().get(pk=investment.pk)
        paid_in = investment_paid_in(investment)
        capital = min(amount, paid_in)
        entries = [
            _entry(LedgerEntry.Kind.DISTRIBUTION, on, Account.CASH, Account.INVESTMENTS, capital,
                   investment=investment, memo="출자금 회수"),
            _entry(LedgerEntry.Kind.DISTRIBUTION, on, Account.CASH, Account.INVESTMENT_INCOME, amount - capital,
                   investment=investment, memo="출자 수익"),
        ]  # fmt: skip
    return [entry for entry in entries if entry is not None]
