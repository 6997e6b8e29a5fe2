"""Month locks (월 마감): services and the check every monthly-figure service calls before it writes.

Contract:
- month_is_locked(day) -> bool
- require_month_open(day) -> None      raises ValidationFailed naming the month when it is locked
- month_lock(*, actor, year, month) / month_unlock(*, actor, year, month) -> MonthLock
- month_lock_list() -> list[MonthLock]
- row_lock(model, pk) -> instance | None
      inside a transaction: the row read with SELECT ... FOR UPDATE, so a second writer waits for the first to
      commit (a worksite's places counted while placing); on SQLite the write lock of the transaction serialises
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.access import access_month_lock, require
from iljari.core.errors import ValidationFailed
from iljari.core.models import MonthLock


def row_lock(model, pk):
    """The row `pk` of `model` locked until the surrounding transaction ends (None when it does not exist)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("row_lock needs a transaction: call it inside transaction.atomic()")
    return model.objects.select_for_update().filter(pk=pk).first()


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


def month_lock_list() -> list[MonthLock]:
    return list(MonthLock.objects.select_related("changed_by"))
