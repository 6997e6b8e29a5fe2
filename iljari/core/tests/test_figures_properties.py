"""The office's totals are the sums of their parts on any day, whatever the figures (hypothesis): budget execution
(the office's total and each division's, from the lines' latest snapshots and later movements), staffing (the
latest quotas on or before the day) and job achievements (the direct and indirect kinds' latest figures). The
expected sums are computed here from the generated figures, not read from the selectors.

Each example writes its figures inside a savepoint rolled back at its end, on the demo organisation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.roles import Role
from iljari.finance import services as finance
from iljari.finance.models import StaffingQuota
from iljari.finance.selectors import budget_execution, staffing_table
from iljari.org.models import OrgUnit
from iljari.performance import services as performance
from iljari.performance.models import JobKind
from iljari.performance.selectors import job_target_table, job_target_totals

YEAR = 2018
EXAMPLES = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
days = st.integers(0, 364).map(lambda n: date(YEAR, 1, 1) + timedelta(days=n))


def _units():
    """The divisions and their teams, by path, and the division each one rolls up to."""
    divisions = list(OrgUnit.objects.filter(kind="division").order_by("path"))
    units = list(OrgUnit.objects.filter(kind__in=["division", "team"]).order_by("path"))
    division_of = {u.pk: next(d for d in divisions if u.path.startswith(d.path)) for u in units}
    return units, divisions, division_of


# --- budget execution ------------------------------------------------------------------------------------------

budget_lines = st.lists(
    st.fixed_dictionaries(
        {
            "unit": st.integers(0, 1_000),
            "snapshots": st.lists(
                st.tuples(days, st.integers(0, 10**10), st.integers(0, 100), st.integers(0, 100)),
                min_size=1,
                max_size=3,
                unique_by=lambda s: s[0],
            ),
            "movements": st.lists(st.tuples(days, st.integers(-(10**8), 10**8), st.integers(1, 10**8)), max_size=3),
        }
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.django_db
@EXAMPLES
@given(lines=budget_lines, as_of=days)
def test_budget_execution_totals_are_the_sums_of_the_lines_on_any_day(personas, lines, as_of):
    manager = personas[Role.OFFICE_MANAGER]
    with transaction.atomic():
        units, divisions, division_of = _units()
        expected = {d.pk: [0, 0, 0] for d in divisions}
        for index, spec in enumerate(lines):
            unit = units[spec["unit"] % len(units)]
            line = finance.budget_line_set(
                actor=None, year=YEAR, org_unit=unit, code=f"PROP-{index}", name=f"사업 {index}", source="city"
            )
            latest = None
            for on, budget, committed_pct, spent_pct in spec["snapshots"]:
                spent = budget * min(committed_pct, spent_pct) // 100
                committed = budget * max(committed_pct, spent_pct) // 100
                finance.budget_snapshot_record(
                    actor=None, line=line, as_of=on, current_budget=budget, committed=committed, spent=spent
                )
                if on <= as_of and (latest is None or on > latest[0]):
                    latest = (on, budget, committed, spent)
            figures = [latest[1], latest[2], latest[3]] if latest else [0, 0, 0]
            for number, (on, committed, spent) in enumerate(spec["movements"]):
                finance.budget_movement_post(
                    actor=None, line=line, on=on, committed=committed, spent=spent, reference=f"PROP-{index}-{number}"
                )
                if on <= as_of and (latest is None or on > latest[0]):
                    figures[1] += committed
                    figures[2] += spent
            total = expected[division_of[unit.pk].pk]
            for i in range(3):
                total[i] += figures[i]
        execution = budget_execution(user=manager, year=YEAR, as_of=as_of)
        rows = {row.unit.pk: row for row in execution.rows}
        for division in divisions:
            row = rows.get(division.pk)
            got = [row.current_budget, row.committed, row.spent] if row else [0, 0, 0]
            assert got == expected[division.pk], division.name
        sums = [sum(getattr(r, f) for r in execution.rows) for f in ("current_budget", "committed", "spent")]
        assert [execution.total.current_budget, execution.total.committed, execution.total.spent] == sums
        assert sums == [sum(v[i] for v in expected.values()) for i in range(3)]
        transaction.set_rollback(True)


# --- staffing ----------------------------------------------------------------------------------------------------

SERIES = [
    *[("general", grade) for grade in StaffingQuota.Grade.values],
    ("fixed_term", ""),
    ("operations", ""),
    ("public_service_worker", ""),
]
quotas = st.lists(
    st.tuples(st.integers(0, 1_000), days, st.sampled_from(SERIES), st.integers(0, 40), st.integers(0, 40)),
    min_size=1,
    max_size=12,
    unique_by=lambda q: (q[0], q[1], q[2]),
)


@pytest.mark.django_db
@EXAMPLES
@given(rows=quotas, as_of=days)
def test_staffing_totals_are_the_sums_of_the_latest_quotas_on_any_day(personas, rows, as_of):
    manager = personas[Role.OFFICE_MANAGER]
    with transaction.atomic():
        StaffingQuota.objects.all().delete()  # the dataset's own quotas are not part of this example
        units, divisions, division_of = _units()
        written = []
        for unit_index, on, (series, grade), authorized, current in rows:
            unit = units[unit_index % len(units)]
            worker = series == "public_service_worker"
            finance.staffing_quota_set(
                actor=None,
                org_unit=unit,
                as_of=on,
                job_series=series,
                grade=grade,
                authorized=None if worker else authorized,
                current=current,
            )
            written.append((unit, on, series, grade, 0 if worker else authorized, current))
        # the same unit, day, series and grade twice: the second one stands (update_or_create)
        final = {(u.pk, on, series, grade): (u, on, series, a, c) for u, on, series, grade, a, c in written}
        table = staffing_table(user=manager, as_of=as_of)
        dates = [on for _, on, *_ in final.values() if on <= as_of]
        if not dates:
            assert table is None
            transaction.set_rollback(True)
            return
        latest = max(dates)
        counted = [v for v in final.values() if v[1] == latest]
        staff = [v for v in counted if v[2] != "public_service_worker"]
        assert (table.total.authorized, table.total.current) == (sum(v[3] for v in staff), sum(v[4] for v in staff))
        assert table.public_service_workers == sum(v[4] for v in counted if v[2] == "public_service_worker")
        assert table.total.authorized == sum(row.authorized for row in table.rows)
        assert table.total.current == sum(row.current for row in table.rows)
        for row in table.rows:
            mine = [v for v in staff if division_of[v[0].pk].pk == row.unit.pk]
            assert (row.authorized, row.current) == (sum(v[3] for v in mine), sum(v[4] for v in mine))
            assert row.authorized == sum(a for a, _ in row.cells.values())
        transaction.set_rollback(True)


# --- job achievements ------------------------------------------------------------------------------------------

achievements = st.lists(st.tuples(days, st.integers(0, 200_000)), max_size=4, unique_by=lambda a: a[0])


@pytest.mark.django_db
@EXAMPLES
@given(
    direct=achievements,
    indirect=achievements,
    targets=st.tuples(st.integers(0, 300_000), st.integers(0, 300_000)),
    as_of=days,
)
def test_the_job_total_is_the_sum_of_the_direct_and_indirect_jobs_on_any_day(
    personas, direct, indirect, targets, as_of
):
    manager = personas[Role.OFFICE_MANAGER]
    with transaction.atomic():
        expected = {}
        for kind, records, target in ((JobKind.DIRECT, direct, targets[0]), (JobKind.INDIRECT, indirect, targets[1])):
            job_target = performance.job_target_set(actor=None, year=YEAR, kind=kind, target=target, budget=None)
            job_target.achievements.all().delete()  # the dataset's own figures are not part of this example
            for on, achieved in records:
                performance.job_achievement_record(actor=None, job_target=job_target, achieved=achieved, as_of=on)
            before = [(on, achieved) for on, achieved in records if on <= as_of]
            expected[kind] = max(before)[1] if before else None
        for read in (job_target_table, job_target_totals):
            table = read(user=manager, year=YEAR, as_of=as_of)
            kinds = {row.target.kind: row for row in table.kinds}
            assert {k: kinds[k].achieved for k in expected} == expected
            assert table.total_target == sum(targets)
            both = list(expected.values())
            assert table.total_achieved == (None if None in both else sum(both))
        transaction.set_rollback(True)
