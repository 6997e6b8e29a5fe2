"""The social investment fund at city scale: on the database's own book where it holds LOANS loans or more (a
generated city), otherwise on a synthetic book inside a transaction that is rolled back: LOANS loans with
60-month schedules (equal instalments, equal principal and bullet, grace 0–12 months, 0–3%), disbursed 2014–2017
and paid on time up to '18.5.31. (six lapsed), through the demo loader's bulk insert.

- the loan portfolio as of '18.5.31. (goal < 2 s), against the same figures in raw SQL as the reference: active
  loans by intermediary and purpose, the ledger balance by intermediary and purpose and by loan, each loan's
  oldest unpaid instalment;
- the twice-monthly repayment notice batch and the monthly overdue notice batch (no goal: the figures are kept).

LOANS is a module constant: the tests set it small."""

from __future__ import annotations

import random
import time
from datetime import date

from django.db import connection

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.demo.bench.base import Context, Result, scenario, time_calls
from iljari.demo.bench.data import rolled_back, time_rolled_back
from iljari.demo.fund_loader import loan_book_insert, random_loan_book, synthetic_borrowers
from iljari.fund import services
from iljari.fund.models import Account, Loan
from iljari.fund.selectors import portfolio
from iljari.org import services as org_services
from iljari.org.models import District

LOANS = 10_000
AS_OF = date(2018, 5, 31)


def synthetic_book(count: int, *, seed: int = 6) -> None:
    """`count` loans on eight synthetic intermediaries, with their agreements, schedules, payments and ledger."""
    generator = random.Random(seed)
    services.contribution_record(actor=None, amount=10**15, on=date(2013, 1, 1))
    partners = [
        org_services.partner_create(actor=None, code=f"BENCH-INT-{n}", name=f"벤치 수행기관 {n}", kind="intermediary")
        for n in range(8)
    ]
    book = random_loan_book(generator, count, partners)
    agreements = [
        services.agreement_create(
            actor=None,
            code=f"BENCH-{n}",
            intermediary=partner,
            year=2014,
            call_round=1,
            city_amount=sum(s["principal"] for s in book if s["intermediary"] == partner),
            matched_amount=None,
            max_rate="3",
            overdue_rate="5",
            starts_on=date(2014, 1, 1),
            ends_on=date(2030, 12, 31),
        )  # fmt: skip
        for n, partner in enumerate(partners)
    ]
    loan_book_insert(
        book, agreements, partners, synthetic_borrowers(count, list(District.objects.all())), prefix="BENCH"
    )


def portfolio_in_sql(as_of: date) -> int:
    """The reference: the portfolio's figures straight from the tables (counts, ledger balances, the oldest
    unpaid instalment of each loan), no ORM and no Python arithmetic."""
    assert Account.LOANS == "loans"  # the account the statements below sum, written out in them
    statements = [
        (
            "SELECT l.intermediary_id, l.purpose, COUNT(*) FROM fund_loan l"
            " WHERE l.disbursed_on <= %s AND (l.closed_on IS NULL OR l.closed_on > %s) GROUP BY 1, 2",
            [as_of] * 2,
        ),
        (
            "SELECT l.intermediary_id, l.purpose, SUM(CASE WHEN e.debit = 'loans' THEN e.amount"
            " WHEN e.credit = 'loans' THEN -e.amount ELSE 0 END)"
            " FROM fund_ledgerentry e JOIN fund_loan l ON l.id = e.loan_id WHERE e.posted_on <= %s GROUP BY 1, 2",
            [as_of],
        ),
        (
            "SELECT e.loan_id, SUM(CASE WHEN e.debit = 'loans' THEN e.amount WHEN e.credit = 'loans'"
            " THEN -e.amount ELSE 0 END) FROM fund_ledgerentry e WHERE e.posted_on <= %s GROUP BY 1",
            [as_of],
        ),
        (
            "WITH latest AS (SELECT loan_id, MAX(number) AS number FROM fund_scheduleversion WHERE effective_on <= %s"
            " GROUP BY loan_id), v AS (SELECT sv.id, sv.loan_id FROM fund_scheduleversion sv JOIN latest"
            " ON latest.loan_id = sv.loan_id AND latest.number = sv.number), p AS (SELECT loan_id,"
            " SUM(principal + interest) AS paid FROM fund_repayment WHERE received_on <= %s GROUP BY loan_id)"
            " SELECT v.loan_id, MIN(CASE WHEN i.cumulative_due > COALESCE(p.paid, 0) THEN i.due_on END)"
            " FROM v LEFT JOIN p ON p.loan_id = v.loan_id LEFT JOIN fund_instalment i ON i.version_id = v.id"
            " AND i.due_on <= %s GROUP BY v.loan_id",
            [as_of] * 3,
        ),
        (
            "SELECT kind, SUM(amount) FROM fund_ledgerentry WHERE loan_id IS NOT NULL AND posted_on >= %s"
            " AND posted_on <= %s GROUP BY kind",
            [date(as_of.year, 1, 1), as_of],
        ),
    ]
    rows = 0
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    return rows


@scenario(60)
def fund_book(ctx: Context) -> list[Result]:
    with rolled_back():
        held = Loan.objects.count()
        if held >= LOANS:  # a generated city has its book already: measure that one, not one more beside it
            ctx.say(f"융자 {held:,}건(데이터베이스의 것)")
            source = "the generated book"
        else:
            start = time.perf_counter()
            synthetic_book(LOANS)
            ctx.say(f"합성 융자 {LOANS:,}건: {time.perf_counter() - start:.1f}s")
            source = "a synthetic book (rolled back)"
        loans = Loan.objects.count()
        auditor = User.objects.create(username="bench-fund-auditor", role=Role.AUDITOR)
        book: list = []
        timings = time_calls(lambda: book.append(portfolio(user=auditor, as_of=AS_OF)), ctx.repeat)
        reference = time_calls(lambda: portfolio_in_sql(AS_OF), ctx.repeat)
        results = [
            Result(
                name=f"loan portfolio as of '18.5.31., {loans:,} loans",
                goal="< 2 s",
                timings_s=timings,
                met=max(timings) < 2,
                reference="the same figures in raw SQL",
                reference_timings_s=reference,
                note=f"{book[-1].count:,} active loans of {source}; by intermediary, purpose and delinquency bucket",
            )
        ]
        for kind, start_on, end_on, label in (
            ("repayment", date(2018, 6, 1), date(2018, 6, 15), "repayment notices, '18.6.1.–6.15."),
            ("overdue", date(2018, 5, 1), date(2018, 5, 31), "overdue notices, '18.5."),
        ):
            timings, made = time_rolled_back(
                lambda kind=kind, s=start_on, e=end_on: services.notices_generate(
                    kind=kind, period_start=s, period_end=e
                ),
                ctx.repeat,
            )
            results.append(Result(name=f"{label}, {loans:,} loans", goal="—", timings_s=timings, note=f"{made:,}건"))
    return results
