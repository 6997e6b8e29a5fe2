"""Public holidays for the apps that cannot read participation's table (it sits above them): participation registers
its source when it starts (its AppConfig.ready), and frontline's public calendar asks through here.

Contract:
- holiday_source_register(source)   source(first, last) -> dict[date, name]; the last registered one is used
- holidays_between(first, last) -> dict[date, str]   the public holidays in the days given (both included); {} when
  no source is registered
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

HolidaySource = Callable[[date, date], dict[date, str]]
_SOURCE: list[HolidaySource] = []


def holiday_source_register(source: HolidaySource) -> None:
    _SOURCE[:] = [source]


def holidays_between(first: date, last: date) -> dict[date, str]:
    if not _SOURCE:
        return {}
    return _SOURCE[0](first, last)
