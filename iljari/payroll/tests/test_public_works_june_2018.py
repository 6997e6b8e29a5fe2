"""Done when: for the 2018 demo, a public-works worksite's June payroll shows gross pay, each deduction, the net and
the employer's share, and several lines recomputed here by hand from the official 2018 rates agree to the won.

The rates below are written from their publications, not read from the code:
- 국민연금 (국민연금법 제88조, 보건복지부 고시 2017.7.–2018.6.): 4.5% each of the 기준소득월액 (pay rounded down to
  the 1,000원, between 290,000원 and 4,490,000원), 원 미만 절사; none from age 60 (제8조).
- 건강보험 (시행령 제44조, 2018): 6.24% of the pay, half each, 10원 미만 절사.
- 장기요양보험 (시행령 제4조, 2018): 7.38% of the health premium, 10원 미만 절사.
- 고용보험 (징수법 시행령 제12조): the worker 0.65%; the employer 0.65% + 0.85% (국가·지방자치단체), 10원 미만 절사.
- 산재보험: 1.05% (사업종류 요율 + 출퇴근재해), employer only, 10원 미만 절사.
- 소득세: the 2018 근로소득 간이세액표 (시행령 별표2) for one in the family, nothing under 1,000원 (제86조),
  지방소득세 10%, each 10원 미만 절사."""

from datetime import date
from decimal import ROUND_FLOOR, Decimal

import pytest

from iljari.core.roles import Role
from iljari.demo import public_works_loader
from iljari.demo.participation_loader import load_tables
from iljari.participation import selectors
from iljari.participation.models import Worksite
from iljari.payroll.selectors import worksite_deductions

JUNE = date(2018, 6, 1)


def floor(amount, unit=1):
    return int((Decimal(amount) / unit).to_integral_value(rounding=ROUND_FLOOR)) * unit


def simple_table_2018(monthly: int) -> int:
    """The 2018 간이세액표 for one in the family, by its 작성방법 (소득세법 시행령 별표2)."""
    if monthly < 770_000:
        return 0
    k = monthly // 1000
    step, low = (5, 770) if k < 1500 else (10, 1500) if k < 3000 else (20, 3000)
    middle = (low + (k - low) // step * step) * 1000 + step * 500
    annual = middle * 12
    if annual <= 15_000_000:
        earned_deduction = 3_500_000 + (annual - 5_000_000) * Decimal("0.4")
    else:
        earned_deduction = 7_500_000 + (annual - 15_000_000) * Decimal("0.15")
    special = 3_100_000 + annual * Decimal("0.04")  # 1명, 총급여 3,000만원 이하
    pension = floor(middle * Decimal("0.045")) * 12
    base = annual - floor(earned_deduction) - 1_500_000 - pension - floor(special)
    tax = floor(max(base, 0) * Decimal("0.06"))  # 과세표준 1,200만원 이하 6%
    credit = floor(tax * Decimal("0.55"))  # 130만원 이하 55%, 한도 74만원
    return floor(Decimal(tax - credit) / 12, 10)


def by_hand(gross: int, age: int) -> dict:
    pension = 0 if age >= 60 else floor(min(max(gross // 1000 * 1000, 290_000), 4_490_000) * Decimal("0.045"))
    health = floor(gross * Decimal("0.0312"), 10)
    care = floor(health * Decimal("0.0738"), 10)
    employment = floor(gross * Decimal("0.0065"), 10)
    income_tax = simple_table_2018(gross)
    income_tax = income_tax if income_tax >= 1_000 else 0  # 소액부징수 (소득세법 제86조)
    local_tax = floor(income_tax * Decimal("0.1"), 10)
    deductions = pension + health + care + employment + income_tax + local_tax
    employer = pension + health + care + floor(gross * Decimal("0.015"), 10) + floor(gross * Decimal("0.0105"), 10)
    return {
        "pension": pension,
        "health": health,
        "care": care,
        "employment": employment,
        "income_tax": income_tax,
        "local_tax": local_tax,
        "deductions": deductions,
        "net": gross - deductions,
        "employer_total": employer,
    }


@pytest.fixture
def demo_public_works(personas, dataset_2018):
    load_tables()
    public_works_loader.load_public_works()
    return personas


def test_a_public_works_worksites_june_payroll_agrees_with_the_2018_rates_by_hand(demo_public_works, client_as):
    manager = demo_public_works[Role.OFFICE_MANAGER]
    worksite = (
        Worksite.objects.filter(operator="district", placements__payments__month=JUNE, programme__code="P1-06")
        .order_by("code")
        .first()
    )
    sheet = selectors.payroll(user=manager, worksite=worksite, month=JUNE)
    lines = worksite_deductions(user=manager, worksite=worksite, month=JUNE)
    paid = [row for row in sheet.rows if row.payment]
    assert paid and len(lines) == len(paid)
    for row in paid[:8]:
        line = lines[row.payment.pk]
        person = row.placement.person
        age = JUNE.year - person.birth_date.year - ((person.birth_date.month, person.birth_date.day) > (6, 1))
        expected = by_hand(row.payment.total, age)
        assert line.gross == row.payment.total
        assert {name: getattr(line, name) for name in expected} == expected, (person.birth_date, line.coverage)
    # the 급여대장 page of the month shows them
    response = client_as(Role.OFFICE_MANAGER).get(f"/payroll/worksites/{worksite.code}/2018-06/")
    assert response.status_code == 200
    page = response.content.decode()
    first = lines[paid[0].payment.pk]
    for text in (
        "국민연금",
        "건강보험",
        "장기요양",
        "고용보험",
        "소득세",
        "지방소득세",
        "공제 계",
        "실지급액",
        "사업주 부담",
    ):
        assert text in page
    assert f"{first.net:,}" in page and f"{first.employer_total:,}" in page
