"""core.period: the latest date with data of a page is the newest day on which every source it draws has figures."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iljari.core import period


@pytest.fixture
def sources(monkeypatch):
    """An empty registry for the test (the apps' own registrations are put back after it)."""
    monkeypatch.setattr(period, "_AS_OF_SOURCES", {})
    monkeypatch.setattr(period, "_YEAR_SOURCES", [lambda: [2018]])
    return period


def test_the_page_opens_where_every_source_has_figures(sources):
    sources.period_as_of_register("budget", lambda year: date(2018, 6, 30), label="예산 집행")
    sources.period_as_of_register("jobs", lambda year: date(2018, 12, 31), label="일자리 실적")
    sources.period_as_of_register("fund", lambda year: date(2018, 5, 31), label="사회투자기금", office_figures=False)
    assert sources.default_period() == (2018, date(2018, 6, 30))  # not the one programme's year end
    assert sources.latest_data_days() == [("예산 집행", date(2018, 6, 30)), ("일자리 실적", date(2018, 12, 31))]
    assert sources.latest_data_day(sources=["jobs"]) == date(2018, 12, 31)
    assert sources.latest_data_day(sources=["fund"]) == date(2018, 5, 31)  # asked for by name only


def test_a_source_without_figures_is_left_out_and_none_at_all_falls_back(sources):
    sources.period_as_of_register("budget", lambda year: None, label="예산 집행")
    assert sources.latest_data_day() is None
    assert sources.default_period(year=2018) == (2018, date(2018, 12, 31))  # a past year: its last day
    sources.period_as_of_register("jobs", lambda year: date(2018, 6, 30), label="일자리 실적")
    assert sources.latest_data_day() == date(2018, 6, 30)


days = st.dates(min_value=date(2018, 1, 1), max_value=date(2018, 12, 31))


@given(newest=st.lists(st.one_of(st.none(), days), min_size=1, max_size=6))
def test_the_latest_date_is_reached_by_every_source_with_figures(newest):
    saved = dict(period._AS_OF_SOURCES)
    try:
        period._AS_OF_SOURCES.clear()
        for index, day in enumerate(newest):
            period.period_as_of_register(f"s{index}", lambda year, day=day: day, label=f"자료{index}")
        latest = period.latest_data_day(year=2018)
        present = [day for day in newest if day is not None]
        if not present:
            assert latest is None
        else:
            assert latest in present and all(latest <= day for day in present)
            assert latest + timedelta(days=1) > min(present)
    finally:
        period._AS_OF_SOURCES.clear()
        period._AS_OF_SOURCES.update(saved)


@pytest.mark.parametrize("raw", ["²", "2018²", "①", "٢٠١٨x", "20 18"])
def test_a_year_of_digit_like_characters_falls_back_with_a_warning(db, raw):
    """ "²" is a digit to str.isdigit() yet no number to int(): the year falls back to the default, with a warning,
    instead of answering 500 (a figures page's ?year=)."""
    from django.test import RequestFactory

    request = RequestFactory().get("/", {"year": raw})
    year, as_of, warnings = period.figure_period(request)
    assert 2000 <= year <= 2100 and as_of.year >= 2000
    assert warnings
