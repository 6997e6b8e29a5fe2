"""What every fund service shares: the manage check and the double-entry ledger (an account's balance, adding an
entry). Entries are only ever added."""

from __future__ import annotations

from datetime import date

from django.db.models import Sum

from iljari.core.access import access_fund_manage, require
from iljari.fund.models import LedgerEntry

MANAGE_MESSAGE = "사회투자기금을 관리할 권한이 없습니다."


def require_manage(actor) -> None:
    """Refuse (403) an actor who does not keep the fund; `None` is the system."""
    if actor is not None:
        require(access_fund_manage(actor), MANAGE_MESSAGE)


def account_balance(account: str, *, as_of: date | None = None, **filters) -> int:
    """The balance of a ledger account (debits − credits), summed from the entries."""
    entries = LedgerEntry.objects.filter(**filters)
    if as_of is not None:
        entries = entries.filter(posted_on__lte=as_of)
    debit = entries.filter(debit=account).aggregate(s=Sum("amount"))["s"] or 0
    credit = entries.filter(credit=account).aggregate(s=Sum("amount"))["s"] or 0
    return debit - credit


def ledger_entry(kind, on, debit, credit, amount, **links) -> LedgerEntry | None:
    """Add one entry (nothing for an amount of 0 or less)."""
    if amount <= 0:
        return None
    return LedgerEntry.objects.create(kind=kind, posted_on=on, debit=debit, credit=credit, amount=amount, **links)
