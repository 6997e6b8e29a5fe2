"""Room bookings: one-hour slots inside opening hours, closed days, per-person limits, no double booking (also
between concurrent requests: the database's booking_one_per_slot), waiting list, check-in and no-show."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iljari.core.errors import Conflict, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import services
from iljari.frontline.models import Booking, Closure
from iljari.frontline.tests.factories import next_weekday
from iljari.testing import Persona, make_persona


@pytest.fixture
def citizen(personas):
    return personas[Role.CITIZEN]


@pytest.fixture
def other_citizen(personas):
    return make_persona(Persona(Role.CITIZEN, "t_citizen2"))


def test_a_citizen_books_two_hours_of_a_study_room(frontline, citizen):
    monday = next_weekday(0)
    rows = services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2, headcount=4)
    assert [(row.hour, row.status) for row in rows] == [(10, "booked"), (11, "booked")]


def test_a_taken_slot_is_refused_and_nothing_is_written(frontline, citizen, other_citizen):
    monday = next_weekday(0)
    services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10)
    with pytest.raises(Conflict) as error:
        services.booking_create(actor=other_citizen, room=frontline["study"], day=monday, hour=9, hours=2)
    assert "이미 예약이 있습니다" in error.value.message
    assert Booking.objects.filter(booked_by=other_citizen).count() == 0  # not even the free 9 o'clock hour


@pytest.mark.parametrize(
    ("weekday", "hour", "hours", "field", "message"),
    [
        (0, 8, 1, "hour", "운영 시간(09:00~21:00) 안에서만 예약할 수 있습니다."),
        (0, 20, 2, "hour", "운영 시간(09:00~21:00) 안에서만 예약할 수 있습니다."),
        (5, 9, 1, "hour", "운영 시간(10:00~18:00) 안에서만 예약할 수 있습니다."),
        (6, 12, 1, "day", None),
    ],
)
def test_a_booking_outside_opening_hours_is_refused(frontline, citizen, weekday, hour, hours, field, message):
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(
            actor=citizen, room=frontline["study"], day=next_weekday(weekday), hour=hour, hours=hours
        )
    if message:
        assert error.value.field_errors[field] == [message]
    else:
        assert "문을 열지 않습니다" in error.value.field_errors[field][0]
    assert Booking.objects.count() == 0


def test_a_holiday_is_closed(frontline, citizen):
    monday = next_weekday(0)
    Closure.objects.create(day=monday, reason="공휴일")
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10)
    (message,) = error.value.field_errors["day"]
    assert message == f"{monday.year}.{monday.month}.{monday.day}.은 휴관일입니다."  # read "…일은"


def test_past_days_and_too_many_people_are_refused(frontline, citizen):
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(
            actor=citizen, room=frontline["study"], day=timezone.localdate() - timedelta(days=1), hour=10, headcount=7
        )
    assert error.value.field_errors["day"] == ["지난 날짜는 예약할 수 없습니다."]
    assert error.value.field_errors["headcount"] == ["스터디룸 1의 정원은 6명입니다."]


def test_one_person_books_at_most_three_study_hours_a_day(frontline, citizen):
    monday = next_weekday(0)
    services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=14, hours=2)
    assert error.value.field_errors["hours"] == [
        "스터디룸은 한 사람이 하루 3시간까지 예약할 수 있습니다(이미 2시간 예약)."
    ]


def test_a_cancelled_slot_goes_to_the_first_on_the_waiting_list(frontline, citizen, other_citizen):
    monday = next_weekday(0)
    (booking,) = services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10)
    waiting = services.booking_wait(actor=other_citizen, room=frontline["study"], day=monday, hour=10)
    assert waiting.status == "waiting"
    services.booking_cancel(actor=citizen, booking=booking)
    waiting.refresh_from_db()
    assert waiting.status == "booked"


def test_check_in_and_no_show_by_the_centres_staff(frontline, citizen, personas):
    today = timezone.localdate()
    booking = Booking.objects.create(room=frontline["study"], day=today, hour=10, booked_by=citizen, headcount=3)
    services.booking_attendance(actor=personas[Role.DIVISION_STAFF], booking=booking, attended=False)
    assert booking.status == "no_show"
    with pytest.raises(ValidationFailed):
        later = Booking.objects.create(
            room=frontline["study"], day=today + timedelta(days=2), hour=10, booked_by=citizen
        )
        services.booking_attendance(actor=personas[Role.DIVISION_STAFF], booking=later, attended=True)
