"""Indicators: achievement rate derived from target and actual; formula indicators computed from others."""

from datetime import date
from decimal import Decimal

from iljari.core.roles import Role
from iljari.performance import services
from iljari.performance.models import Indicator
from iljari.performance.selectors import indicator_table


def test_achievement_rate_and_formula_indicator(personas):
    manager = personas[Role.OFFICE_MANAGER]
    hires = services.indicator_set(actor=None, code="HIRED", name="취업자", unit="명")
    counselled = services.indicator_set(actor=None, code="COUNSELLED", name="상담자", unit="명")
    rate = services.indicator_set(actor=None, code="JOB-RATE", name="상담 후 취업률", unit="%")
    Indicator.objects.filter(pk=rate.pk).update(numerator=hires, denominator=counselled, factor=Decimal(100))
    as_of = date(2018, 6, 30)
    for indicator, target, actual in ((hires, 2000, 1785), (counselled, 14000, 13869)):
        services.indicator_value_record(
            actor=None, indicator=indicator, year=2018, kind="target", value=target, as_of=as_of
        )
        services.indicator_value_record(
            actor=None, indicator=indicator, year=2018, kind="actual", value=actual, as_of=as_of
        )
    rows = {row.indicator.code: row for row in indicator_table(user=manager, years=[2018], as_of=as_of)}
    assert rows["HIRED"].cells[2018].achievement_rate == Decimal(1785) / Decimal(2000)
    # 1,785 of 13,869 counselled found a job: 12.87…%
    assert round(rows["JOB-RATE"].cells[2018].actual, 2) == Decimal("12.87")
    assert round(rows["JOB-RATE"].cells[2018].target, 2) == Decimal("14.29")
    # a later value as of a later date wins; an earlier as-of shows the earlier value
    services.indicator_value_record(
        actor=None, indicator=hires, year=2018, kind="actual", value=2100, as_of=date(2018, 9, 30)
    )
    earlier = {r.indicator.code: r for r in indicator_table(user=manager, years=[2018], as_of=as_of)}
    assert earlier["HIRED"].cells[2018].actual == Decimal(1785)
    later = {r.indicator.code: r for r in indicator_table(user=manager, years=[2018], as_of=date(2018, 12, 31))}
    assert later["HIRED"].cells[2018].actual == Decimal(2100)
