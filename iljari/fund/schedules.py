"""Repayment schedules of the social investment fund's loans: pure functions, no database.

`schedule_compute(...)` returns the instalments of a loan for one of three methods:

- equal instalments (원리금균등, `annuity`): after the grace period every instalment (principal + interest) is the
  same, A = B·r / (1 − (1 + r)^−m) for the balance B, the monthly rate r and the m instalments left;
- equal principal (원금균등, `equal_principal`): after the grace period the principal is B / m each month, interest
  on the falling balance;
- bullet (만기일시, `bullet`): interest every month, the whole principal on the last instalment.

Conventions (docs/fund.md states them too):

- Instalments are monthly, due on the same day of the month as the start date (the disbursement date, or the
  decision date of a recomputed schedule); a day the month lacks becomes its last day (31 Jan → 28 Feb).
- Day count 30/360 by month: one month's interest = balance × annual rate / 12, whatever the month's length.
- Rounding: interest is cut to the whole 원 (원 미만 절사, in the borrower's favour); the annuity payment and the equal
  principal are cut to the 원 as well, and the last instalment takes the whole remaining balance, so the
  principal always sums exactly to the loan and the balance is zero on the last due date.
- Grace period (거치기간): the first `grace_months` instalments are interest only; the principal is repaid over
  the `term_months − grace_months` instalments after it.

Rates are Decimal percentages per year (`Decimal("2.5")` = 2.5%), at most three decimals.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal, localcontext

from iljari.core.errors import ValidationFailed

ANNUITY = "annuity"
EQUAL_PRINCIPAL = "equal_principal"
BULLET = "bullet"
METHODS = {ANNUITY: "원리금균등", EQUAL_PRINCIPAL: "원금균등", BULLET: "만기일시"}

RATE_SCALE = 1000  # rates kept in thousandths of a percent
MAX_TERM_MONTHS = 600


@dataclass(frozen=True)
class Instalment:
    number: int
    due_on: date
    principal: int
    interest: int
    balance_after: int

    @property
    def total(self) -> int:
        return self.principal + self.interest


def month_add(start: date, months: int) -> date:
    """`start` moved by whole months, the day kept or cut to the month's last day."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def rate_units(annual_rate: Decimal) -> int:
    """The rate in thousandths of a percent (2.5% → 2500); more decimals are refused."""
    scaled = Decimal(annual_rate) * RATE_SCALE
    if scaled != scaled.to_integral_value():
        message = "이자율은 소수점 셋째 자리까지 적습니다."
        raise ValidationFailed(message, field_errors={"annual_rate": [message]})
    return int(scaled)


def month_interest(balance: int, annual_rate: Decimal) -> int:
    """One month's interest on `balance`: balance × rate / 12, cut to the 원 (exact integer arithmetic)."""
    return balance * rate_units(annual_rate) // (100 * RATE_SCALE * 12)


def annuity_payment(balance: int, annual_rate: Decimal, months: int) -> int:
    """The equal instalment for `balance` over `months` at `annual_rate`, cut to the 원."""
    units = rate_units(annual_rate)
    if units == 0:
        return balance // months
    with localcontext() as ctx:
        ctx.prec = 50
        r = Decimal(units) / Decimal(100 * RATE_SCALE * 12)
        payment = Decimal(balance) * r / (1 - (1 + r) ** -months)
        return int(payment.to_integral_value(rounding=ROUND_FLOOR))


def schedule_check(*, principal: int, annual_rate: Decimal, term_months: int, grace_months: int, method: str) -> None:
    """The Korean reasons a schedule cannot be computed (ValidationFailed), or nothing."""
    errors: dict[str, list[str]] = {}
    if principal is None or principal <= 0:
        errors["principal"] = ["융자 원금은 1원 이상이어야 합니다."]
    if annual_rate is None or Decimal(annual_rate) < 0:
        errors["annual_rate"] = ["이자율은 0% 이상이어야 합니다."]
    elif Decimal(annual_rate) * RATE_SCALE != (Decimal(annual_rate) * RATE_SCALE).to_integral_value():
        errors["annual_rate"] = ["이자율은 소수점 셋째 자리까지 적습니다."]
    if term_months is None or term_months <= 0:
        errors["term_months"] = ["융자 기간은 1개월 이상이어야 합니다."]
    elif term_months > MAX_TERM_MONTHS:
        errors["term_months"] = [f"융자 기간은 {MAX_TERM_MONTHS}개월 이하여야 합니다."]
    if grace_months is None or grace_months < 0:
        errors["grace_months"] = ["거치기간은 0개월 이상이어야 합니다."]
    elif term_months and term_months > 0 and grace_months >= term_months:
        errors["grace_months"] = ["거치기간은 융자 기간보다 짧아야 합니다."]
    if method not in METHODS:
        errors["method"] = ["상환방법은 원리금균등, 원금균등, 만기일시 중 하나입니다."]
    if errors:
        first = next(iter(errors.values()))[0]
        raise ValidationFailed(first, field_errors=errors)


def schedule_compute(
    *,
    principal: int,
    annual_rate: Decimal,
    start_on: date,
    term_months: int,
    grace_months: int = 0,
    method: str,
    first_number: int = 1,
) -> list[Instalment]:
    """The instalments of `principal` lent on `start_on` for `term_months` months (see the module docstring)."""
    schedule_check(
        principal=principal, annual_rate=annual_rate, term_months=term_months, grace_months=grace_months, method=method
    )
    repaying = term_months - grace_months
    balance = principal
    payment = annuity_payment(principal, annual_rate, repaying) if method == ANNUITY else 0
    equal_share = principal // repaying
    rows: list[Instalment] = []
    for month in range(1, term_months + 1):
        interest = month_interest(balance, annual_rate)
        if month == term_months:
            part = balance
        elif month <= grace_months or method == BULLET:
            part = 0
        elif method == ANNUITY:
            part = min(max(payment - interest, 0), balance)
        else:
            part = min(equal_share, balance)
        balance -= part
        rows.append(Instalment(first_number + month - 1, month_add(start_on, month), part, interest, balance))
    return rows
