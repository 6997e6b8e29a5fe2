"""The calendar participation counts with: months, public holidays, scheduled days and hours.

Shared by the services and the selectors of placements and training (neither imports the other for these):
- month_start(day) / month_end(day) / add_months(day, months) -> date
- holidays_between(first, last) -> set[date]                   (the public holiday table, one query)
- daily_hours(weekly_hours) -> Decimal                         (a day's contracted hours: weekly ÷ 5, at most 8)
- month_calendar(*, placement, month, holidays) -> MonthCalendar
      the placement's part of a month: scheduled weekdays, public holidays on weekdays, Sundays (weekly rest)
- scheduled_training_days(*, enrolment, month, holidays) -> int | None
      weekdays that are not public holidays in the part of the month inside the course and the enrolment
- attendance_percent_text(attended, scheduled) -> str           ("79.9%": attended ÷ scheduled days, rounded down)
"""

from __future__ import annotations

import functools
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from iljari.participation.models import Enrolment, Placement, PublicHoliday

MAX_DAILY_HOURS = Decimal(8)


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _days(first: date, last: date):
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def holidays_between(first: date, last: date) -> set[date]:
    return set(PublicHoliday.objects.filter(day__range=(first, last)).values_list("day", flat=True))


def daily_hours(weekly_hours: Decimal) -> Decimal:
    return min(Decimal(weekly_hours) / 5, MAX_DAILY_HOURS)


# --- placements ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCalendar:
    """What a placement's part of a month holds: weekdays, paid holidays on weekdays, Sundays (weekly rest)."""

    first: date
    last: date
    scheduled_days: int  # weekdays that are not public holidays
    holidays: int  # public holidays on weekdays
    sundays: int

    @property
    def is_empty(self) -> bool:
        return self.first > self.last


def month_calendar(*, placement: Placement, month: date, holidays: set[date]) -> MonthCalendar:
    first = max(placement.start_date, month_start(month))
    last = min(placement.last_day, month_end(month))
    return _span(first, last, frozenset(d for d in holidays if first <= d <= last))


@functools.lru_cache(maxsize=4096)
def _span(first: date, last: date, holidays: frozenset[date]) -> MonthCalendar:
    """The calendar of first..last (most placements of a month share their period: computed once)."""
    scheduled = off = sundays = 0
    for day in _days(first, last) if first <= last else ():
        weekday = day.weekday()
        if weekday == 6:
            sundays += 1
        if weekday < 5:
            if day in holidays:
                off += 1
            else:
                scheduled += 1
    return MonthCalendar(first=first, last=last, scheduled_days=scheduled, holidays=off, sundays=sundays)


# --- training --------------------------------------------------------------------------------------------


def scheduled_training_days(*, enrolment: Enrolment, month: date, holidays: set[date]) -> int | None:
    """Weekdays that are not public holidays in the part of `month` inside both the course and the enrolment;
    None when no day of the month is."""
    course = enrolment.course
    first = max(course.start_date, enrolment.enrolled_on, month_start(month))
    last = min(course.end_date, enrolment.last_day, month_end(month))
    if first > last:
        return None
    return sum(1 for day in _days(first, last) if day.weekday() < 5 and day not in holidays)


def attendance_percent_text(attended: int, scheduled: int) -> str:
    """attended ÷ scheduled as a percentage to 0.1, rounded down (79.96% is "79.9%", never a misleading "80.0%")."""
    if not scheduled:
        return "-"
    tenths = attended * 1000 // scheduled
    return f"{tenths // 10}.{tenths % 10}%"
