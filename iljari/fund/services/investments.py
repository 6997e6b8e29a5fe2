"""The fund's own investments (출자): commitments, capital calls paid from the fund's cash, and distributions
(capital returned up to what is paid in, the rest income)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Sum

from iljari.core.errors import field_error
from iljari.core.formats import format_won
from iljari.fund.models import Account, Investment, LedgerEntry
from iljari.fund.services.ledger import account_balance, ledger_entry, require_manage


def investment_commit(
    *, actor, code: str, name: str, committed: int, committed_on: date, manager: str = "", approval: str = ""
) -> Investment:
    require_manage(actor)
    if not (name or "").strip():
        raise field_error("name", "출자 대상을 적으십시오.")
    if not isinstance(committed, int) or committed <= 0:
        raise field_error("committed", "출자 약정액은 1원 이상이어야 합니다.")
    if Investment.objects.filter(code=code).exists():
        raise field_error("code", f"출자번호 {code}는 이미 있습니다.")
    return Investment.objects.create(
        code=code, name=name.strip(), committed=committed, committed_on=committed_on, manager=manager,
        approval=approval,
    )  # fmt: skip


def investment_paid_in(investment: Investment, *, as_of: date | None = None) -> int:
    """Capital called and not yet returned (the investment's balance in the ledger)."""
    return account_balance(Account.INVESTMENTS, as_of=as_of, investment=investment)


def investment_call(*, actor, investment: Investment, amount: int, on: date) -> LedgerEntry:
    require_manage(actor)
    if not isinstance(amount, int) or amount <= 0:
        raise field_error("amount", "납입액은 1원 이상이어야 합니다.")
    if on < investment.committed_on:
        raise field_error("on", f"납입일이 약정일({investment.committed_on})보다 앞설 수 없습니다.")
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
            raise field_error("amount", f"납입액 {format_won(amount)}이 남은 약정액({format_won(left)})보다 큽니다.")
        cash = account_balance(Account.CASH, as_of=on)
        if amount > cash:
            raise field_error("amount", f"기금 잔액({format_won(cash)})보다 큰 금액은 납입할 수 없습니다.")
        return ledger_entry(
            LedgerEntry.Kind.INVESTMENT_CALL, on, Account.INVESTMENTS, Account.CASH, amount, investment=investment,
            memo=f"{investment.name} 출자 납입",
        )  # fmt: skip


def investment_distribute(*, actor, investment: Investment, amount: int, on: date) -> list[LedgerEntry]:
    require_manage(actor)
    if not isinstance(amount, int) or amount <= 0:
        raise field_error("amount", "분배액은 1원 이상이어야 합니다.")
    with transaction.atomic():
        Investment.objects.select_for_update().get(pk=investment.pk)
        paid_in = investment_paid_in(investment)
        capital = min(amount, paid_in)
        entries = [
            ledger_entry(LedgerEntry.Kind.DISTRIBUTION, on, Account.CASH, Account.INVESTMENTS, capital,
                         investment=investment, memo="출자금 회수"),
            ledger_entry(LedgerEntry.Kind.DISTRIBUTION, on, Account.CASH, Account.INVESTMENT_INCOME,
                         amount - capital, investment=investment, memo="출자 수익"),
        ]  # fmt: skip
    return [entry for entry in entries if entry is not None]
