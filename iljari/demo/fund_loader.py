"""Demo fund: the 2018 report's social investment fund (iljari/demo/dataset/fund.py).

The book on '18.5.31. is built from loans and payments, not a stored total: 127 loans outstanding for exactly
41,781백만원, and 2,020백만원 of principal recovered from January to May 2018 — on-time instalments of the amortising
loans plus a few bullet loans that matured and were repaid in 2018. Six bullet loans stopped paying interest at
different months (they fill the delinquency buckets without touching principal). Borrowers, terms and dates are
generated from a fixed seed; loans, schedules, payments and ledger entries are bulk-inserted (core.bulk.rows_insert)
so the demo build stays fast. Contributions and agreements go through the fund's services.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from iljari.core.bulk import rows_insert
from iljari.demo.dataset import fund as data
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises.models import Organisation
from iljari.fund import services
from iljari.fund.models import (
    Account,
    Agreement,
    Instalment,
    LedgerEntry,
    Loan,
    Repayment,
    ScheduleVersion,
    YearPlan,
)
from iljari.fund.schedules import schedule_compute
from iljari.org import services as org_services
from iljari.org.models import District, Partner

SEED = 2018
AS_OF = date(*data.AS_OF)
YEAR_START = date(2018, 1, 1)
BOOK_AGREEMENT = "BOOK-2017"  # the book the city took over on '17.4.1., one agreement per intermediary
LAPSED_FROM = [date(2018, 6, 1), date(2018, 5, 1), date(2018, 3, 1), date(2018, 2, 1), date(2017, 12, 1)] + [
    date(2018, 4, 1)
]  # six bullet loans pay no interest due on or after these days


def _intermediaries() -> list[Partner]:
    partners = []
    for code, name in data.INTERMEDIARIES:
        partner = Partner.objects.filter(code=code).first()
        partners.append(
            partner
            or org_services.partner_create(
                actor=None, code=code, name=name, kind="intermediary", entrusted_task="사회투자기금 융자 수행"
            )
        )
    return partners


def _shape(generator: random.Random, number: int, outstanding: bool) -> dict:
    """A generated loan: purpose, method, term, grace, rate and disbursement date."""
    purpose = generator.choices(["enterprise", "project", "social_housing"], weights=[60, 15, 25])[0]
    if not outstanding:  # a bullet loan maturing between January and May 2018
        disbursed = date(2015, generator.randrange(1, 6), generator.randrange(1, 29))
        return {"purpose": purpose, "method": "bullet", "term": 36, "grace": 0, "rate": Decimal("2"),
                "disbursed_on": disbursed}  # fmt: skip
    if purpose == "social_housing":
        method, term, grace = "bullet", generator.choice([60, 84, 96]), 0
    else:
        method = generator.choices(["bullet", "equal_principal", "annuity"], weights=[50, 25, 25])[0]
        term = generator.choice([48, 60, 72])
        grace = 0 if method == "bullet" else generator.choice([12, 24])
    disbursed = date(generator.randrange(2015, 2018), generator.randrange(1, 13), generator.randrange(1, 29))
    if number < 10:
        disbursed = date(2018, generator.randrange(1, 4), generator.randrange(1, 29))
    rate = Decimal(generator.choice(["1", "1.5", "2", "2.5", "3"]))
    return {"purpose": purpose, "method": method, "term": term, "grace": grace, "rate": rate, "disbursed_on": disbursed}


def _schedule(shape: dict, principal: int):
    return schedule_compute(
        principal=principal,
        annual_rate=shape["rate"],
        start_on=shape["disbursed_on"],
        term_months=shape["term"],
        grace_months=shape["grace"],
        method=shape["method"],
    )


def _paid_principal(rows, start: date, end: date) -> int:
    return sum(row.principal for row in rows if start <= row.due_on <= end)


def _book(generator: random.Random) -> list[dict]:
    """The loans: 127 outstanding on '18.5.31. for exactly 41,781백만원, and the bullet loans repaid in 2018 that
    bring the year's recovered principal to exactly 2,020백만원."""
    loans = []
    for number in range(data.OUTSTANDING_LOANS):
        shape = _shape(generator, number, True)
        low, high = (300, 1_500) if shape["purpose"] == "social_housing" else (50, 700)
        shape["principal"] = generator.randrange(low, high, 10) * data.WON_MILLION
        loans.append(shape)
    # the last loan: a social-housing bullet loan, whose principal is its outstanding balance, takes the difference
    loans[-1].update(purpose="social_housing", method="bullet", term=96, grace=0)
    for _ in range(3):
        outstanding = sum(
            shape["principal"] - _paid_principal(_schedule(shape, shape["principal"]), date(2000, 1, 1), AS_OF)
            for shape in loans
        )
        scale = data.OUTSTANDING / outstanding
        for shape in loans[:-1]:
            shape["principal"] = max(int(shape["principal"] * scale) // data.WON_MILLION, 10) * data.WON_MILLION
        outstanding = sum(
            shape["principal"] - _paid_principal(_schedule(shape, shape["principal"]), date(2000, 1, 1), AS_OF)
            for shape in loans[:-1]
        )
        loans[-1]["principal"] = data.OUTSTANDING - outstanding
        if loans[-1]["principal"] > 0:
            break
    assert loans[-1]["principal"] > 0
    recovered = sum(_paid_principal(_schedule(s, s["principal"]), YEAR_START, AS_OF) for s in loans)
    rest = data.RECOVERED_2018 - recovered
    assert rest > 0, "the generated book repays more than the report's 2,020백만원 by schedule"
    matured = [_shape(generator, n, False) for n in range(4)]
    for index, shape in enumerate(matured):
        shape["principal"] = rest // 4 if index < 3 else rest - 3 * (rest // 4)
    return loans + matured


def synthetic_borrowers(count: int, districts) -> list[int]:
    words = ["나눔", "햇살", "이음", "두레", "새싹", "한울", "모두", "온기", "다솜", "늘봄"]
    rows = [
        (f"{words[n % 10]}{words[(n // 10) % 10]}사회적협동조합 {n + 1}호(예시)", "cooperative",
         business_number(777_000_000 + n), "small", "other_services", districts[n % len(districts)].pk, 10 + n % 40)
        for n in range(count)
    ]  # fmt: skip
    numbers = [row[2] for row in rows]
    existing = set(Organisation.objects.filter(business_number__in=numbers).values_list("business_number", flat=True))
    rows_insert(
        Organisation,
        ("name", "kind", "business_number", "size", "sector", "district", "employees"),
        [row for row in rows if row[2] not in existing],
    )
    ids = dict(Organisation.objects.filter(business_number__in=numbers).values_list("business_number", "pk"))
    return [ids[number] for number in numbers]


def load_fund() -> None:
    if Agreement.objects.filter(code=BOOK_AGREEMENT + "-1").exists():
        return
    generator = random.Random(SEED)
    with transaction.atomic():
        services.contribution_record(
            actor=None, amount=data.CONTRIBUTED, on=date(*data.CONTRIBUTED_ON), memo="市 출연금('18년 기금규모 552억원)"
        )
        YearPlan.objects.create(
            year=2018,
            programme_budget=data.PROGRAMME_BUDGET_2018,
            loans_enterprise=data.LOANS_2018_ENTERPRISE,
            loans_social_housing=data.LOANS_2018_SOCIAL_HOUSING,
            source="2018 주요업무보고: 사회적금융 활성화를 위한 사회투자기금 운영",
        )
        partners = _intermediaries()
        book = _book(generator)
        for index, shape in enumerate(book):
            shape["intermediary"] = partners[index % len(partners)]
        agreements = []
        for n, partner in enumerate(partners, start=1):
            lent = sum(s["principal"] for s in book if s["intermediary"] == partner)
            agreements.append(
                services.agreement_create(
                    actor=None,
                    code=f"{BOOK_AGREEMENT}-{n}",
                    intermediary=partner,
                    year=2017,
                    call_round=1,
                    city_amount=lent,
                    matched_amount=None,
                    max_rate=data.MAX_RATE,
                    overdue_rate=data.OVERDUE_RATE,
                    starts_on=date(2015, 1, 1),
                    ends_on=date(2026, 12, 31),
                    reporting_duties="분기별 융자 실적·회수 현황 보고(시 직영 관리 전환 시 인수한 채권)",
                )  # fmt: skip
            )
        for n, (partner, millions) in enumerate(zip(partners, data.FIRST_HALF_2018, strict=True), start=1):
            services.agreement_create(
                actor=None, code=f"2018-1-{n}", intermediary=partner, year=2018, call_round=1,
                city_amount=millions * data.WON_MILLION, matched_amount=None, max_rate=data.MAX_RATE,
                overdue_rate=data.OVERDUE_RATE, starts_on=date(*data.FIRST_HALF_2018_SELECTED),
                ends_on=date(2023, 12, 31), reporting_duties="분기별 융자 실적 보고, 연 1회 사회적 성과 보고",
            )  # fmt: skip
        loan_book_insert(book, agreements, partners, synthetic_borrowers(len(book), list(District.objects.all())))


def loan_book_insert(book, agreements, partners, borrowers, *, prefix: str = "SIF") -> None:
    """Loans, schedules, on-time payments to AS_OF (six bullet loans lapsing) and their ledger entries, in bulk
    (also used by the fund benchmark scenario, iljari/demo/bench/fund.py, and `iljari generate`)."""
    agreement_of = {partner.pk: agreement for partner, agreement in zip(partners, agreements, strict=True)}
    lapsed = {}
    bullets = [i for i, s in enumerate(book[: data.OUTSTANDING_LOANS]) if s["method"] == "bullet"][: len(LAPSED_FROM)]
    for index, day in zip(bullets, LAPSED_FROM, strict=False):  # a small book may have fewer bullets
        lapsed[index] = day
    loan_rows, plans = [], []
    for index, shape in enumerate(book):
        rows = _schedule(shape, shape["principal"])
        plans.append(rows)
        repaid = rows[-1].due_on <= AS_OF
        # the book was taken over on 17.4.1.: earlier loans are recorded as of their disbursement all the same
        loan_rows.append(
            (f"{prefix}-{shape['disbursed_on']:%y}-{index + 1:04d}", borrowers[index],
             agreement_of[shape["intermediary"].pk].pk, shape["intermediary"].pk, shape["purpose"],
             shape["principal"], shape["rate"], shape["term"], shape["grace"], shape["method"],
             shape["disbursed_on"], "repaid" if repaid else "active", rows[-1].due_on if repaid else None)
        )  # fmt: skip
    rows_insert(
        Loan,
        ("number", "borrower", "agreement", "intermediary", "purpose", "principal", "annual_rate", "term_months",
         "grace_months", "method", "disbursed_on", "status", "closed_on"),
        loan_rows,
    )  # fmt: skip
    ids = dict(Loan.objects.filter(number__in=[r[0] for r in loan_rows]).values_list("number", "pk"))
    loan_ids = [ids[row[0]] for row in loan_rows]
    version_rows = [
        (pk, 1, "disbursement", shape["disbursed_on"], 0, 0, None) for pk, shape in zip(loan_ids, book, strict=True)
    ]
    closed = [(pk, 2, "closed", plan[-1].due_on, shape["principal"], sum(r.interest for r in plan), None)
              for pk, shape, plan in zip(loan_ids, book, plans, strict=True) if plan[-1].due_on <= AS_OF]  # fmt: skip
    fields = ("loan", "number", "reason", "effective_on", "principal_before", "interest_before", "superseded_on")
    rows_insert(ScheduleVersion, fields, version_rows + closed)
    version_ids = dict(ScheduleVersion.objects.filter(loan_id__in=loan_ids, number=1).values_list("loan_id", "pk"))
    superseded = {pk: day for pk, _n, _r, day, *_ in closed}
    if superseded:
        for loan_id, day in superseded.items():
            ScheduleVersion.objects.filter(loan_id=loan_id, number=1).update(superseded_on=day)
    instalments, repayments = [], []
    for index, (pk, plan) in enumerate(zip(loan_ids, plans, strict=True)):
        running = 0
        for row in plan:
            running += row.principal + row.interest
            instalments.append((version_ids[pk], row.number, row.due_on, row.principal, row.interest,
                                row.balance_after, running))  # fmt: skip
            if row.due_on > AS_OF or row.total == 0:
                continue
            if index in lapsed and row.due_on >= lapsed[index]:
                continue
            reference = f"DEMO-{loan_rows[index][0]}-{row.number:03d}"
            repayments.append((pk, row.due_on, row.total, 0, row.interest, row.principal, 0, reference,
                               "statement", "데모 입금 내역"))  # fmt: skip
    rows_insert(Instalment, ("version", "number", "due_on", "principal", "interest", "balance_after",
                             "cumulative_due"), instalments)  # fmt: skip
    rows_insert(
        Repayment,
        ("loan", "received_on", "amount", "overdue_interest", "interest", "principal", "prepaid", "reference",
         "source", "statement_name"),
        repayments,
    )  # fmt: skip
    entries = [
        (shape["disbursed_on"], "disbursement", Account.LOANS, Account.INTERMEDIARY_FUNDS, shape["principal"],
         agreement_of[shape["intermediary"].pk].pk, pk, None, f"{loan_rows[i][0]} 실행")
        for i, (pk, shape) in enumerate(zip(loan_ids, book, strict=True))
    ]  # fmt: skip
    references = {row[7]: row for row in repayments}
    repayment_ids = Repayment.objects.filter(reference__startswith=f"DEMO-{prefix}-").values_list("reference", "pk")
    for reference, repayment_id in repayment_ids:
        loan_id, on, _amount, _o, interest, principal = references[reference][:6]
        if principal:
            entries.append((on, "principal", Account.CASH, Account.LOANS, principal, None, loan_id, repayment_id, ""))
        if interest:
            entries.append(
                (on, "interest", Account.CASH, Account.INTEREST_INCOME, interest, None, loan_id, repayment_id, "")
            )
    rows_insert(
        LedgerEntry,
        ("posted_on", "kind", "debit", "credit", "amount", "agreement", "loan", "repayment", "memo"),
        entries,
    )


def random_loan_book(generator, count: int, partners) -> list[dict]:
    """`count` loan shapes drawn from `generator` (method, purpose, grace, rate, disbursement day, principal), taking
    the intermediaries in turn: the synthetic books of the fund benchmark and of `iljari generate`."""
    book = []
    for index in range(count):
        method = generator.choice(["annuity", "equal_principal", "bullet"])
        book.append(
            {
                "purpose": generator.choice(["enterprise", "project", "social_housing"]),
                "method": method,
                "term": 60,
                "grace": 0 if method == "bullet" else generator.choice([0, 6, 12]),
                "rate": Decimal(generator.choice(["0", "1", "2", "3"])),
                "disbursed_on": date(
                    generator.randrange(2014, 2018), generator.randrange(1, 13), generator.randrange(1, 29)
                ),  # fmt: skip
                "principal": generator.randrange(10, 1_000) * 1_000_000,
                "intermediary": partners[index % len(partners)],
            }
        )
    return book
