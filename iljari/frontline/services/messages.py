"""The messages of the rooms and programmes (messaging): booking confirmed, cancelled, the reminder the day before,
programme registration. Sent after the fact is saved, in its transaction (queued once it commits); the system's own
loads (actor None) send nothing, the reminder is the system's daily step (`iljari bookings remind`).

Contract:
- booking_confirmed_notify(*, bookings) -> None          consecutive hours of one booking: one message
- booking_cancelled_notify(*, booking) -> None
- booking_reminders_send(*, day=None) -> int             every active booking of `day` (tomorrow by default) told
      once per person and room (a second run the same day sends nothing more)
- registration_notify(*, registration) -> None
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from iljari.core.formats import screen_date
from iljari.frontline.models import Booking, Registration
from iljari.frontline.services.common import today
from iljari.messaging.selectors import related_with_message
from iljari.messaging.services import message_send, messages_send_many


def _hours(first: int, last: int) -> str:
    return f"{first:02d}:00~{last + 1:02d}:00"


def booking_confirmed_notify(*, bookings: list[Booking]) -> None:
    active = [b for b in bookings if b.status == Booking.Status.BOOKED and b.booked_by_id is not None]
    if not active:
        return
    first = min(active, key=lambda b: b.hour)
    message_send(
        to=first.booked_by,
        template="booking_confirmed",
        context={
            "room": first.room.name,
            "day": screen_date(first.day),
            "hours": _hours(first.hour, max(b.hour for b in active)),
        },
        related=first,
    )


def booking_cancelled_notify(*, booking: Booking) -> None:
    if booking.booked_by_id is None:
        return
    message_send(
        to=booking.booked_by,
        template="booking_cancelled",
        context={
            "room": booking.room.name,
            "day": screen_date(booking.day),
            "hours": _hours(booking.hour, booking.hour),
        },
        related=booking,
    )


def booking_reminders_send(*, day=None) -> int:
    day = day or today() + timedelta(days=1)
    bookings = list(
        Booking.objects.filter(day=day, status=Booking.Status.BOOKED, booked_by__isnull=False)
        .select_related("room", "booked_by")
        .order_by("booked_by_id", "room_id", "hour")
    )
    groups: dict[tuple[int, int], list[Booking]] = defaultdict(list)
    for booking in bookings:
        groups[(booking.booked_by_id, booking.room_id)].append(booking)
    told = related_with_message(template="booking_reminder", model=Booking, ids=[b.pk for b in bookings])
    items = []
    for group in groups.values():
        if any(b.pk in told for b in group):
            continue
        first = group[0]
        items.append(
            (
                first.booked_by,
                {"room": first.room.name, "day": screen_date(day), "hours": _hours(first.hour, group[-1].hour)},
                first,
            )
        )
    return messages_send_many(template="booking_reminder", items=items)


def registration_notify(*, registration: Registration) -> None:
    if registration.user_id is None:
        return
    session = registration.session
    message_send(
        to=registration.user,
        template="programme_registered",
        context={"programme": session.programme.title, "session": session.title, "day": screen_date(session.day)},
        related=registration,
    )
