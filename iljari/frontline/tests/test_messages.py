"""Bookings and registrations tell the citizen (messaging): confirmed, cancelled, the day before, registered."""

from __future__ import annotations

import pytest

from iljari.core.roles import Role
from iljari.core.sms import MemorySmsSender
from iljari.frontline import services
from iljari.frontline.tests.factories import next_weekday
from iljari.messaging.models import Message
from iljari.people.tests.factories import make_person


@pytest.fixture
def citizen(personas, settings):
    settings.ILJARI_SMS_QUIET_HOURS = False  # the result must not hang on the hour the test runs at
    make_person(user=personas[Role.CITIZEN], name="이예약", phone="010-2222-3333")
    return personas[Role.CITIZEN]


def test_a_booking_of_two_hours_is_confirmed_in_one_message(frontline, citizen, django_capture_on_commit_callbacks):
    monday = next_weekday(0)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    message = Message.objects.get()
    assert (message.template, message.status, message.address) == ("booking_confirmed", "sent", "010-2222-3333")
    assert "이예약님, 스터디룸 1" in message.body and "10:00~12:00 예약이 확정되었습니다" in message.body
    assert len(MemorySmsSender.outbox) == 1


def test_cancelling_tells_the_booker_and_the_waiting_person_gets_the_slot(
    frontline, citizen, django_capture_on_commit_callbacks
):
    from iljari.testing import Persona, make_persona

    other = make_persona(Persona(Role.CITIZEN, "t_citizen2"))
    make_person(user=other, name="박대기", phone="010-4444-5555")
    monday = next_weekday(0)
    booking = services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=15)[0]
    services.booking_wait(actor=other, room=frontline["study"], day=monday, hour=15)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(actor=citizen, booking=booking)
    cancelled = Message.objects.get(template="booking_cancelled")
    assert "이예약님" in cancelled.body and "15:00~16:00 예약이 취소되었습니다" in cancelled.body
    promoted = Message.objects.filter(template="booking_confirmed").exclude(address="010-2222-3333").get()
    assert promoted.address == "010-4444-5555" and "박대기님" in promoted.body


def test_the_reminder_goes_the_day_before_once(frontline, citizen):
    monday = next_weekday(0)
    services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    assert services.booking_reminders_send(day=monday) == 1
    assert services.booking_reminders_send(day=monday) == 0  # the timer ran twice: nobody told twice
    reminder = Message.objects.get(template="booking_reminder")
    assert "10:00~12:00 예약이 있습니다" in reminder.body


def test_a_programme_registration_is_told(frontline, citizen):
    services.registration_create(actor=citizen, session=frontline["session"])
    message = Message.objects.get(template="programme_registered")
    assert "이예약님, 모의면접 1회차" in message.body and "신청이 완료되었습니다" in message.body
