"""Concurrent requests for the same slot: exactly one wins, on PostgreSQL (real concurrent transactions) and on
SQLite (the writes are serialised). The database constraint booking_one_per_slot holds the guarantee."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from iljari.core.errors import Conflict
from iljari.core.roles import Role
from iljari.frontline import services
from iljari.frontline.models import Booking
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
