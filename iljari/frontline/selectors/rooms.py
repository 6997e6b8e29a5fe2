"""The rooms and programmes desk's reads: service points, the divisions and records a user keeps (set-up), closed
days, rooms with their slots, bookings and use, programmes with sessions, registrations and certificates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Avg, Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from iljari.core.access import (
    access_book,
    access_frontline_closure_change,
    access_frontline_manage_any,
    access_frontline_view,
    require,
    scope_frontline_divisions,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.core.holidays import public_holiday
from iljari.core.korean import with_object
from iljari.frontline.models import Booking, Closure, Programme, ProgrammeSession, Registration, Room, ServicePoint
from iljari.org.models import OrgUnit


def service_point_list(*, user):
    require(access_frontline_view(user))
    return scope_rows(user, ServicePoint.objects.select_related("division", "partner"), partner="partner")


def service_point_get(*, user, code: str) -> ServicePoint:
    return get_object_or_404(service_point_list(user=user), code=code)


def manage_divisions(*, user):
    """The divisions whose rooms, programmes, shelters and closures the user keeps (access_frontline_manage):
    every division for the office manager, the own division for division staff."""
    require(access_frontline_manage_any(user), "현장 서비스의 기본 자료를 바꿀 권한이 없습니다.")
    rows = OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION, is_active=True).order_by("sort_order", "code")
    return scope_frontline_divisions(user, rows)


def manage_points(*, user):
    return (
        ServicePoint.objects.filter(division__in=manage_divisions(user=user))
        .select_related("division", "partner")
        .order_by("code")
    )


def manage_rooms(*, user):
    rooms = Room.objects.filter(service_point__division__in=manage_divisions(user=user))
    return rooms.select_related("service_point").order_by("service_point__code", "code")


def manage_room_get(*, user, code: str) -> Room:
    rooms = Room.objects.select_related("service_point__division")
    return get_object_or_404(rooms, code=code, service_point__division__in=manage_divisions(user=user))


def manage_programme_get(*, user, code: str) -> Programme:
    programmes = Programme.objects.select_related("division", "service_point")
    return get_object_or_404(programmes, code=code, division__in=manage_divisions(user=user))


def manage_session_get(*, user, pk: int) -> ProgrammeSession:
    sessions = ProgrammeSession.objects.select_related("programme__division", "programme__service_point")
    return get_object_or_404(sessions, pk=pk, programme__division__in=manage_divisions(user=user))


def manage_closure_get(*, user, pk: int) -> Closure:
    closure = get_object_or_404(Closure.objects.select_related("service_point__division"), pk=pk)
    if closure.service_point_id is None:
        require(access_frontline_closure_change(user, None), "모든 창구의 휴관일은 총괄만 바꿀 수 있습니다.")
    elif not manage_points(user=user).filter(pk=closure.service_point_id).exists():
        raise NotFound()
    return closure


def closure_list(*, user, since: date):
    require(access_frontline_view(user))
    return Closure.objects.filter(day__gte=since).select_related("service_point").order_by("day", "service_point")


# --- rooms ------------------------------------------------------------------------------------------------


@dataclass
class SlotRow:
    hour: int
    label: str
    free: bool
    mine: bool = False
    past: bool = False  # begun or over (today): not bookable any more


def room_list_public() -> list[Room]:
    return list(Room.objects.filter(is_active=True).select_related("service_point").order_by("service_point", "code"))


def room_get_public(*, code: str) -> Room:
    return get_object_or_404(Room.objects.select_related("service_point"), code=code, is_active=True)


def day_closed(*, room: Room, day: date) -> bool:
    """Closed on a closed day of the room's point or of every point, or on a public holiday."""
    return (
        Closure.objects.filter(day=day)
        .filter(Q(service_point__isnull=True) | Q(service_point=room.service_point_id))
        .exists()
        or public_holiday(day) is not None
    )


def room_day(*, room: Room, day: date, user=None, now: datetime | None = None) -> list[SlotRow]:
    """The room's opening hours on a day, each free or taken, and today's hours already begun marked past (empty
    when the point is closed: a closed day, a public holiday, a day without opening hours)."""
    opening = room.service_point.hours_on(day)
    if opening is None or day_closed(room=room, day=day):
        return []
    now = now or timezone.localtime()
    taken = dict(
        Booking.objects.filter(room=room, day=day, status__in=Booking.ACTIVE).values_list("hour", "booked_by_id")
    )
    user_id = getattr(user, "pk", None)
    return [
        SlotRow(
            hour=hour,
            label=f"{hour:02d}:00~{hour + 1:02d}:00",
            free=hour not in taken,
            mine=user_id is not None and taken.get(hour) == user_id,
            past=day < now.date() or (day == now.date() and hour <= now.hour),
        )
        for hour in range(*opening)
    ]


def room_hours(*, room: Room) -> tuple[list[int], list[int]]:
    """What the booking form offers for a room: the start hours within the point's opening hours (weekdays and
    Saturdays together), and the lengths from 1 hour to the room's per-person daily limit (no longer than the
    longest opening)."""
    point = room.service_point
    spans = [
        (opens, closes)
        for opens, closes in (
            (point.weekday_opens, point.weekday_closes),
            (point.saturday_opens, point.saturday_closes),
        )
        if opens is not None and closes is not None
    ]
    if not spans:
        return [], []
    starts = sorted({hour for opens, closes in spans for hour in range(opens, closes)})
    longest = max(closes - opens for opens, closes in spans)
    return starts, list(range(1, min(room.max_hours_per_day, longest) + 1))


def room_list(*, user):
    require(access_frontline_view(user))
    return scope_rows(user, Room.objects.select_related("service_point"), partner="service_point__partner").order_by(
        "service_point", "code"
    )


def room_usage(*, user, year: int):
    """The rooms with their year's use: people checked in, bookings checked in, no-shows (one query)."""
    in_year = Q(bookings__day__year=year)
    return room_list(user=user).annotate(
        users=Sum("bookings__headcount", filter=in_year & Q(bookings__status=Booking.Status.CHECKED_IN)),
        used=Count("bookings", filter=in_year & Q(bookings__status=Booking.Status.CHECKED_IN)),
        no_shows=Count("bookings", filter=in_year & Q(bookings__status=Booking.Status.NO_SHOW)),
    )


def room_get(*, user, code: str) -> Room:
    return get_object_or_404(room_list(user=user), code=code)


def room_bookings(*, user, room: Room, day: date):
    require(access_frontline_view(user))
    return Booking.objects.filter(room=room, day=day).select_related("booked_by").order_by("hour", "created_at")


def booking_get(*, user, pk: int) -> Booking:
    require(access_frontline_view(user))
    rows = scope_rows(
        user, Booking.objects.select_related("room__service_point__division"), partner="room__service_point__partner"
    )
    return get_object_or_404(rows, pk=pk)


def account_booking_list(*, user, account_id: int):
    """The room bookings a citizen's account made, at the points in the user's scope, newest first (the participant's
    one page in web)."""
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Booking.objects.filter(booked_by_id=account_id).select_related("room"),
        partner="room__service_point__partner",
    )
    return rows.order_by("-day", "hour")


def my_bookings(*, user):
    require(access_book(user))
    return Booking.objects.filter(booked_by=user).select_related("room__service_point").order_by("-day", "hour")


@dataclass
class BookingBlock:
    """One booking as the citizen made it: the person's next-to-each-other hours of one room, day and status."""

    first: Booking
    hours: int

    @property
    def label(self) -> str:
        return f"{self.first.hour:02d}:00~{self.first.hour + self.hours:02d}:00"


def my_booking_blocks(*, user) -> list[BookingBlock]:
    """The citizen's bookings, newest day first, each run of hours of one room, day and status as one row (a
    2-hour booking is one row with one 취소)."""
    blocks: list[BookingBlock] = []
    for row in my_bookings(user=user):
        last = blocks[-1] if blocks else None
        if (
            last is not None
            and (last.first.room_id, last.first.day, last.first.status) == (row.room_id, row.day, row.status)
            and last.first.hour + last.hours == row.hour
        ):
            last.hours += 1
        else:
            blocks.append(BookingBlock(first=row, hours=1))
    return blocks


def my_booking_get(*, user, pk: int) -> Booking:
    return get_object_or_404(my_bookings(user=user), pk=pk)


# --- programmes -------------------------------------------------------------------------------------------


def session_list_public(*, today: date):
    return (
        ProgrammeSession.objects.filter(programme__public=True, day__gte=today)
        .select_related("programme")
        .order_by("day", "starts", "id")
    )


def session_get_public(*, pk: int, today: date) -> ProgrammeSession:
    return get_object_or_404(session_list_public(today=today), pk=pk)


def my_registrations(*, user):
    require(access_book(user))
    return Registration.objects.filter(user=user).select_related("session__programme").order_by("-session__day", "-id")


def my_registration_get(*, user, pk: int) -> Registration:
    return get_object_or_404(my_registrations(user=user), pk=pk)


def programme_list(*, user):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, Programme.objects.select_related("division", "service_point"), partner="service_point__partner"
    )
    return rows.annotate(
        session_count=Count("sessions", distinct=True),
        attended=Count("sessions__registrations", filter=Q(sessions__registrations__attended=True), distinct=True),
    ).order_by("code")


def programme_get(*, user, code: str) -> Programme:
    return get_object_or_404(programme_list(user=user), code=code)


def programme_sessions(*, programme: Programme):
    return programme.sessions.annotate(
        attended=Count("registrations", filter=Q(registrations__attended=True)),
        satisfaction=Avg("registrations__satisfaction"),
    ).order_by("day", "starts", "id")


def session_get(*, user, pk: int) -> ProgrammeSession:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        ProgrammeSession.objects.select_related("programme__division"),
        partner="programme__service_point__partner",
    )
    return get_object_or_404(rows, pk=pk)


def session_registrations(*, session: ProgrammeSession):
    return session.registrations.filter(cancelled=False).select_related("user").order_by("id")


def registration_get(*, user, pk: int) -> Registration:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Registration.objects.select_related("session__programme__division"),
        partner="session__programme__service_point__partner",
    )
    return get_object_or_404(rows, pk=pk)


@dataclass
class Certificate:
    name: str
    programme: Programme
    attended: int
    last_day: date


def certificate_get(*, user, programme_code: str) -> Certificate:
    """A citizen's completion certificate for a programme: only when they attended the sessions it asks."""
    require(access_book(user))
    programme = get_object_or_404(Programme, code=programme_code)
    attended = Registration.objects.filter(
        user=user, session__programme=programme, attended=True, cancelled=False
    ).select_related("session")
    days = [row.session.day for row in attended]
    if len(days) < programme.sessions_to_complete:
        raise NotFound(f"{with_object(programme.title)} 수료하지 않아 수료증이 없습니다.")
    return Certificate(name=user.name, programme=programme, attended=len(days), last_day=max(days))
