"""The 2018 report's counts that the fund's records give (performance.record_figures), registered when the app
starts (Ⅲ 3-③): the city's contributions ("'18년 기금규모(市 출연금) : 552억원"), the book on the day — loans
outstanding and their balance ("'18. 5월말 기준 채권잔액: 총 127건, 41,781백만원"), the year's principal recovered
("'18년 원금 회수액 2,020백만원") — and the year's first-round intermediary agreements ("6개 수행기관, 40억원 지원
결정").

The system's reads (no user), as `selectors.portfolio` reads the book: a loan counts while active on the day
(`_active_on`), its balance is the ledger's loans account up to the day, the principal recovered is the year's
principal entries up to the day. The report prints the book as of 5월말; the records hold no June movement, so
the book as of '18.6.30. is the same.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from django.db.models import Sum

from iljari.fund.models import Account, Agreement, LedgerEntry, Loan
from iljari.fund.selectors import _active_on, _signed

MILLION = Decimal(1_000_000)
EOK = Decimal(100_000_000)


def outstanding_loans(*, year: int, as_of: date) -> int:
    return Loan.objects.filter(_active_on(as_of)).count()


def outstanding_million(*, year: int, as_of: date) -> Decimal:
    entries = LedgerEntry.objects.filter(loan__isnull=False, posted_on__lte=as_of)
    return Decimal(entries.aggregate(s=Sum(_signed(Account.LOANS)))["s"] or 0) / MILLION


def recovered_million(*, year: int, as_of: date) -> Decimal:
    entries = LedgerEntry.objects.filter(
        loan__isnull=False, kind=LedgerEntry.Kind.PRINCIPAL, posted_on__range=(date(year, 1, 1), as_of)
    )
    return Decimal(entries.aggregate(s=Sum("amount"))["s"] or 0) / MILLION


def contributed_eok(*, year: int, as_of: date) -> Decimal:
    """The city's contributions paid into the fund by the day ('18년 기금규모(市 출연금)), in 억원."""
    entries = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.CONTRIBUTION, posted_on__lte=as_of)
    return Decimal(entries.aggregate(s=Sum("amount"))["s"] or 0) / EOK


def first_round(year: int, as_of: date):
    return Agreement.objects.filter(year=year, call_round=1, starts_on__lte=as_of)


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def figure(key, label, unit, page, count):
        record_figure_register(RecordFigure(key=key, programme="P3-03", label=label, unit=unit, page=page, count=count))

    figure("p3-03.contributed", "기금규모(市 출연금)", "억원", "fund:ledger", contributed_eok)
    figure("p3-03.outstanding.loans", "채권잔액 건수(보고서 5월말 기준)", "건", "fund:portfolio", outstanding_loans)
    figure("p3-03.outstanding", "채권잔액(보고서 5월말 기준)", "백만원", "fund:portfolio", outstanding_million)
    figure("p3-03.recovered", "'18년 원금 회수액(보고서 5월말 기준)", "백만원", "fund:ledger", recovered_million)
    figure(
        "p3-03.intermediaries",
        "상반기 융자·비융자사업 수행기관",
        "개",
        "fund:loan_list",
        lambda *, year, as_of: first_round(year, as_of).values("intermediary").distinct().count(),
    )
    figure(
        "p3-03.intermediaries.amount",
        "상반기 수행기관 지원 결정액",
        "억원",
        "fund:loan_list",
        lambda *, year, as_of: Decimal(first_round(year, as_of).aggregate(s=Sum("city_amount"))["s"] or 0) / EOK,
    )
