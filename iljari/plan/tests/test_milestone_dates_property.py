"""Any milestone dates: a 2018 programme's step is kept when its start and end fall in 2017-2019 (the year and one
either side, as the 2018 report itself has steps of '17.11 and '19.1) and the end is not before the start; anything
else is refused with a Korean message on the milestones and leaves the programme's steps as they were."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.plan import services
from iljari.plan.models import Programme

FIRST, LAST = date(2017, 1, 1), date(2019, 12, 31)
SOME_DAYS = st.one_of(
    st.dates(min_value=date(2016, 10, 1), max_value=date(2020, 3, 31)),  # around the bounds
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
CHECKED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def programme(personas, dataset_2018):
    return Programme.objects.get(code="P1-03")


def _steps(programme: Programme) -> list[tuple]:
    return list(programme.milestones.order_by("order").values_list("title", "start", "end"))


@CHECKED
@given(start=st.none() | SOME_DAYS, end=st.none() | SOME_DAYS, precision=st.sampled_from(["day", "month"]))
def test_a_step_is_kept_exactly_when_its_dates_fit_the_year_and_each_other(programme, personas, start, end, precision):
    manager = personas[Role.OFFICE_MANAGER]
    before = _steps(programme)
    fits = all(day is None or FIRST <= day <= LAST for day in (start, end))
    ordered = start is None or end is None or end >= start
    row = {"title": "시험 일정", "state": "planned", "start": start, "end": end, "precision": precision}

    if fits and ordered:
        services.programme_update(actor=manager, programme=programme, milestones=[row])
        assert _steps(programme) == [("시험 일정", start, end)]
    else:
        with pytest.raises(ValidationFailed) as error:
            services.programme_update(actor=manager, programme=programme, milestones=[row])
        (message,) = error.value.field_errors["milestones"]
        assert message.startswith("추진일정 1번째 줄")
        assert ("종료일이 시작일보다 앞섭니다" in message) == (fits and not ordered)
        assert _steps(programme) == before
