"""The demo fund reproduces the 2018 report's figures from loans and payments."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Sum

from iljari.demo.fund_loader import load_fund
from iljari.fund.models import Account, Agreement, Loan, Repayment, YearPlan
from iljari.fund.selectors import ledger_balances, portfolio

pytestmark = pytest.mark.django_db


def test_the_demo_book_on_may_31_is_the_reports(personas):
    load_fund()
    result = portfolio(user=personas["auditor"], as_of=date(2018, 5, 31))
    assert result.count == 127  # 채권잔액 총 127건
    assert result.outstanding == 41_781_000_000  # 41,781백만원
    assert result.recovered_in_year == 2_020_000_000  # '18년 원금 회수액 2,020백만원
    assert result.contributed == 55_200_000_000  # 市 출연금 552억원
    assert sum(row["count"] for row in result.by_bucket) == 127
    assert sum(row["outstanding"] for row in result.by_bucket) == 41_781_000_000
    assert {row["code"] for row in result.by_bucket if row["count"]} >= {"current", "1-30", "91+"}
    # the same figures from the rows themselves, summed here independently of the selector
    principal = Loan.objects.filter(disbursed_on__lte="2018-05-31").aggregate(s=Sum("principal"))["s"]
    repaid = Repayment.objects.filter(received_on__lte="2018-05-31").aggregate(s=Sum("principal"))["s"]
    assert principal - repaid == 41_781_000_000
    assert ledger_balances(as_of=date(2018, 5, 31))[Account.LOANS] == 41_781_000_000
    plan = YearPlan.objects.get(year=2018)
    assert (plan.loans_total, plan.loans_enterprise, plan.loans_social_housing) == (
        13_000_000_000,
        8_000_000_000,
        5_000_000_000,
    )
    assert plan.programme_budget == 14_000_000_000
    first_half = Agreement.objects.filter(year=2018, call_round=1)
    assert first_half.count() == 6  # 6개 수행기관
    assert first_half.aggregate(s=Sum("city_amount"))["s"] == 4_000_000_000  # 40억원


def test_loading_the_demo_fund_twice_changes_nothing(personas):
    load_fund()
    counts = (Loan.objects.count(), Repayment.objects.count())
    load_fund()
    assert (Loan.objects.count(), Repayment.objects.count()) == counts
