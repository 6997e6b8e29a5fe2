"""The execution summary (BudgetSnapshotLatest: each line's latest snapshot plus the movements after it) equals the
computation from the base rows after every kind of write, in the writing transaction; the selectors read it in one
query when the day asked for is on or after every line's latest figures, and the base rows otherwise."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iljari.core.roles import Role
from iljari.finance import services
from iljari.finance.models import BudgetSnapshotLatest
from iljari.finance.selectors import _line_figures, _line_figures_from_base, budget_execution
from iljari.org.models import OrgUnit

LATE = date(2018, 12, 31)


@pytest.fixture
def lines(org):
    unit = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    return [
        services.budget_line_set(actor=None, year=2018, org_unit=unit, code=f"SUM-{n}", name=f"사업 {n}", source="city")
        for n in (1, 2)
    ]


def _summary() -> dict:
    return {
        s.line_id: (s.current_budget, s.committed, s.spent, s.day)
        for s in BudgetSnapshotLatest.objects.filter(line__year=2018)
    }


def _base() -> dict:
    return {
        line_id: (f.current_budget, f.committed, f.spent, f.day)
        for line_id, f in _line_figures_from_base(year=2018, as_of=LATE).items()
    }


def _snapshot(line, as_of, spent, budget=10_000):
    services.budget_snapshot_record(
        actor=None, line=line, as_of=as_of, current_budget=budget, committed=spent * 2, spent=spent
    )


def test_the_summary_equals_the_base_rows_after_each_kind_of_write(lines):
    one, two = lines
    steps = [
        lambda: services.budget_movement_post(actor=None, line=one, on=date(2018, 2, 1), spent=100, reference="s:1"),
        lambda: _snapshot(one, date(2018, 3, 31), 1_000),  # supersedes the February movement
        lambda: services.budget_movement_post(  # after the snapshot: added
            actor=None, line=one, on=date(2018, 4, 10), committed=50, spent=30, reference="s:2"
        ),
        lambda: services.budget_movement_post(actor=None, line=one, on=date(2018, 5, 10), spent=-10, reference="s:3"),
        lambda: _snapshot(one, date(2018, 1, 31), 500),  # an earlier month entered late: the latest stays
        lambda: _snapshot(one, date(2018, 3, 31), 1_200),  # the latest corrected on the same day
        lambda: services.budget_movement_post(  # dated before the latest snapshot: already in it
            actor=None, line=one, on=date(2018, 3, 1), spent=7, reference="s:4"
        ),
        lambda: _snapshot(one, date(2018, 4, 30), 2_000),  # a later snapshot supersedes the April movement
        lambda: _snapshot(two, date(2018, 6, 30), 3_000, budget=5_000),
        lambda: services.budget_movement_post(actor=None, line=two, on=date(2018, 6, 30), spent=5, reference="s:5"),
    ]
    for number, step in enumerate(steps, start=1):
        step()
        assert _summary() == _base(), f"step {number}"
    assert _summary()[one.pk] == (10_000, 4_000, 1_990, date(2018, 5, 10))
    assert _summary()[two.pk] == (5_000, 6_000, 3_000, date(2018, 6, 30))  # same-day movement: in the snapshot


def test_the_xlsx_import_keeps_the_summary(personas, lines):
    from iljari.finance.selectors import budget_snapshot_sheet

    manager = personas[Role.OFFICE_MANAGER]
    _snapshot(lines[0], date(2018, 5, 31), 1_000)
    _snapshot(lines[1], date(2018, 4, 30), 2_000)
    data = budget_snapshot_sheet(user=manager, year=2018, as_of=date(2018, 6, 30))
    services.budget_snapshot_import(actor=manager, year=2018, data=data)
    assert _summary() == _base()
    assert _summary()[lines[0].pk][3] == date(2018, 6, 30)


def test_a_refresh_from_scratch_gives_the_same_rows(lines):
    _snapshot(lines[0], date(2018, 3, 31), 1_000)
    services.budget_movement_post(actor=None, line=lines[1], on=date(2018, 4, 1), spent=9, reference="s:9")
    kept = _summary()
    BudgetSnapshotLatest.objects.all().delete()
    assert services.budget_summary_refresh() == 2
    assert _summary() == kept


def test_the_selectors_read_the_summary_on_or_after_the_latest_day_and_the_base_rows_before(personas, lines):
    manager = personas[Role.OFFICE_MANAGER]
    _snapshot(lines[0], date(2018, 3, 31), 1_000)
    _snapshot(lines[0], date(2018, 5, 31), 2_000)
    with CaptureQueriesContext(connection) as read:
        figures = _line_figures(year=2018, as_of=date(2018, 6, 30))
    assert len(read) == 3
    assert figures[lines[0].pk].spent == 2_000
    with CaptureQueriesContext(connection) as read:
        earlier = _line_figures(year=2018, as_of=date(2018, 4, 30))
    assert len(read) == 3  # the summary is past the day: that line from the base rows, in the same queries
    assert earlier[lines[0].pk].spent == 1_000
    assert budget_execution(user=manager, year=2018, as_of=date(2018, 4, 30)).total.spent == 1_000


def test_a_line_with_no_summary_row_is_read_from_its_base_rows_not_left_out(lines):
    _snapshot(lines[0], date(2018, 3, 31), 1_000)
    _snapshot(lines[1], date(2018, 3, 31), 500)
    BudgetSnapshotLatest.objects.filter(line=lines[1]).delete()  # figures written past the services, not refreshed
    figures = _line_figures(year=2018, as_of=date(2018, 6, 30))
    assert figures[lines[0].pk].spent == 1_000 and figures[lines[1].pk].spent == 500
