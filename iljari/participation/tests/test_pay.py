"""Monthly pay under the labour rules: hours at the living wage, the weekly rest day, paid public holidays,
paid leave, rounding down to the 원, and the living wage of the pay month's year as the floor.

Expected amounts are worked out by hand from the calendar of May 2018: 23 weekdays, of which 7 May (substitute
holiday) and 22 May (Buddha's birthday) are public holidays, so 21 working days; 4 Sundays."""

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.locks import month_lock
from iljari.core.roles import Role
from iljari.participation import services
from iljari.participation.models import Payment
from iljari.people.tests.factories import make_person

MAY = date(2018, 5, 1)


def _place(site, *, weekly_hours=40, start=date(2018, 3, 2), end=date(2018, 12, 31), worksite="gangdong"):
    return services.placement_create(
        actor=None,
        person=make_person(),
        worksite=site[worksite],
        start_date=start,
        end_date=end,
        weekly_hours=weekly_hours,
    )


def _pay(placement, month=MAY, **record):
    values = {"days_worked": 21, "hours_worked": 168, "full_weeks": 4, **record}
    services.work_record_set(actor=None, placement=placement, month=month, **values)
    services.pay_compute(actor=None, month=month, worksite=placement.worksite)
    return Payment.objects.get(placement=placement, month=month)


def test_a_full_month_pays_hours_weekly_rest_and_public_holidays(site):
    pay = _pay(_place(site))
    assert pay.hourly_wage == 9_220
    assert pay.work_pay == 168 * 9_220  # 1,548,960
    assert pay.weekly_rest_pay == 4 * 8 * 9_220  # four Sundays, a day of 8 hours each
    assert pay.holiday_pay == 2 * 8 * 9_220  # 7 and 22 May; 5 May is a Saturday
    assert pay.paid_holidays == 2
    assert pay.total == 1_991_520


def test_part_time_of_fifteen_hours_or_more_gets_a_proportional_rest_day(site):
    pay = _pay(_place(site, weekly_hours=20), hours_worked=84)  # 4 hours a day
    assert pay.weekly_rest_pay == 4 * 4 * 9_220
    assert pay.holiday_pay == 2 * 4 * 9_220


def test_under_fifteen_hours_a_week_there_is_no_weekly_rest_pay(site):
    pay = _pay(_place(site, weekly_hours=14), hours_worked=Decimal("58.8"))  # 2.8 hours a day
    assert pay.weekly_rest_pay == 0
    assert pay.work_pay == 542_136  # 58.8 × 9,220 = 542,136


def test_each_amount_is_rounded_down_to_the_won(site):
    pay = _pay(_place(site, weekly_hours=Decimal("22.5")), days_worked=1, hours_worked=Decimal("0.33"), full_weeks=0)
    assert pay.work_pay == 3_042  # 0.33 × 9,220 = 3,042.6
    assert pay.holiday_pay == 82_980  # 2 × 4.5 h × 9,220


def test_paid_leave_is_paid_at_the_wage(site):
    pay = _pay(_place(site), days_worked=20, hours_worked=160, paid_leave_hours=8, full_weeks=3)
    assert pay.leave_pay == 8 * 9_220
    assert pay.weekly_rest_pay == 3 * 8 * 9_220


def test_the_living_wage_of_the_pay_month_is_the_floor(site):
    placement = _place(site, start=date(2018, 11, 1), end=date(2019, 6, 30))
    assert placement.hourly_wage == 9_220  # the start year's wage
    january = date(2019, 1, 1)
    pay = _pay(placement, month=january, days_worked=1, hours_worked=8, full_weeks=0)
    assert pay.hourly_wage == 10_148
    assert pay.work_pay == 8 * 10_148


def test_a_month_that_starts_mid_month_counts_only_the_placement_days(site):
    placement = _place(site, start=date(2018, 5, 21))  # Mon 21 May: 22 May is a holiday, then 23–31 = 7 days
    with pytest.raises(ValidationFailed) as error:
        services.work_record_set(
            actor=None, placement=placement, month=MAY, days_worked=9, hours_worked=72, full_weeks=1
        )
    assert "소정근로일은 8일" in str(error.value.field_errors["days_worked"])
    with pytest.raises(ValidationFailed):  # only one Sunday (27 May) falls in the placement's part of May
        services.work_record_set(
            actor=None, placement=placement, month=MAY, days_worked=8, hours_worked=64, full_weeks=2
        )
    pay = _pay(placement, days_worked=8, hours_worked=64, full_weeks=1)
    assert pay.paid_holidays == 1  # 22 May only
    assert pay.total == 64 * 9_220 + 1 * 8 * 9_220 + 1 * 8 * 9_220


def test_record_checks_name_the_calendar(site):
    placement = _place(site)
    cases = [
        ({"days_worked": 21, "hours_worked": 169, "full_weeks": 4}, "hours_worked", "8시간"),
        ({"days_worked": 21, "hours_worked": 168, "full_weeks": 5}, "full_weeks", "4일"),
        (
            {"days_worked": 19, "hours_worked": 152, "full_weeks": 4, "paid_leave_hours": 17},
            "paid_leave_hours",
            "유급휴가",
        ),
    ]
    for values, field, text in cases:
        with pytest.raises(ValidationFailed) as error:
            services.work_record_set(actor=None, placement=placement, month=MAY, **values)
        assert text in " ".join(error.value.field_errors[field])
    with pytest.raises(ValidationFailed) as error:
        services.work_record_set(
            actor=None, placement=placement, month=date(2019, 2, 1), days_worked=1, hours_worked=8, full_weeks=0
        )
    assert "기간" in error.value.field_errors["month"][0]


def test_a_closed_month_refuses_records_and_pay(site, personas):
    placement = _place(site)
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=21, hours_worked=168, full_weeks=4)
    month_lock(actor=personas[Role.OFFICE_MANAGER], year=2018, month=5)
    with pytest.raises(ValidationFailed) as error:
        services.work_record_set(
            actor=None, placement=placement, month=MAY, days_worked=20, hours_worked=160, full_weeks=4
        )
    assert "마감" in error.value.message
    with pytest.raises(ValidationFailed):
        services.pay_compute(actor=None, month=MAY)
    assert not Payment.objects.exists()


def test_computing_again_replaces_the_month_and_the_total_is_the_sum(site):
    placement = _place(site)
    _pay(placement)
    pay = _pay(placement, days_worked=20, hours_worked=160, full_weeks=3)
    assert Payment.objects.filter(placement=placement).count() == 1
    assert (
        pay.total == pay.work_pay + pay.weekly_rest_pay + pay.holiday_pay + pay.leave_pay == 160 * 9_220 + 5 * 8 * 9_220
    )


def test_pay_without_a_living_wage_for_the_year_is_refused_in_korean(site):
    placement = _place(site, start=date(2019, 12, 2), end=date(2020, 3, 31))
    services.work_record_set(
        actor=None, placement=placement, month=date(2020, 1, 1), days_worked=1, hours_worked=8, full_weeks=0
    )
    with pytest.raises(ValidationFailed) as error:
        services.pay_compute(actor=None, month=date(2020, 1, 1))
    assert "2020년 생활임금이 등록되지 않았습니다" in error.value.message
