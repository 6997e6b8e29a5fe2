"""core.locks.row_lock and unique_or, on SQLite and PostgreSQL: a unique constraint's refusal becomes the service's
Korean error and leaves the outer transaction usable; any other integrity error is not dressed up as the user's."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from iljari.core.errors import Conflict
from iljari.core.locks import row_lock, unique_or
from iljari.core.models import MonthLock

pytestmark = pytest.mark.django_db
TAKEN = Conflict("2018년 6월은 이미 있습니다.")


def test_a_unique_constraints_refusal_becomes_the_given_error_and_the_transaction_goes_on():
    MonthLock.objects.create(year=2018, month=6)
    with transaction.atomic():
        with pytest.raises(Conflict) as error, unique_or(TAKEN):
            MonthLock.objects.create(year=2018, month=7)
            MonthLock.objects.create(year=2018, month=6)
        assert error.value is TAKEN
        MonthLock.objects.create(year=2018, month=8)  # the outer transaction is still usable
    # the block's own writes went with it: June 2018 of before, and August written after
    assert sorted(MonthLock.objects.values_list("month", flat=True)) == [6, 8]


def test_another_integrity_error_is_not_turned_into_the_users_error():
    with pytest.raises(IntegrityError), unique_or(TAKEN):
        MonthLock.objects.create(year=2018, month=13)  # the check constraint month_lock_valid_month


def test_row_lock_returns_the_row_as_the_database_holds_it():
    lock = MonthLock.objects.create(year=2018, month=6)
    MonthLock.objects.filter(pk=lock.pk).update(is_locked=False)
    with transaction.atomic():
        assert row_lock(lock).is_locked is False
        assert row_lock(MonthLock, lock.pk).is_locked is False
