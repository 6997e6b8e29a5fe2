"""fund API (read): the portfolio on a day and a loan's position and schedule, through the same scoped selectors as
the pages (a partner agency sees only the loans it is the intermediary of)."""

from __future__ import annotations

from datetime import date

from ninja import Query, Router, Schema

from iljari.core.figures import OFFICE_DATE, CodePath
from iljari.fund import selectors

router = Router(tags=["사회투자기금"])


class AsOf(Schema):
    as_of: OFFICE_DATE.schema() | None = None


class GroupOut(Schema):
    name: str
    count: int
    outstanding: int


class PortfolioOut(Schema):
    as_of: date
    count: int
    outstanding: int
    recovered_in_year: int
    by_intermediary: list[GroupOut]
    by_purpose: list[GroupOut]
    by_bucket: list[GroupOut]


class InstalmentOut(Schema):
    number: int
    due_on: date
    principal: int
    interest: int
    balance_after: int


class LoanOut(Schema):
    number: str
    borrower: str
    intermediary: str
    purpose: str
    principal: int
    annual_rate: str
    method: str
    status: str
    as_of: date
    outstanding: int | None
    days_past_due: int | None
    bucket: str | None
    payoff: int | None
    schedule: list[InstalmentOut]


def _groups(rows) -> list[dict]:
    return [{"name": str(r["name"]), "count": r["count"], "outstanding": r["outstanding"]} for r in rows]


@router.get("/portfolio", response=PortfolioOut, summary="채권 현황(기준일)")
def portfolio(request, query: Query[AsOf]):
    result = selectors.portfolio(user=request.auth, as_of=query.as_of or selectors.fund_default_day())
    return {
        "as_of": result.as_of,
        "count": result.count,
        "outstanding": result.outstanding,
        "recovered_in_year": result.recovered_in_year,
        "by_intermediary": _groups(result.by_intermediary),
        "by_purpose": _groups(result.by_purpose),
        "by_bucket": _groups(result.by_bucket),
    }


@router.get("/loans/{number}", response=LoanOut, summary="융자 한 건: 기준일 잔액·연체와 현재 상환 일정")
def loan(request, number: CodePath, query: Query[AsOf]):
    found = selectors.loan_get(user=request.auth, number=number)
    as_of = query.as_of or selectors.fund_default_day()
    position = selectors.loan_position(found, as_of) if found.disbursed_on else None
    return {
        "number": found.number,
        "borrower": found.borrower.name,
        "intermediary": found.intermediary.name,
        "purpose": found.purpose,
        "principal": found.principal,
        "annual_rate": str(found.annual_rate),
        "method": found.method,
        "status": found.status,
        "as_of": as_of,
        "outstanding": position.outstanding if position else None,
        "days_past_due": position.days_past_due if position else None,
        "bucket": position.bucket if position else None,
        "payoff": position.payoff if position else None,
        "schedule": [
            {
                "number": r.number,
                "due_on": r.due_on,
                "principal": r.principal,
                "interest": r.interest,
                "balance_after": r.balance_after,
            }
            for r in selectors.schedule_rows(loan=found)
        ],  # fmt: skip
    }
