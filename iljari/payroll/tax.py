"""Income tax withheld from wages (원천징수), as pure functions of the amounts and the rules in force.

- Monthly wages: the 근로소득 간이세액표 (소득세법 시행령 제194조, 별표2), computed from the method the table is made
  by (별표2 "작성방법"): the bracket's middle amount × 12 as the year's pay, 근로소득공제 (소득세법 제47조),
  인적공제 1,500,000원 per member of the family counted (본인 included, 제50조), 연금보험료공제 (the worker's
  pension contribution on the bracket's middle amount), 특별소득공제 등 (the table's own formula by pay and family
  size), the basic rates (제55조), 근로소득세액공제 and its limit; the year's tax ÷ 12, 10원 미만 절사.
  Each edition is a `TableEdition` in `EDITIONS` (IncomeTaxRule.simple_table names it):
  - "2018" (2018–2022) and "2023" (2023.1–2024.2): the statutory method with the law's own 근로소득세액공제
    (제59조: 55% to 1,300,000원, 한도 74만/66만/50만원) and the month's own pension rate and ceiling; 2023 with the
    new basic rates (1,400만 6% / 5,000만 15% / 8,800만 24% …).
  - "2024" (별표2 <개정 2024. 2. 29.>, pay from 2024.3; its body unchanged by the 2026.2.27 revision): the printed
    table is reproduced only with the parameters it embeds, older than the law in force — 국민연금 4.5% on the
    기준소득월액 (천원 미만 절사) capped at 4,490,000원 (the 2017.7–2018.6 ceiling), 10원 미만 절사; the credit
    55% to 500,000원 and 275,000원 + 30% above, limited to 660,000원 (총급여 5,500만원 이하), 660,000원 − half
    the pay above 5,500만원 (not under 630,000원, to 7,000만원), 630,000원 − half the pay above 7,000만원 (not under
    500,000원); a cell under 1,000원 printed as none (소액부징수). The 8–20세 children's amounts (별표2 비고 3:
    12,500원/29,160원, 2026.3부터 20,830원/45,830원) are subtracted from the table's amount and are not applied here
    (the family count only).
- Daily workers (일용근로소득, 소득세법 제14조③2, 제47조②, 제59조②, 제86조): (day's pay − 150,000원) × 6%, less
  the 55% credit, per day; nothing withheld when the payment's tax is under 1,000원 (소액부징수).
- 지방소득세 (지방세법 제103조의13): 10% of the income tax, 10원 미만 절사.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

BRACKETS_WON = 1000


def floor_won(amount: Decimal | int) -> int:
    return int(Decimal(amount).to_integral_value(rounding=ROUND_FLOOR))


def floor_ten(amount: Decimal | int) -> int:
    return floor_won(Decimal(amount) / 10) * 10


# 근로소득공제 (소득세법 제47조①): (up to 총급여, rate of the part above the previous bound, deduction at that bound)
EARNED_INCOME_DEDUCTION = (
    (5_000_000, Decimal("0.70"), 0),
    (15_000_000, Decimal("0.40"), 3_500_000),
    (45_000_000, Decimal("0.15"), 7_500_000),
    (100_000_000, Decimal("0.05"), 12_000_000),
    (None, Decimal("0.02"), 14_750_000),
)

# the basic rates (소득세법 제55조①) by edition: (up to 과세표준, rate, tax at the previous bound)
TAX_RATES = {
    "2018": (
        (12_000_000, Decimal("0.06"), 0),
        (46_000_000, Decimal("0.15"), 720_000),
        (88_000_000, Decimal("0.24"), 5_820_000),
        (150_000_000, Decimal("0.35"), 15_900_000),
        (300_000_000, Decimal("0.38"), 37_600_000),
        (500_000_000, Decimal("0.40"), 94_600_000),
        (None, Decimal("0.42"), 174_600_000),
    ),
    "2023": (
        (14_000_000, Decimal("0.06"), 0),
        (50_000_000, Decimal("0.15"), 840_000),
        (88_000_000, Decimal("0.24"), 6_240_000),
        (150_000_000, Decimal("0.35"), 15_360_000),
        (300_000_000, Decimal("0.38"), 37_060_000),
        (500_000_000, Decimal("0.40"), 94_060_000),
        (1_000_000_000, Decimal("0.42"), 174_060_000),
        (None, Decimal("0.45"), 384_060_000),
    ),
}


def _stepped(amount: int, steps) -> int:
    previous = 0
    for bound, rate, base in steps:
        if bound is None or amount <= bound:
            return floor_won(base + (amount - previous) * rate)
        previous = bound
    raise AssertionError("unreachable")


def earned_income_deduction(annual: int) -> int:
    return _stepped(annual, EARNED_INCOME_DEDUCTION)


def basic_tax(base: int, edition: str) -> int:
    return _stepped(base, tax_rates(edition)) if base > 0 else 0


def special_deduction(annual: int, family: int) -> int:
    """특별소득공제 등 of the 간이세액표 (별표2 작성방법): 1명 3,100,000원, 2명 3,600,000원, 3명 이상 5,000,000원
    plus a share of the year's pay that shrinks as pay rises."""
    if family <= 1:
        base, low, mid, high = 3_100_000, Decimal("0.04"), Decimal("0.015"), Decimal("0.005")
    elif family == 2:
        base, low, mid, high = 3_600_000, Decimal("0.04"), Decimal("0.02"), Decimal("0.01")
    else:
        base, low, mid, high = 5_000_000, Decimal("0.07"), Decimal("0.05"), Decimal("0.03")
    if annual <= 30_000_000:
        amount = base + annual * low
    elif annual <= 45_000_000:
        amount = base + annual * low - (annual - 30_000_000) * Decimal("0.05")
    elif annual <= 70_000_000:
        amount = base + annual * mid
    elif annual <= 120_000_000:
        amount = base + annual * high
    else:
        amount = Decimal(0)
    if family >= 3 and annual > 40_000_000:
        amount += (min(annual, 120_000_000) - 40_000_000) * Decimal("0.04")
    return floor_won(amount)


def _law_credit_limit(annual: int) -> Decimal:
    """근로소득세액공제 한도 (소득세법 제59조②, 2015–2022)."""
    if annual <= 33_000_000:
        return Decimal(740_000)
    if annual <= 70_000_000:
        return max(Decimal(660_000), 740_000 - (annual - 33_000_000) * Decimal("0.008"))
    return max(Decimal(500_000), 660_000 - (annual - 70_000_000) * Decimal("0.5"))


def _table_credit_limit(annual: int) -> Decimal:
    """The limit the 2024 table's body embeds: 660,000원 to 5,500만원, then less half the pay above."""
    if annual <= 55_000_000:
        return Decimal(660_000)
    if annual <= 70_000_000:
        return max(Decimal(630_000), 660_000 - (annual - 55_000_000) * Decimal("0.5"))
    return max(Decimal(500_000), 630_000 - (annual - 70_000_000) * Decimal("0.5"))


@dataclass(frozen=True)
class TableEdition:
    """How one edition of the 간이세액표 is made: its basic rates, its 근로소득세액공제 (55% up to `credit_kink`,
    30% above, within `credit_limit` of the year's pay), the pension it deducts (`pension`: the rate and ceiling
    the table embeds, or None for the month's own), and whether a cell under 1,000원 is printed as none."""

    rates: tuple
    credit_kink: int
    credit_limit: Callable[[int], Decimal]
    pension: tuple[Decimal, int] | None = None
    drops_small: bool = False


EDITIONS = {
    "2018": TableEdition(rates=TAX_RATES["2018"], credit_kink=1_300_000, credit_limit=_law_credit_limit),
    "2023": TableEdition(rates=TAX_RATES["2023"], credit_kink=1_300_000, credit_limit=_law_credit_limit),
    "2024": TableEdition(
        rates=TAX_RATES["2023"],
        credit_kink=500_000,
        credit_limit=_table_credit_limit,
        pension=(Decimal("4.5"), 4_490_000),
        drops_small=True,
    ),
}


def table_edition(edition: str) -> TableEdition:
    """The edition of the 간이세액표 (the newest not later than the one named)."""
    chosen = max((key for key in EDITIONS if key <= edition[:4]), default="2018")
    return EDITIONS[chosen]


def tax_rates(edition: str):
    """The rate table of an edition of the 간이세액표."""
    return table_edition(edition).rates


def earned_income_credit(tax: int, annual: int, edition: str = "2018") -> int:
    """근로소득세액공제 of the edition: 55% of the tax up to its kink, 30% above; limited by the pay."""
    table = table_edition(edition)
    kink = table.credit_kink
    credit = tax * Decimal("0.55") if tax <= kink else kink * Decimal("0.55") + (tax - kink) * Decimal("0.30")
    return floor_won(min(credit, table.credit_limit(annual)))


def bracket_middle(monthly: int) -> int | None:
    """The middle amount of the table's bracket holding a month's pay (770천원–1,500천원 by 5천원, to 3,000천원 by
    10천원, to 10,000천원 by 20천원); None below the table (no tax)."""
    thousand = monthly // BRACKETS_WON
    if thousand < 770:
        return None
    step = 5 if thousand < 1500 else 10 if thousand < 3000 else 20
    low = 770 if step == 5 else 1500 if step == 10 else 3000
    start = low + (thousand - low) // step * step
    return (start * 2 + step) * BRACKETS_WON // 2


def monthly_wage_tax(
    monthly: int, *, family: int = 1, edition: str, pension_rate: Decimal, pension_ceiling: int | None
) -> int:
    """The income tax of a month's pay from the 간이세액표 of `edition` (10원 미만 절사). `pension_rate` and
    `pension_ceiling` are the month's own; an edition that embeds its own pension uses that instead."""
    middle = bracket_middle(monthly)
    if middle is None:
        return 0
    table = table_edition(edition)
    annual = middle * 12
    earned = annual - earned_income_deduction(annual)
    if table.pension is not None:
        rate, ceiling = table.pension
        pension = floor_ten(min(middle // 1000 * 1000, ceiling) * rate / 100) * 12
    else:
        pension_base = min(middle, pension_ceiling) if pension_ceiling else middle
        pension = floor_won(pension_base * pension_rate / 100) * 12
    base = earned - 1_500_000 * max(family, 1) - pension - special_deduction(annual, family)
    tax = basic_tax(base, edition)
    year = max(tax - earned_income_credit(tax, annual, edition), 0)
    cell = floor_ten(Decimal(year) / 12)
    return 0 if table.drops_small and cell < 1_000 else cell


def daily_wage_tax(gross: int, *, days: int, deduction: int, rate: Decimal, credit: Decimal, small_amount: int) -> int:
    """The income tax withheld from a payment of daily wages for `days` days: per day (day's pay − deduction) × rate,
    less the credit, 원 미만 절사; none when the payment's tax is under the small-amount bound (소액부징수)."""
    if days <= 0:
        return 0
    day_pay = Decimal(gross) / days
    per_day = max(day_pay - deduction, Decimal(0)) * rate / 100
    per_day -= per_day * credit / 100
    tax = floor_won(per_day * days)
    return 0 if tax < small_amount else tax


def local_income_tax(income_tax: int, *, rate: Decimal) -> int:
    return floor_ten(income_tax * rate / 100)
