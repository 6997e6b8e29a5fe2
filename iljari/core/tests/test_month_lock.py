"""Month locks: the office manager signs off a month; locked figures change only after unlock; both steps are
in the change history."""

from datetime import date

import pytest

from iljari.core import locks
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.finance import services as finance
from iljari.finance.models import BudgetLine, BudgetSnapshot
from iljari.performance import services as performance
from iljari.performance.models import Indicator, JobTarget


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def test_locked_month_refuses_every_kind_of_monthly_figure_until_unlocked(office):
    manager, staff = office[Role.OFFICE_MANAGER], office[Role.DIVISION_STAFF]
    locks.month_lock(actor=manager, year=2018, month=6)
    line = BudgetLine.objects.get(code="JOBS-POLICY-2018")
    attempts = [
        lambda: finance.budget_snapshot_record(
            actor=staff, line=line, as_of=date(2018, 6, 30), current_budget=1, committed=1, spent=1
        ),
        lambda: performance.job_achievement_record(
            actor=staff, job_target=JobTarget.objects.get(target_group="youth"), achieved=1, as_of=date(2018, 6, 15)
        ),
        lambda: performance.indicator_value_record(
            actor=staff,
            indicator=Indicator.objects.get(code="IND-01"),
            year=2018,
            kind="actual",
            value=1,
            as_of=date(2018, 6, 1),
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationFailed, match="2018년 6월은 마감되었습니다"):
            attempt()
    assert BudgetSnapshot.objects.get(line=line, as_of=date(2018, 6, 30)).spent == 100_177_000_000
    # July is open
    finance.budget_snapshot_record(
        actor=staff, line=line, as_of=date(2018, 7, 31), current_budget=10, committed=5, spent=1
    )
    locks.month_unlock(actor=manager, year=2018, month=6)
    for attempt in attempts:
        attempt()
    assert BudgetSnapshot.objects.get(line=line, as_of=date(2018, 6, 30)).spent == 1


def test_only_the_office_manager_locks(office):
    for role in (Role.DIVISION_STAFF, Role.AUDITOR, Role.SYSTEM_ADMIN):
        with pytest.raises(NotAllowed):
            locks.month_lock(actor=office[role], year=2018, month=6)


def test_lock_page_and_history(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    assert manager.post("/months/", {"year": "2018", "month": "6", "action": "lock"}).status_code == 302
    page = manager.get("/months/").content.decode()
    assert "2018년 6월" in page and "마감" in page
    assert (
        client_as(Role.DIVISION_STAFF).post("/months/", {"year": "2018", "month": "7", "action": "lock"}).status_code
        == 403
    )
    assert not locks.month_is_locked(date(2018, 7, 1))
    manager.post("/months/", {"year": "2018", "month": "6", "action": "unlock"})
    history = client_as(Role.AUDITOR).get("/history/?model=core.monthlock").content.decode()
    assert history.count("2018년 6월") >= 2  # the lock and the unlock
    bad = manager.post("/months/", {"year": "2018", "month": "13", "action": "lock"}, follow=True)
    assert "연도와 월을 확인하십시오" in bad.content.decode()


@pytest.mark.django_db(transaction=True)
def test_row_lock_needs_a_transaction_and_reads_the_row():
    from django.db import transaction

    from iljari.core.locks import row_lock
    from iljari.core.models import MonthLock

    lock = MonthLock.objects.create(year=2018, month=5, is_locked=False)
    with pytest.raises(RuntimeError):
        row_lock(MonthLock, lock.pk)
    with transaction.atomic():
        assert row_lock(MonthLock, lock.pk) == lock
        assert row_lock(MonthLock, lock.pk + 1000) is None
