"""Repayment schedules: the properties every schedule keeps, and textbook figures computed here independently."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iljari.core.errors import ValidationFailed
from iljari.fund.schedules import ANNUITY, BULLET, EQUAL_PRINCIPAL, METHODS, month_add, schedule_compute

principals = st.integers(min_value=1, max_value=5_000_000_000)
rates = st.one_of(
    st.integers(min_value=0, max_value=3000).map(lambda u: Decimal(u) / 1000),  # 0–3%: the fund's range
    st.integers(min_value=0, max_value=30000).map(lambda u: Decimal(u) / 1000),  # and wider, up to 30%
)
terms = st.integers(min_value=1, max_value=120)
starts = st.dates(min_value=date(2010, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def loans(draw):
    term = draw(terms)
    return {
        "principal": draw(principals),
        "annual_rate": draw(rates),
        "start_on": draw(starts),
        "term_months": term,
        "grace_months": draw(st.integers(min_value=0, max_value=term - 1)),
        "method": draw(st.sampled_from(sorted(METHODS))),
    }


@settings(max_examples=400, deadline=None)
@given(loans())
def test_any_schedule_repays_exactly_the_principal_without_a_negative_instalment(loan):
    rows = schedule_compute(**loan)
    assert len(rows) == loan["term_months"]
    assert sum(row.principal for row in rows) == loan["principal"]
    assert all(row.principal >= 0 and row.interest >= 0 for row in rows)
    assert rows[-1].balance_after == 0
    assert rows[-1].due_on == month_add(loan["start_on"], loan["term_months"])
    assert all(later.due_on > earlier.due_on for earlier, later in zip(rows, rows[1:], strict=False))
    # the balance only falls, and the grace months repay no principal
    balances = [loan["principal"]] + [row.balance_after for row in rows]
    assert all(a >= b for a, b in zip(balances, balances[1:], strict=False))
    if loan["term_months"] > 1:
        assert all(row.principal == 0 for row in rows[: loan["grace_months"]])


@settings(max_examples=200, deadline=None)
@given(loans())
def test_interest_is_the_month_rate_on_the_balance_cut_to_the_won(loan):
    rows = schedule_compute(**loan)
    balance = loan["principal"]
    for row in rows:
        exact = Decimal(balance) * loan["annual_rate"] / 100 / 12
        assert row.interest == int(exact)  # 원 미만 절사
        balance -= row.principal


def textbook_annuity(principal: int, annual_percent: float, months: int) -> float:
    r = annual_percent / 100 / 12
    return principal * r / (1 - (1 + r) ** -months)


def test_equal_instalments_match_the_annuity_formula():
    # ₩100,000,000 at 2% over 60 months: A = P·r/(1-(1+r)^-n) ≈ ₩1,752,776.01 (the formula, in floats here)
    expected = textbook_annuity(100_000_000, 2.0, 60)
    assert 1_752_776 < expected < 1_752_777
    rows = schedule_compute(
        principal=100_000_000, annual_rate=Decimal("2"), start_on=date(2018, 1, 15), term_months=60, method=ANNUITY
    )
    # every instalment but the last is the formula's payment cut to the 원 (give or take the 원 of cut interest)
    for row in rows[:-1]:
        assert abs(row.total - expected) < 1
    textbook_interest = expected * 60 - 100_000_000  # ≈ ₩5,166,560
    total_interest = sum(row.interest for row in rows)
    assert abs(total_interest - textbook_interest) <= 60  # at most 1원 cut per month
    assert rows[0].interest == 166_666  # 100,000,000 × 2% / 12 = 166,666.67, cut


def test_equal_principal_interest_matches_the_arithmetic_series():
    # ₩120,000,000 at 3% over 12 months, ₩10,000,000 principal a month:
    # interest = P·r·(n+1)/2 = 120,000,000 × 0.0025 × 13 / 2 = ₩1,950,000 exactly (each month's interest is whole)
    rows = schedule_compute(
        principal=120_000_000, annual_rate=Decimal("3"), start_on=date(2018, 3, 31), term_months=12,
        method=EQUAL_PRINCIPAL,
    )  # fmt: skip
    assert [row.principal for row in rows] == [10_000_000] * 12
    assert sum(row.interest for row in rows) == 1_950_000
    assert rows[0].interest == 300_000
    assert rows[-1].interest == 25_000
    assert rows[0].due_on == date(2018, 4, 30)  # 31 Mar + 1 month, cut to April's last day
    assert rows[10].due_on == date(2019, 2, 28)


def test_bullet_pays_interest_monthly_and_the_principal_at_maturity():
    # ₩50,000,000 at 1.5% over 36 months: ₩62,500 a month, ₩2,250,000 in all, the principal on the last date
    rows = schedule_compute(
        principal=50_000_000, annual_rate=Decimal("1.5"), start_on=date(2018, 5, 10), term_months=36, method=BULLET
    )
    assert {row.interest for row in rows} == {62_500}
    assert sum(row.interest for row in rows) == 2_250_000
    assert [row.principal for row in rows[:-1]] == [0] * 35
    assert rows[-1].principal == 50_000_000
    assert rows[-1].due_on == date(2021, 5, 10)


def test_a_grace_period_charges_interest_only_then_amortises_over_the_rest():
    # ₩60,000,000 at 0% over 24 months with 12 months' grace: nothing for a year, then ₩5,000,000 a month
    rows = schedule_compute(
        principal=60_000_000, annual_rate=Decimal("0"), start_on=date(2018, 1, 1), term_months=24, grace_months=12,
        method=ANNUITY,
    )  # fmt: skip
    assert [row.total for row in rows] == [0] * 12 + [5_000_000] * 12
    # with interest: the grace months carry the full balance's interest
    rows = schedule_compute(
        principal=60_000_000, annual_rate=Decimal("2.4"), start_on=date(2018, 1, 1), term_months=24, grace_months=6,
        method=EQUAL_PRINCIPAL,
    )  # fmt: skip
    assert [row.interest for row in rows[:6]] == [120_000] * 6  # 60,000,000 × 2.4% / 12
    assert [row.principal for row in rows[6:]] == [3_333_333] * 17 + [3_333_339]


def test_the_last_instalment_absorbs_the_rounding():
    rows = schedule_compute(
        principal=1_000_000, annual_rate=Decimal("0"), start_on=date(2018, 1, 1), term_months=3, method=EQUAL_PRINCIPAL
    )
    assert [row.principal for row in rows] == [333_333, 333_333, 333_334]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"term_months": 0}, "융자 기간은 1개월 이상이어야 합니다."),
        ({"principal": 0}, "융자 원금은 1원 이상이어야 합니다."),
        ({"annual_rate": Decimal("-1")}, "이자율은 0% 이상이어야 합니다."),
        ({"annual_rate": Decimal("2.0005")}, "이자율은 소수점 셋째 자리까지 적습니다."),
        ({"grace_months": 12}, "거치기간은 융자 기간보다 짧아야 합니다."),
        ({"method": "balloon"}, "상환방법은 원리금균등, 원금균등, 만기일시 중 하나입니다."),
    ],
)
def test_an_impossible_schedule_is_refused_in_korean(changes, message):
    loan = {
        "principal": 10_000_000, "annual_rate": Decimal("2"), "start_on": date(2018, 1, 1), "term_months": 12,
        "grace_months": 0, "method": ANNUITY,
    } | changes  # fmt: skip
    with pytest.raises(ValidationFailed) as error:
        schedule_compute(**loan)
    assert message in error.value.field_errors[next(iter(changes))]
