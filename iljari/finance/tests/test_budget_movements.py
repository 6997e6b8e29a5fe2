"""Budget movements between snapshots: execution as of D is the latest snapshot on or before D plus the movements
dated after it (and on or before D); a later snapshot supersedes them; bad movements are refused in Korean."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.locks import month_lock
from iljari.core.roles import Role
from iljari.finance import services
from iljari.finance.models import BudgetMovement
from iljari.finance.selectors import budget_execution, budget_snapshot_sheet, lines_execution
from iljari.org.models import OrgUnit


@pytest.fixture
def line(org):
    return services.budget_line_set(
        actor=None, year=2018, org_unit=OrgUnit.objects.get(code="SOCIAL-ECONOMY"), code="SE-T", name="시험 사업",
        source="city",
    )  # fmt: skip


def _spent(user, line, on):
    return lines_execution(user=user, line_ids=[line.pk], year=2018, as_of=on).spent


def test_movements_add_to_the_latest_snapshot_until_a_later_one_supersedes_them(personas, line):
    manager = personas[Role.OFFICE_MANAGER]
    assert _spent(manager, line, date(2018, 12, 31)) == 0
    services.budget_movement_post(actor=None, line=line, on=date(2018, 2, 1), spent=100, reference="t:1")
    assert _spent(manager, line, date(2018, 1, 31)) == 0
    assert _spent(manager, line, date(2018, 2, 1)) == 100  # a line with no snapshot yet: the movements alone
    services.budget_snapshot_record(
        actor=None, line=line, as_of=date(2018, 3, 31), current_budget=10_000, committed=5_000, spent=1_000
    )
    services.budget_movement_post(actor=None, line=line, on=date(2018, 4, 10), committed=50, spent=30, reference="t:2")
    services.budget_movement_post(actor=None, line=line, on=date(2018, 5, 10), spent=-10, reference="t:3")
    assert _spent(manager, line, date(2018, 3, 31)) == 1_000  # the snapshot includes the February movement
    assert _spent(manager, line, date(2018, 4, 30)) == 1_030
    assert _spent(manager, line, date(2018, 5, 31)) == 1_020
    row = budget_execution(user=manager, year=2018, as_of=date(2018, 5, 31)).total
    assert (row.current_budget, row.committed, row.spent) == (10_000, 5_050, 1_020)
    assert budget_execution(user=manager, year=2018, as_of=date(2018, 5, 31)).latest_as_of == date(2018, 5, 10)
    services.budget_snapshot_record(
        actor=None, line=line, as_of=date(2018, 4, 30), current_budget=10_000, committed=6_000, spent=2_000
    )
    assert _spent(manager, line, date(2018, 5, 31)) == 1_990  # April's snapshot supersedes the April movement
    assert budget_snapshot_sheet(user=manager, year=2018, as_of=date(2018, 5, 31))  # the sheet builds with them


def test_bad_movements_are_refused_and_nothing_is_written(personas, line):
    for kwargs, field in (
        ({"spent": 0, "committed": 0}, "spent"),
        ({"spent": "100"}, "spent"),
        ({"spent": True}, "spent"),
        ({"spent": 1, "on": date(2019, 1, 1)}, "on"),
        ({"spent": 1, "reference": " "}, "reference"),
    ):
        values = {"on": date(2018, 6, 1), "reference": "t:bad", **kwargs}
        with pytest.raises(ValidationFailed) as error:
            services.budget_movement_post(actor=None, line=line, **values)
        assert field in error.value.field_errors
    services.budget_movement_post(actor=None, line=line, on=date(2018, 6, 1), spent=1, reference="t:once")
    with pytest.raises(ValidationFailed, match="이미 반영된"):
        services.budget_movement_post(actor=None, line=line, on=date(2018, 6, 2), spent=1, reference="t:once")
    month_lock(actor=personas[Role.OFFICE_MANAGER], year=2018, month=7)
    with pytest.raises(ValidationFailed, match="마감"):
        services.budget_movement_post(actor=None, line=line, on=date(2018, 7, 2), spent=1, reference="t:locked")
    with pytest.raises(Exception, match="권한"):
        services.budget_movement_post(
            actor=personas[Role.DIVISION_STAFF], line=line, on=date(2018, 6, 3), spent=1, reference="t:staff"
        )  # 일자리정책담당관 staff do not move 사회적경제담당관's line
    assert BudgetMovement.objects.count() == 1
