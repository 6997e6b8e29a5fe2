"""core.holidays: the public holidays as the apps read them, from the sources registered (participation's table)."""

from datetime import date

import pytest

from iljari.core import holidays
from iljari.participation.models import PublicHoliday


@pytest.fixture
def only_sources(monkeypatch):
    """The registry emptied for the test (participation's source comes back after it)."""
    monkeypatch.setattr(holidays, "_SOURCES", {})


def test_without_a_source_no_day_is_a_holiday(only_sources):
    assert holidays.public_holiday(date(2018, 5, 7)) is None
    assert holidays.public_holidays(date(2018, 1, 1), date(2018, 12, 31)) == {}


def test_the_sources_answer_together_and_a_key_registered_twice_is_replaced(only_sources):
    holidays.holiday_source_register("a", lambda first, last: {date(2018, 5, 7): "대체공휴일"})
    holidays.holiday_source_register("b", lambda first, last: {date(2018, 5, 22): "부처님오신날"})
    assert holidays.public_holidays(date(2018, 5, 1), date(2018, 5, 31)) == {
        date(2018, 5, 7): "대체공휴일",
        date(2018, 5, 22): "부처님오신날",
    }
    holidays.holiday_source_register("b", lambda first, last: {})
    assert holidays.public_holiday(date(2018, 5, 22)) is None


def test_participations_table_is_registered_at_start(db):
    PublicHoliday.objects.create(day=date(2018, 9, 24), name="추석")
    assert holidays.public_holiday(date(2018, 9, 24)) == "추석"
    assert holidays.public_holiday(date(2018, 9, 27)) is None
    assert holidays.public_holidays(date(2018, 9, 1), date(2018, 9, 30)) == {date(2018, 9, 24): "추석"}
