"""A deadline at midnight reads as the end of the day before (issue 25: "마감 2027.1.29. 00:00" was read as the 29th):
`|when:"deadline"` shows 2027.1.28. 24:00; any other moment as the screen's date and time."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from iljari.core import formats

SEOUL = ZoneInfo("Asia/Seoul")


def test_a_deadline_at_midnight_is_the_end_of_the_day_before():
    assert formats.screen_deadline(datetime(2027, 1, 29, 0, 0, tzinfo=SEOUL)) == "2027.1.28. 24:00"
    assert formats.screen_deadline(datetime(2027, 3, 1, 0, 0, tzinfo=SEOUL)) == "2027.2.28. 24:00"
    # midnight in Seoul is 15:00 the day before in UTC
    assert formats.screen_deadline(datetime(2027, 1, 28, 15, 0, tzinfo=UTC)) == "2027.1.28. 24:00"


def test_any_other_deadline_shows_its_day_and_time():
    assert formats.screen_deadline(datetime(2027, 1, 29, 18, 0, tzinfo=SEOUL)) == "2027.1.29. 18:00"
    assert formats.screen_deadline(datetime(2027, 1, 29, 0, 1, tzinfo=SEOUL)) == "2027.1.29. 00:01"
    assert formats.screen_deadline(date(2027, 1, 29)) == "2027.1.29."
    assert formats.screen_deadline(None) == formats.EMPTY


def test_the_when_filter_has_the_deadline_style():
    rendered = Template('{% load kformat %}{{ at|when:"deadline" }}').render(
        Context({"at": datetime(2027, 1, 29, 0, 0, tzinfo=SEOUL)})
    )
    assert rendered == "2027.1.28. 24:00"


@given(st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 31)))
def test_a_deadline_never_shows_00_00(moment):
    shown = formats.screen_deadline(moment.replace(tzinfo=SEOUL))
    assert not shown.endswith(" 00:00")
    assert shown.endswith(" 24:00") == ((moment.hour, moment.minute) == (0, 0))  # the screen shows minutes
