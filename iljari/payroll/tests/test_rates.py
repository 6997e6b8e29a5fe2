"""The rates loaded for 2018–2026: each insurance's periods follow one another without gap or overlap, and the
figures the brief and the publications name are there (written here from the publications)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from iljari.core.errors import ValidationFailed
from iljari.payroll import services
from iljari.payroll.models import IncomeTaxRule, InsuranceRate
from iljari.payroll.selectors import rates_in_force


@pytest.mark.parametrize("insurance", ["pension", "health", "care", "employment", "accident"])
def test_each_insurance_has_contiguous_periods_from_2018_with_a_source(db, insurance):
    periods = list(InsuranceRate.objects.filter(insurance=insurance).order_by("valid_from"))
    assert periods[0].valid_from == date(2018, 1, 1) and periods[-1].valid_to is None
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.valid_to + timedelta(days=1) == after.valid_from
    assert all(period.source for period in periods)


def test_the_published_figures_are_in_force_on_their_days(db):
    july_2018 = rates_in_force(day=date(2018, 7, 1))
    assert (july_2018["pension"].base_floor, july_2018["pension"].base_ceiling) == (300_000, 4_680_000)
    assert july_2018["pension"].worker_rate == july_2018["pension"].employer_rate == Decimal("4.5")
    assert july_2018["pension"].age_limit == 60
    assert july_2018["health"].worker_rate * 2 == Decimal("6.24") and july_2018["care"].worker_rate == Decimal("7.38")
    assert rates_in_force(day=date(2019, 9, 1))["employment"].worker_rate == Decimal("0.65")
    assert rates_in_force(day=date(2019, 10, 1))["employment"].worker_rate == Decimal("0.8")
    assert rates_in_force(day=date(2022, 7, 1))["employment"].worker_rate == Decimal("0.9")
    assert rates_in_force(day=date(2022, 7, 1))["employment"].employer_extra_rate == Decimal("0.85")
    june_2026 = rates_in_force(day=date(2026, 6, 1))
    assert june_2026["pension"].worker_rate == Decimal("4.75") and june_2026["health"].worker_rate * 2 == Decimal(
        "7.19"
    )
    assert rates_in_force(day=date(2026, 7, 1))["pension"].base_ceiling == 6_590_000
    assert IncomeTaxRule.objects.get(valid_from=date(2018, 1, 1)).daily_deduction == 150_000


def test_a_month_without_a_rate_is_refused_in_korean(db):
    InsuranceRate.objects.filter(insurance="care", valid_from__year=2018).delete()
    with pytest.raises(ValidationFailed, match="2018년 5월에 적용할 장기요양보험 요율이 없습니다"):
        services.rates_for(date(2018, 5, 1))


def test_a_rate_saved_by_the_service_checks_its_bounds_and_writes_nothing_when_wrong(db):
    count = InsuranceRate.objects.count()
    with pytest.raises(ValidationFailed, match="장기요양 요율|근로자 요율"):
        services.insurance_rate_save(
            actor=None, insurance="care", valid_from=date(2027, 1, 1), worker_rate=Decimal(31),
            employer_rate=Decimal(13), source="노인장기요양보험법 시행령 제4조",
        )  # fmt: skip
    with pytest.raises(ValidationFailed, match="상한은 하한보다 커야"):
        services.insurance_rate_save(
            actor=None, insurance="pension", valid_from=date(2027, 7, 1), worker_rate=Decimal("4.75"),
            employer_rate=Decimal("4.75"), base_floor=500_000, base_ceiling=400_000, source="국민연금법 시행령 제5조",
        )  # fmt: skip
    assert InsuranceRate.objects.count() == count


def test_each_edition_of_the_simplified_table_is_in_force_from_its_revision(db):
    # 별표2: the 2023 basic rates from 2023; the table <개정 2024. 2. 29.> for pay from 2024.3, still in force
    assert services.rates_for(date(2022, 12, 1)).tax.simple_table == "2018"
    assert services.rates_for(date(2024, 2, 1)).tax.simple_table == "2023"
    assert services.rates_for(date(2024, 3, 1)).tax.simple_table == "2024"
    assert services.rates_for(date(2026, 6, 1)).tax.simple_table == "2024"
    periods = list(IncomeTaxRule.objects.order_by("valid_from"))
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.valid_to + timedelta(days=1) == after.valid_from
    assert periods[-1].valid_to is None
