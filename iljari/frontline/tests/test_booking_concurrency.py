"""Concurrent requests for the same slot: exactly one wins, on PostgreSQL (real concurrent transactions) and on
SQLite (the writes are serialised). The database constraint booking_one_per_slot holds the guarantee.

A person's daily hours, their waiting entries and a cancellation's promotion are rules read before a write: the
person's row (core.locks.row_lock) or the booking's row orders two requests sent at once (PostgreSQL only: SQLite
runs one writer at a time)."""

import threading
import time
from unittest import mock

import pytest
from django.db import IntegrityError, connection, connections, transaction

from iljari.core.errors import Conflict, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import services
from iljari.frontline.models import Booking, Room
from iljari.frontline.tests.factories import make_frontline, next_weekday
from iljari.testing import Persona, make_org, make_persona


def test_the_database_refuses_a_second_active_booking_of_a_slot(frontline, personas):
    monday = next_weekday(0)
    Booking.objects.create(room=frontline["study"], day=monday, hour=10, booked_by=personas[Role.CITIZEN])
    Booking.objects.create(room=frontline["study"], day=monday, hour=10, status="cancelled")
    Booking.objects.create(room=frontline["study"], day=monday, hour=10, status="waiting")
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(room=frontline["study"], day=monday, hour=10, status="no_show")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_of_one_slot_leave_exactly_one():
    make_org()
    made = make_frontline()
    citizens = [make_persona(Persona(Role.CITIZEN, f"t_racer{n}")) for n in range(6)]
    monday = next_weekday(0)
    barrier = threading.Barrier(len(citizens))
    outcomes: list[str] = []

    def book(citizen):
        try:
            barrier.wait()
            services.booking_create(actor=citizen, room=made["study"], day=monday, hour=15)
            outcomes.append("booked")
        except Conflict as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(citizen,)) for citizen in citizens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("booked") == 1
    assert sum("이미 예약이 있습니다" in outcome for outcome in outcomes) == 5
    assert Booking.objects.filter(room=made["study"], day=monday, hour=15, status="booked").count() == 1


def _race(targets: list) -> list[str]:
    """Run the callables at the same instant, each in its own thread (its own connection); their outcomes."""
    barrier = threading.Barrier(len(targets))
    outcomes: list[str] = []

    def run(target):
        try:
            barrier.wait()
            target()
            outcomes.append("ok")
        except (Conflict, ValidationFailed) as error:
            outcomes.append(error.message)
        except Exception as error:  # noqa: BLE001 — a server error is what these tests look for
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _slow_inserts():
    """Widen the window between a request's count of its hours and its insert, as a busy server would."""
    real = Booking.objects.bulk_create

    def slow(*args, **kwargs):
        time.sleep(0.05)
        return real(*args, **kwargs)

    return mock.patch.object(Booking.objects, "bulk_create", slow)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_one_citizen_booking_two_rooms_at_once_stays_within_the_daily_hours():
    """Two 2-hour bookings of two study rooms (3 hours a day each person) sent at once: one is taken, the other is
    refused in Korean — on every one of ten days."""
    make_org()
    made = make_frontline()
    second = Room.objects.create(
        service_point=made["study"].service_point, code="YJC-S02", name="스터디룸 2", kind=Room.Kind.STUDY, capacity=6
    )
    citizen = make_persona(Persona(Role.CITIZEN, "t_racer"))
    day = next_weekday(0)
    outcomes_by_day = {}
    with _slow_inserts():
        for _ in range(10):
            outcomes_by_day[day] = _race(
                [
                    lambda day=day: services.booking_create(
                        actor=citizen, room=made["study"], day=day, hour=10, hours=2
                    ),
                    lambda day=day: services.booking_create(actor=citizen, room=second, day=day, hour=13, hours=2),
                ]
            )
            day = next_weekday(0, after=day)
    for day, outcomes in outcomes_by_day.items():
        hours = Booking.objects.filter(booked_by=citizen, day=day, status=Booking.Status.BOOKED).count()
        assert hours == 2, (day, outcomes)
        assert sorted(outcomes) == [
            "ok",
            "스터디룸은 한 사람이 하루 3시간까지 예약할 수 있습니다(이미 2시간 예약).",
        ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_booking_cancelled_twice_at_once_gives_its_slot_to_one_waiting_person():
    make_org()
    made = make_frontline()
    holder, first, second = (make_persona(Persona(Role.CITIZEN, f"t_racer{n}")) for n in range(3))
    monday = next_weekday(0)
    (booking,) = services.booking_create(actor=holder, room=made["study"], day=monday, hour=11)
    for waiting in (first, second):
        services.booking_wait(actor=waiting, room=made["study"], day=monday, hour=11)
    outcomes = _race(
        [lambda: services.booking_cancel(actor=holder, booking=Booking.objects.get(pk=booking.pk)) for _ in range(2)]
    )
    assert sorted(outcomes) == ["ok", "이용했거나 이미 취소된 예약은 취소할 수 없습니다."]
    slot = Booking.objects.filter(room=made["study"], day=monday, hour=11)
    assert list(slot.filter(status=Booking.Status.BOOKED).values_list("booked_by", flat=True)) == [first.pk]
    assert list(slot.filter(status=Booking.Status.WAITING).values_list("booked_by", flat=True)) == [second.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_wait_makes_one_waiting_entry():
    make_org()
    made = make_frontline()
    holder, waiting = (make_persona(Persona(Role.CITIZEN, f"t_racer{n}")) for n in range(2))
    monday = next_weekday(0)
    services.booking_create(actor=holder, room=made["study"], day=monday, hour=11)
    real_create = Booking.objects.create

    def slow_create(*args, **kwargs):
        time.sleep(0.05)
        return real_create(*args, **kwargs)

    with mock.patch.object(Booking.objects, "create", slow_create):
        outcomes = _race(
            [lambda: services.booking_wait(actor=waiting, room=made["study"], day=monday, hour=11) for _ in range(2)]
        )
    assert sorted(outcomes) == ["ok", "이미 이 시간의 대기자로 신청했습니다."]
    assert Booking.objects.filter(booked_by=waiting, status=Booking.Status.WAITING).count() == 1
