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
# method reproduces. The 2024 edition (소득세법 시행령 별표2 <개정 2024. 2. 29.>, pay from 2024.3; the 2026.2.27
# revision changed only its note on children, not the body) as printed, row by row (월급여 천원 이상–미만) and by the
# number in the family: the 국세청 example of using the table (월 3,500,000원, 공제대상가족 4명: 49,340원) and cells
# of the law.go.kr PDF. Each is what the table prints, not what tax.py gives.
PUBLISHED_2024 = [
    (3_500_000, 4, 49_340),  # 3,500–3,520
    (2_000_000, 1, 19_520),  # 2,000–2,010
    (2_000_000, 4, 3_220),
    (3_000_000, 1, 74_350),  # 3,000–3,020
    (3_000_000, 3, 31_940),
    (3_500_000, 1, 127_220),
    (1_500_000, 1, 8_920),  # 1,500–1,510
    (1_164_999, 1, 2_440),  # 1,160–1,165
    (5_000_000, 4, 219_100),  # 5,000–5,020
    (5_000_000, 11, 87_850),
    (8_000_000, 2, 909_890),  # 8,000–8,020: the credit at its limit
    (1_060_000, 1, 1_040),  # the first cell the table prints for one
    (1_059_999, 1, 0),  # 1,055–1,060: under 1,000원, printed as none
]
TABLE_2024 = {"edition": "2024", "pension_rate": Decimal("4.5"), "pension_ceiling": 6_170_000}


def test_the_2018_table_at_1060_thousand_won_for_one():
    assert monthly_wage_tax(1_062_000, edition="2018", pension_rate=Decimal("4.5"), pension_ceiling=4_490_000) == 1_040


@pytest.mark.parametrize(("pay", "family", "printed"), PUBLISHED_2024)
def test_the_2024_table_as_printed(pay, family, printed):
    assert monthly_wage_tax(pay, family=family, **TABLE_2024) == printed


def test_the_2024_table_embeds_its_own_pension_not_the_months():
    # 2026: 국민연금 4.75%, ceiling 6,370,000원 — the table still prints 74,350원 for 3,000천원 and one person
    assert (
        monthly_wage_tax(3_000_000, edition="2026", pension_rate=Decimal("4.75"), pension_ceiling=6_370_000) == 74_350
    )


def test_each_edition_is_chosen_by_its_year():
    # 2,000–2,010천원 for one: the 2024 edition's 19,520원; the 2023 edition (statutory method) computes 19,250원
    # (24,060,000 − 근로소득공제 8,859,000 − 1,500,000 − 연금 1,082,700 − 특별 4,062,400 = 8,555,900; × 6% =
    # 513,354; − 55% 282,344 = 231,010; ÷ 12 = 19,250)
    assert monthly_wage_tax(2_000_000, edition="2023", pension_rate=Decimal("4.5"), pension_ceiling=None) == 19_250
    assert monthly_wage_tax(2_000_000, edition="2025", pension_rate=Decimal("4.5"), pension_ceiling=None) == 19_520


@given(st.integers(min_value=0, max_value=9_900_000), st.integers(min_value=0, max_value=200_000))
def test_the_2024_tables_tax_never_falls_as_pay_rises(pay, rise):
    low = monthly_wage_tax(pay, **TABLE_2024)
    assert 0 <= low <= monthly_wage_tax(pay + rise, **TABLE_2024) and low % 10 == 0 and (low == 0 or low >= 1_000)


@given(st.integers(min_value=770_000, max_value=9_900_000), st.integers(min_value=1, max_value=10))
def test_in_the_2024_table_a_larger_family_never_pays_more(pay, family):
    assert monthly_wage_tax(pay, family=family + 1, **TABLE_2024) <= monthly_wage_tax(pay, family=family, **TABLE_2024)
