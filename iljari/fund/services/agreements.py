"""The city's contributions into the fund and the intermediary agreements (the city's money allocated to an
intermediary at 0%); the rate checks the agreements and loans share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from iljari.core.errors import field_error
from iljari.core.formats import format_won
from iljari.core.korean import with_topic
from iljari.fund.models import Account, Agreement, LedgerEntry
from iljari.fund.services.ledger import account_balance, ledger_entry, require_manage


def contribution_record(*, actor, amount: int, on: date, memo: str = "") -> LedgerEntry:
    require_manage(actor)
    if not isinstance(amount, int) or amount <= 0:
        raise field_error("amount", "출연금은 1원 이상이어야 합니다.")
    with transaction.atomic():
        return ledger_entry(
            LedgerEntry.Kind.CONTRIBUTION, on, Account.CASH, Account.CONTRIBUTIONS, amount, memo=memo or "시 출연금"
        )


def rate_clean(value, field_name: str, label: str) -> Decimal:
    """A yearly rate in % (0–100, at most three decimals), or the field's Korean error."""
    try:
        rate = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise field_error(field_name, f"{label}을 숫자로 적으십시오.") from None
    if rate < 0 or rate > 100:
        raise field_error(field_name, f"{label}은 0% 이상 100% 이하여야 합니다.")
    if rate * 1000 != (rate * 1000).to_integral_value():
        raise field_error(field_name, f"{label}은 소수점 셋째 자리까지 적습니다.")
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
    require_manage(actor)
    max_rate = rate_clean(max_rate, "max_rate", "최고 대출금리")
    overdue_rate = rate_clean(overdue_rate, "overdue_rate", "연체이자율")
    if city_amount is None or city_amount <= 0:
        raise field_error("city_amount", "시 기금 배정액은 1원 이상이어야 합니다.")
    if matched_amount is not None and matched_amount < 0:
        raise field_error("matched_amount", "수행기관 매칭액은 0원 이상이어야 합니다.")
    if ends_on < starts_on:
        raise field_error("ends_on", "협약 종료일이 시작일보다 앞설 수 없습니다.")
    if intermediary.kind != "intermediary":
        raise field_error("intermediary", f"{with_topic(intermediary.name)} 수행기관으로 등록된 기관이 아닙니다.")
    if Agreement.objects.filter(code=code).exists():
        raise field_error("code", f"협약번호 {code}는 이미 있습니다.")
    with transaction.atomic():
        cash = account_balance(Account.CASH, as_of=starts_on)
        if city_amount > cash:
            raise field_error("city_amount", f"기금 잔액({format_won(cash)})보다 큰 금액은 배정할 수 없습니다.")
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
        ledger_entry(
            LedgerEntry.Kind.ALLOCATION,
            starts_on,
            Account.INTERMEDIARY_FUNDS,
            Account.CASH,
            city_amount,
            agreement=agreement,
            memo=f"{intermediary.name} 배정(0%)",
        )
    return agreement
