"""The year and the as-of date a page shows: from its query string, or the latest date with data — decided here,
once, for every page.

The facts live in apps above core (plan's years, finance's budget snapshots, performance's job achievements, the
fund's ledger), so those apps register them here in their AppConfig.ready, as intake/checks.py does for
eligibility: no import upwards, no signal.

The latest date with data of a page is the newest day on which every source it draws has figures: each source's
newest date, the earliest of them. A page drawing the budget (figures to '18.6.30.) and the job achievements (one
programme counted to '18.12.31.) opens at '18.6.30., so none of its tables is labelled with a day its figures do
not reach; the later figures of one source are a choice of date away (`latest_data_days` names them).

Contract:
- period_years_register(source): which plan years exist (`source() -> iterable of years`); period_years() -> the
  years, newest first.
- period_as_of_register(name, source, *, label, office_figures=True): the newest date with figures of a source
  (`source(year) -> date | None`; year None: of any year). `office_figures`: one of the office's figures that the
  figures pages (the dashboard, the business report, …) open at; the others (the fund) are asked for by name.
- period_newest_year() -> int: the newest plan year (the current calendar year when there is none).
- latest_data_day(*, year=None, sources=None) -> date | None: the newest day on which every named source (default:
  the office's figures) has figures — the earliest of their newest dates; a source without figures is left out.
- latest_data_days(*, year=None, sources=None) -> list[(label, date)]: each source's own newest date.
- default_period(*, year=None, sources=None) -> (year, as_of): the newest plan year (or the one asked for) and its
  latest date with data; without figures, today in the current year or the year's last day.
- figure_period(request, *, sources=None) -> (year, as_of, warnings): the page's period from `?year=&as_of=`,
  never an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from iljari.core.korean import object_particle


@dataclass(frozen=True)
class _AsOfSource:
    label: str
    newest: Callable[[int | None], date | None]
    office_figures: bool


_YEAR_SOURCES: list[Callable[[], Iterable[int]]] = []
_AS_OF_SOURCES: dict[str, _AsOfSource] = {}


def period_years_register(source: Callable[[], Iterable[int]]) -> None:
    if source not in _YEAR_SOURCES:
        _YEAR_SOURCES.append(source)


def period_years() -> list[int]:
    """The plan years that exist (every registered source's), newest first."""
    return sorted({year for source in _YEAR_SOURCES for year in source()}, reverse=True)


def period_as_of_register(
    name: str, source: Callable[[int | None], date | None], *, label: str, office_figures: bool = True
) -> None:
    _AS_OF_SOURCES[name] = _AsOfSource(label=label, newest=source, office_figures=office_figures)


def _sources(names: Iterable[str] | None) -> list[_AsOfSource]:
    if names is None:
        return [source for source in _AS_OF_SOURCES.values() if source.office_figures]
    return [_AS_OF_SOURCES[name] for name in names]


def latest_data_days(*, year: int | None = None, sources: Iterable[str] | None = None) -> list[tuple[str, date]]:
    """(label, newest date) of each named source that has figures (of the year, or of any year)."""
    found = ((source.label, source.newest(year)) for source in _sources(sources))
    return [(label, day) for label, day in found if day is not None]


def latest_data_day(*, year: int | None = None, sources: Iterable[str] | None = None) -> date | None:
    """The newest day on which every named source has figures: the earliest of their newest dates."""
    days = [day for _, day in latest_data_days(year=year, sources=sources)]
    return min(days) if days else None


def period_newest_year() -> int:
    years = {y for source in _YEAR_SOURCES for y in source()}
    return max(years) if years else timezone.localdate().year


def default_period(*, year: int | None = None, sources: Iterable[str] | None = None) -> tuple[int, date]:
    if year is None:
        year = period_newest_year()
    latest = latest_data_day(year=year, sources=sources)
    if latest is not None:
        return year, latest
    today = timezone.localdate()
    return year, today if today.year == year else date(year, 12, 31)


def figure_period(request, *, sources: Iterable[str] | None = None) -> tuple[int, date, list[str]]:
    """(year, as_of, warnings). A malformed or out-of-range value falls back to the default with a warning."""
    warnings: list[str] = []
    year = None
    raw_year = request.GET.get("year", "")
    if raw_year:
        if raw_year.isdecimal() and 2000 <= int(raw_year) <= 2100:
            year = int(raw_year)
        else:
            warnings.append(f"연도 '{raw_year}'{object_particle(str(raw_year))} 읽을 수 없어 기본 연도를 보여 줍니다.")
    asked = None
    raw_as_of = request.GET.get("as_of", "")
    if raw_as_of:
        try:
            asked = date.fromisoformat(raw_as_of)
        except ValueError:
            warnings.append(
                f"기준일 '{raw_as_of}'{object_particle(str(raw_as_of))} 읽을 수 없어 최근 기준일을 보여 줍니다."
            )
    if year is not None and asked is not None and asked.year == year:
        return year, asked, warnings  # both asked for: the defaults (three queries) are not needed
    year, as_of = default_period(year=year, sources=sources)
    if asked is not None:
        if asked.year == year:
            as_of = asked
        else:
            warnings.append(f"기준일은 {year}년 안의 날짜여야 합니다. 최근 기준일을 보여 줍니다.")
    return year, as_of, warnings
