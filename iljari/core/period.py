"""The year and the as-of date a figures page shows: from its query string, or the newest with figures.

The facts live in apps above core (plan's years, finance's budget snapshots, performance's job achievements), so
those apps register them here in their AppConfig.ready, as intake/checks.py does for eligibility: no import
upwards, no signal.

Contract:
- period_years_register(source) / period_as_of_register(source): an app says which plan years exist
  (`source() -> iterable of years`) and the newest date with figures in a year (`source(year) -> date | None`).
- default_period(*, year=None) -> (year, as_of): the newest plan year (or the one asked for) and the newest date
  with figures in it; without figures, today in the current year or the year's last day.
- figure_period(request) -> (year, as_of, warnings): the page's period from `?year=&as_of=`, never an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from django.utils import timezone

_YEAR_SOURCES: list[Callable[[], Iterable[int]]] = []
_AS_OF_SOURCES: list[Callable[[int], date | None]] = []


def period_years_register(source: Callable[[], Iterable[int]]) -> None:
    if source not in _YEAR_SOURCES:
        _YEAR_SOURCES.append(source)


def period_as_of_register(source: Callable[[int], date | None]) -> None:
    if source not in _AS_OF_SOURCES:
        _AS_OF_SOURCES.append(source)


def default_period(*, year: int | None = None) -> tuple[int, date]:
    if year is None:
        years = sorted({y for source in _YEAR_SOURCES for y in source()}, reverse=True)
        year = years[0] if years else timezone.localdate().year
    dates = [d for d in (source(year) for source in _AS_OF_SOURCES) if d is not None]
    if dates:
        return year, max(dates)
    today = timezone.localdate()
    return year, today if today.year == year else date(year, 12, 31)


def figure_period(request) -> tuple[int, date, list[str]]:
    """(year, as_of, warnings). A malformed or out-of-range value falls back to the default with a warning."""
    warnings: list[str] = []
    year = None
    raw_year = request.GET.get("year", "")
    if raw_year:
        if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100:
            year = int(raw_year)
        else:
            warnings.append(f"연도 '{raw_year}'을(를) 읽을 수 없어 기본 연도를 보여 줍니다.")
    asked = None
    raw_as_of = request.GET.get("as_of", "")
    if raw_as_of:
        try:
            asked = date.fromisoformat(raw_as_of)
        except ValueError:
            warnings.append(f"기준일 '{raw_as_of}'을(를) 읽을 수 없어 최근 기준일을 보여 줍니다.")
    if year is not None and asked is not None and asked.year == year:
        return year, asked, warnings  # both asked for: the defaults (three queries) are not needed
    year, as_of = default_period(year=year)
    if asked is not None:
        if asked.year == year:
            as_of = asked
        else:
            warnings.append(f"기준일은 {year}년 안의 날짜여야 합니다. 최근 기준일을 보여 줍니다.")
    return year, as_of, warnings
