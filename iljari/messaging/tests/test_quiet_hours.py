"""Quiet hours over arbitrary moments (hypothesis): a text message written at any moment goes out at once when it is
08:00–21:00 in Seoul, otherwise at the next 08:00 — never earlier than written, never in the quiet hours, and within
11 hours."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from iljari.messaging.services import quiet_hours_release

SEOUL = ZoneInfo("Asia/Seoul")
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))


@given(moments)
def test_a_message_never_goes_out_in_the_quiet_hours(moment):
    released = quiet_hours_release(moment)
    local_in, local_out = moment.astimezone(SEOUL), released.astimezone(SEOUL)
    assert released >= moment
    assert released - moment <= timedelta(hours=11)  # 21:00 → 08:00 at most
    assert time(8) <= local_out.time() < time(21)
    if time(8) <= local_in.time() < time(21):
        assert released == moment
    else:
        assert local_out.time() == time(8)
        expected_day = local_in.date() + timedelta(days=1) if local_in.time() >= time(21) else local_in.date()
        assert local_out.date() == expected_day


def test_the_edges():
    at = lambda h, m=0: datetime(2018, 5, 14, h, m, tzinfo=SEOUL)  # noqa: E731
    assert quiet_hours_release(at(7, 59)) == at(8)
    assert quiet_hours_release(at(8)) == at(8)
    assert quiet_hours_release(at(20, 59)) == at(20, 59)
    assert quiet_hours_release(at(21)) == datetime(2018, 5, 15, 8, tzinfo=SEOUL)
    assert quiet_hours_release(at(0)) == at(8)
