"""Month locks (월 마감), and the two helpers that hold a rule under concurrent requests.

A rule read before a write ("at most three hours a day", "this bank reference is not posted yet") holds only when
two requests cannot both read before either writes. Either one row orders them — `row_lock` takes the row of the
person (or parent) the rule counts for, so their second request waits for the first to commit and then counts its
rows — or a unique constraint refuses the second insert, and `unique_or` says so in the service's Korean words
instead of a server error. On SQLite the writes are serialised anyway; the lock matters on PostgreSQL.

Contract:
- row_lock(model_or_row, pk=None) -> row | None   inside a transaction (else RuntimeError): SELECT ... FOR UPDATE
                                              of one row, fresh (a person's bookings, a worksite's places)
- unique_or(error)                            context manager: an IntegrityError of a unique constraint inside it
                                              becomes `error` (an IljariError); the block's writes are undone
- month_is_locked(day) -> bool
- require_month_open(day) -> None      raises ValidationFailed naming the month when it is locked
- month_lock(*, actor, year, month) / month_unlock(*, actor, year, month) -> MonthLock
- month_lock_list() -> list[MonthLock]
- months_to_close(*, year, today) -> list[date]   the months of `year` that ended before `today` and are not locked
                                              (first days, oldest first): the office manager's work list and the
                                              month-lock page's 마감할 달 count the same list
- month_close(*, actor, year, month) -> str   closing a month as the office's pages do it: through the approval line
                                       the approvals app registers (`month_close_approval_register(draft)`, draft(
                                       actor=, year=, month=) -> message); without one, or with actor None, at once
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.db import IntegrityError, transaction

from iljari.core.access import access_month_lock, require
from iljari.core.errors import IljariError, ValidationFailed
from iljari.core.models import MonthLock


def row_lock(model_or_row, pk=None):
    """Lock one row until the current transaction ends and return it as the database now holds it (None when it
    does not exist).

    `row_lock(User, actor.pk)` or `row_lock(loan)`. Must run inside `transaction.atomic()`: outside one the lock
    would end at once, so it is refused."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("row_lock needs a transaction: call it inside transaction.atomic()")
    if pk is None:
        model, pk = model_or_row._meta.model, model_or_row.pk  # (not type(): request.user is a lazy proxy)
    else:
        model = model_or_row
    return model._base_manager.select_for_update().filter(pk=pk).first()


# SQLSTATE 23505 (PostgreSQL); SQLite says "UNIQUE constraint failed"
def _is_unique_violation(error: IntegrityError) -> bool:
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == "23505" or getattr(cause, "pgcode", None) == "23505":
        return True
    return "UNIQUE constraint failed" in str(error)


@contextmanager
def unique_or(error: IljariError) -> Iterator[None]:
    """`with unique_or(field_error("reference", "…이미 반영된 입금입니다.")): Model.objects.create(…)`.

    The block runs in a savepoint: when a unique constraint refuses one of its writes, the savepoint is rolled
    back (the outer transaction stays usable) and `error` is raised. Other integrity errors (a foreign key, a
    check constraint) are not the user's to fix and pass through."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        if not _is_unique_violation(exc):
            raise
        raise error from None


def month_is_locked(day: date) -> bool:
    return MonthLock.objects.filter(year=day.year, month=day.month, is_locked=True).exists()


def require_month_open(day: date, *, field: str = "as_of") -> None:
    if month_is_locked(day):
        raise ValidationFailed(
            f"{day.year}년 {day.month}월은 마감되었습니다. 총괄이 마감을 해제해야 고칠 수 있습니다.",
            field_errors={field: [f"{day.year}년 {day.month}월은 마감된 달입니다."]},
        )


def _set(*, actor, year: int, month: int, locked: bool) -> MonthLock:
    require(access_month_lock(actor), "월 마감은 총괄만 할 수 있습니다.")
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationFailed(field_errors={"month": ["연도와 월을 확인하십시오."]})
    with transaction.atomic():
        lock, _ = MonthLock.objects.select_for_update().get_or_create(
            year=year, month=month, defaults={"is_locked": locked, "changed_by": actor}
        )
        if lock.is_locked != locked:
            lock.is_locked = locked
            lock.changed_by = actor
            lock.save(update_fields=["is_locked", "changed_by", "changed_at"])
    return lock


def month_lock(*, actor, year: int, month: int) -> MonthLock:
    return _set(actor=actor, year=year, month=month, locked=True)


def month_unlock(*, actor, year: int, month: int) -> MonthLock:
    return _set(actor=actor, year=year, month=month, locked=False)


_month_close_approval = None


def month_close_approval_register(draft) -> None:
    """The approvals app registers how a month's close is drafted (core imports no app above it)."""
    global _month_close_approval
    _month_close_approval = draft


def month_close(*, actor, year: int, month: int) -> str:
    """Close a month through its approval (결재) when one is registered: the answer says what happened."""
    if actor is not None and _month_close_approval is not None:
        require(access_month_lock(actor), "월 마감은 총괄만 할 수 있습니다.")
        return _month_close_approval(actor=actor, year=year, month=month)
    lock = month_lock(actor=actor, year=year, month=month)
    return f"{lock.year}년 {lock.month}월을 마감했습니다."


def month_lock_list() -> list[MonthLock]:
    return list(MonthLock.objects.select_related("changed_by"))


def months_to_close(*, year: int, today: date) -> list[date]:
    locked = set(MonthLock.objects.filter(year=year, is_locked=True).values_list("month", flat=True))
    ended = [date(year, month, 1) for month in range(1, 13) if date(year, month, 1) < today.replace(day=1)]
    return [month for month in ended if month.month not in locked]
