"""frontline's reads open to all (no login): a room's week of free and booked hours, closed days and public holidays
shown as closed (core.holidays: participation's table)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q

from iljari.core.holidays import public_holidays
from iljari.frontline.models import Booking, Closure, Room

WEEKDAY_NAMES = "월화수목금토일"


@dataclass
class WeekDay:
    day: date
    closed: str  # "" when open; otherwise why: 휴관, 공휴일(설날), 일요일 휴관
    hours: tuple[int, int] | None  # the opening hours that day (None when closed)
    booked: set[int] = field(default_factory=set)

    @property
    def label(self) -> str:
        return f"{self.day.month}.{self.day.day}.({WEEKDAY_NAMES[self.day.weekday()]})"

    def state(self, hour: int, now_day: date, now_hour: int) -> str:
        """예약 가능, 예약됨, 지남, or 휴관 (also outside the day's opening hours)."""
        if self.closed or self.hours is None or not self.hours[0] <= hour < self.hours[1]:
            return "휴관"
        if hour in self.booked:
            return "예약됨"
        if (self.day, hour) < (now_day, now_hour + 1):
            return "지남"
        return "예약 가능"


@dataclass
class RoomWeek:
    room: Room
    first: date
    days: list[WeekDay]
    rows: list[tuple[str, list[tuple[WeekDay, str]]]]  # (hour label, [(day, state)]) for each hour any day opens

    @property
    def last(self) -> date:
        return self.first + timedelta(days=6)


def week_start(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def room_week(*, room: Room, day: date, now_day: date, now_hour: int) -> RoomWeek:
    """The week (Monday to Sunday) holding `day`: each day's opening hours, the hours booked, and the days closed (the
    point's hours, a closure, a public holiday). Three queries: bookings, closures, holidays."""
    first = week_start(day)
    last = first + timedelta(days=6)
    point = room.service_point
    closures = set(
        Closure.objects.filter(day__range=(first, last))
        .filter(Q(service_point__isnull=True) | Q(service_point=point.pk))
        .values_list("day", flat=True)
    )
    holidays = public_holidays(first, last)
    booked: dict[date, set[int]] = {}
    for booked_day, hour in Booking.objects.filter(
        room=room, day__range=(first, last), status__in=Booking.ACTIVE
    ).values_list("day", "hour"):
        booked.setdefault(booked_day, set()).add(hour)
    days = []
    for offset in range(7):
        current = first + timedelta(days=offset)
        hours = point.hours_on(current)
        if current in holidays:
            closed = f"공휴일({holidays[current]})"
        elif current in closures or hours is None:
            closed = "휴관"
        else:
            closed = ""
        days.append(WeekDay(current, closed, None if closed else hours, booked.get(current, set())))
    open_hours = [d.hours for d in days if d.hours]
    span = range(min(h[0] for h in open_hours), max(h[1] for h in open_hours)) if open_hours else range(0)
    rows = [
        (f"{hour:02d}:00~{hour + 1:02d}:00", [(d, d.state(hour, now_day, now_hour)) for d in days]) for hour in span
    ]
    return RoomWeek(room=room, first=first, days=days, rows=rows)
