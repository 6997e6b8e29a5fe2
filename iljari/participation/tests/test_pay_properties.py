"""A month's pay adds up whatever the work records (hypothesis): each payment's total is the sum of its parts, the
worksite's payroll totals are the sums of its people's payments, and the city's and the district's shares add up
to the total."""

from __future__ import annotations

from contextlib import suppress
from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from iljari.core.errors import IljariError
from iljari.core.roles import Role
from iljari.participation import selectors, services
from iljari.people.tests.factories import make_person

MAY = date(2018, 5, 1)
START = date(2018, 3, 2)
PARTS = ("work_pay", "weekly_rest_pay", "holiday_pay", "leave_pay")

records = st.lists(
    st.fixed_dictionaries(
        {
            "days": st.integers(0, 23),
            "hours_per_day": st.sampled_from([4, 6, 8]),
            "leave_hours": st.sampled_from([0, 0, 4, 8]),
            "full_weeks": st.integers(0, 4),
        }
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=records, worksite=st.sampled_from(["gangdong", "jongno", "city"]))
def test_a_months_payroll_is_the_sum_of_its_payments(site, office, people, worksite):
    where = site[worksite]
    with transaction.atomic():
        kept = 0
        for spec in people:
            placement = services.placement_create(
                actor=None, person=make_person(), worksite=where, start_date=START, end_date=date(2018, 12, 31)
            )
            with suppress(IljariError):  # a record the rules refuse (more days than the month has): none kept
                services.work_record_set(
                    actor=None,
                    placement=placement,
                    month=MAY,
                    days_worked=spec["days"],
                    hours_worked=spec["days"] * spec["hours_per_day"],
                    paid_leave_hours=spec["leave_hours"],
                    full_weeks=spec["full_weeks"],
                )
                kept += 1
        assume(kept)
        services.pay_compute(actor=None, month=MAY, worksite=where)
        sheet = selectors.payroll(user=office[Role.OFFICE_MANAGER], worksite=where, month=MAY)
        payments = [row.payment for row in sheet.rows if row.payment is not None]
        for payment in payments:
            assert payment.total == sum(getattr(payment, part) for part in PARTS)
        for part in (*PARTS, "total"):
            assert sheet.totals[part] == sum(getattr(payment, part) for payment in payments)
        assert sheet.city_pay + sheet.district_pay == sheet.totals["total"]
        assert sheet.city_pay == sheet.totals["total"] * sheet.city_share_percent // 100
        transaction.set_rollback(True)
