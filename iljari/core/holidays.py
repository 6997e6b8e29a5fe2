"""The public holidays (관공서 공휴일) as every app reads them, without importing the app that keeps the table.

Contract:
- holiday_source_register(key, source)
      an app that keeps the holiday table registers its reader in its AppConfig.ready (participation does):
      source(first, last) -> dict[date, str], the holidays between the two days (both included) with their names.
      Registering a key twice replaces the first.
- public_holidays(first, last) -> dict[date, str]    every source's holidays in the span (empty without a source)
- public_holiday(day) -> str | None                   the holiday's name on that day, None on an ordinary day

The registry lives in core so that frontline (beside participation on the module order) reads the table that
participation keeps, as core.worklist does for work items.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

HolidaySource = Callable[[date, date], dict[date, str]]

_SOURCES: dict[str, HolidaySource] = {}


def holiday_source_register(key: str, source: HolidaySource) -> None:
    _SOURCES[key] = source


def public_holidays(first: date, last: date) -> dict[date, str]:
    found: dict[date, str] = {}
    for source in _SOURCES.values():
        found.update(source(first, last))
    return found


def public_holiday(day: date) -> str | None:
    return public_holidays(day, day).get(day)
