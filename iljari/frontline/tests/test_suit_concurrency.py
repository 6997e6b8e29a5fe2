"""Bookings of one suit item sent at the same instant: exactly one wins. The service locks the items' rows before
it looks for an overlapping rental (core.locks.row_lock); real concurrent transactions need PostgreSQL (SQLite
runs one writer at a time: test_suits.py covers the rule itself there)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from iljari.core.errors import Conflict, ValidationFailed
from iljari.frontline import services
from iljari.frontline.models import ServicePoint, SuitRental
from iljari.frontline.tests.factories import next_weekday
from iljari.org.models import OrgUnit
from iljari.people.tests.factories import make_person
from iljari.testing import make_org


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_of_one_item_leave_exactly_one():
    make_org()
    cafe = ServicePoint.objects.create(
        code="WINGS",
        name="일자리카페 취업날개",
        kind=ServicePoint.Kind.JOB_CAFE,
        division=OrgUnit.objects.get(code="JOBS-POLICY"),
        weekday_opens=10,
        weekday_closes=18,
    )
    item = services.suit_item_set(actor=None, service_point=cafe, code="J-100", kind="jacket", size="100")
    people = [make_person() for _ in range(5)]
    monday = next_weekday(0)
    barrier = threading.Barrier(len(people))
    outcomes: list[str] = []

    def book(person, day):
        try:
            barrier.wait()
            services.suit_rental_book(actor=None, service_point=cafe, visit_on=day, items=[item], person=person)
            outcomes.append("booked")
        except (Conflict, ValidationFailed) as error:
            outcomes.append(error.message)
        except Exception as error:  # noqa: BLE001 — a server error is what this test looks for
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    # overlapping days (Monday, Tuesday, Wednesday …): only one of them may hold the item
    days = [monday, monday + timedelta(days=1), monday, monday + timedelta(days=2), monday + timedelta(days=1)]
    threads = [threading.Thread(target=book, args=(person, day)) for person, day in zip(people, days, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("booked") == 1, outcomes
    assert sum("이미 대여(예약)된 물품" in outcome for outcome in outcomes) == 4, outcomes
    assert SuitRental.objects.count() == 1
