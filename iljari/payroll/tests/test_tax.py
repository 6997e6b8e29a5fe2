"""Income tax withheld: the 일용근로소득 rule worked by hand (소득세법 제47조②: 150,000원 a day; 제55조: 6%;
제59조②: 55% credit; 제86조: nothing under 1,000원), 지방소득세 10% (10원 미만 절사),
and properties of the 간이세액표."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iljari.payroll.tax import bracket_middle, daily_wage_tax, local_income_tax, monthly_wage_tax

DAILY = {"deduction": 150_000, "rate": Decimal(6), "credit": Decimal(55), "small_amount": 1_000}


def test_a_days_pay_of_200000_won_withholds_1350_won_and_135_becomes_130():
    # (200,000 − 150,000) × 6% = 3,000; − 55% (1,650) = 1,350
    assert daily_wage_tax(200_000, days=1, **DAILY) == 1_350
    assert local_income_tax(1_350, rate=Decimal(10)) == 130


def test_under_1000_won_a_payment_withholds_nothing_but_five_such_days_do():
    # (160,000 − 150,000) × 6% × 45% = 270 a day: alone under 1,000원 (소액부징수); five days 1,350
    assert daily_wage_tax(160_000, days=1, **DAILY) == 0
    assert daily_wage_tax(800_000, days=5, **DAILY) == 1_350


def test_a_day_under_150000_won_is_not_taxed():
    assert daily_wage_tax(1_500_000, days=20, **DAILY) == 0  # 75,000원 a day


def test_the_table_brackets_and_its_bottom():
    assert bracket_middle(769_999) is None  # below the table: no tax
    assert bracket_middle(770_000) == 772_500  # 5천원 brackets to 1,500천원
    assert bracket_middle(1_995_123) == 1_995_000  # 10천원 brackets to 3,000천원
    assert bracket_middle(3_015_000) == 3_010_000  # 20천원 brackets above
    table = {"edition": "2018", "pension_rate": Decimal("4.5"), "pension_ceiling": 4_490_000}
    # 1,000천원 (middle 1,002,500): 12,030,000 a year − 근로소득공제 6,312,000 − 인적 1,500,000 − 연금 541,344
    # − 특별 3,581,200 = 95,456; × 6% = 5,727; − 55% = 2,578; ÷ 12 = 214 → 210 (under 1,000원: not withheld, 제86조)
    assert monthly_wage_tax(1_000_000, **table) == 210
    # 1,060천원 (middle 1,062,500): 1,040원 — the figure the 2018 table prints for 1,060–1,065천원 with one in the
    # family, as we read it; to be confirmed against the 국세청 file (docs/payroll.md)
    assert monthly_wage_tax(1_060_000, **table) == 1_040


TABLE = {"edition": "2018", "pension_rate": Decimal("4.5"), "pension_ceiling": 4_680_000}


@given(st.integers(min_value=0, max_value=9_000_000), st.integers(min_value=0, max_value=200_000))
def test_the_tables_tax_never_falls_as_pay_rises_and_is_in_tens_of_won(pay, rise):
    low = monthly_wage_tax(pay, **TABLE)
    high = monthly_wage_tax(pay + rise, **TABLE)
    assert 0 <= low <= high <= pay + rise and low % 10 == 0


@given(st.integers(min_value=770_000, max_value=9_000_000), st.integers(min_value=1, max_value=4))
def test_a_larger_family_never_pays_more(pay, family):
    assert monthly_wage_tax(pay, family=family + 1, **TABLE) <= monthly_wage_tax(pay, family=family, **TABLE)


# Values the tables print. The 2018 edition's 1,060–1,065천원 with one in the family is 1,040원, which the statutory
# method reproduces. The later editions' values below are NOT reproduced yet (their 특별소득공제 differs from the
# 2018 formula coded here): kept as strict expected failures, so that whoever fixes tax.py (or loads the published
# table) sees them pass. Sources: the 국세청 example of using the 2024 table (월 3,500,000원, 공제대상가족 4명:
# 49,340원; with two children aged 8–20, 49,340 − 29,160 = 20,180원), and the 2,000–2,010천원 row for one person
# (19,520원) as a transcription of the 2026 table has it.
PUBLISHED_2024 = [(3_500_000, 4, 49_340), (2_000_000, 1, 19_520)]


def test_the_2018_table_at_1060_thousand_won_for_one():
    assert monthly_wage_tax(1_062_000, edition="2018", pension_rate=Decimal("4.5"), pension_ceiling=4_490_000) == 1_040


@pytest.mark.xfail(strict=True, reason="the 2024 edition's 특별소득공제 formula is not coded yet (docs/payroll.md)")
@pytest.mark.parametrize(("pay", "family", "printed"), PUBLISHED_2024)
def test_the_2024_table_as_printed(pay, family, printed):
    table = {"edition": "2024", "pension_rate": Decimal("4.5"), "pension_ceiling": 6_170_000}
    assert monthly_wage_tax(pay, family=family, **table) == printed
