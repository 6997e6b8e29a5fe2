"""finance selectors — staffing and budget execution, rolled up the org tree, scoped by iljari.core.access.

Contract:
- staffing_table(*, user, as_of) -> StaffingTable | None      (latest quotas on or before as_of)
- staffing_figures(*, as_of) -> StaffingTable | None           (unscoped: for the validation engine only)
- budget_execution(*, user, year, as_of, unit_path=None) -> BudgetExecution
- lines_execution(*, user, line_ids, year, as_of) -> ExecutionRow   these budget lines' latest execution, summed
      the latest snapshot of every line on or before as_of, summed per division and for the office;
      `unit_path` limits it to one division (division staff see theirs).
- budget_execution_figures(*, year, as_of) -> BudgetExecution   (unscoped: for the validation engine only)
- budget_line_list(*, user, year, unit_path=None) -> QuerySet[BudgetLine]
- budget_as_of_dates(*, year) -> list[date]
- staffing_dates() -> list[date]
- budget_snapshot_sheet(*, user, year, as_of, unit_path=None) -> bytes   (xlsx to edit and upload again)

Queries are set-based: a fixed number per call, whatever the number of lines or units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max, OuterRef, QuerySet, Subquery

from iljari.core.access import access_office_figures_view, division_path, require
from iljari.core.formats import ratio
from iljari.core.xlsx import Column, xlsx_table
from iljari.finance.models import BudgetLine, BudgetSnapshot, StaffingQuota
from iljari.org.models import OrgUnit

STAFFING_COLUMNS: list[tuple[str, str]] = [
    *[("general", grade) for grade in StaffingQuota.Grade.values],
    ("fixed_term", ""),
    ("operations", ""),
]


@dataclass
class StaffingRow:
    unit: OrgUnit | None  # None: the office total
    cells: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (series, grade) -> (auth, cur)

    def add(self, key: tuple[str, str], authorized: int, current: int) -> None:
        auth, cur = self.cells.get(key, (0, 0))
        self.cells[key] = (auth + authorized, cur + current)

    @property
    def authorized(self) -> int:
        return sum(auth for auth, _ in self.cells.values())

    @property
    def current(self) -> int:
        return sum(cur for _, cur in self.cells.values())

    @property
    def shortfall(self) -> int:
        return self.current - self.authorized

    @property
    def general(self) -> tuple[int, int]:
        pairs = [value for (series, _), value in self.cells.items() if series == "general"]
        return sum(a for a, _ in pairs), sum(c for _, c in pairs)


@dataclass
class StaffingTable:
    as_of: date
    rows: list[StaffingRow]
    total: StaffingRow
    public_service_workers: int  # 정원 외 공무직, current


def _ordered_divisions() -> list[OrgUnit]:
    """Active divisions, siblings in their set order."""
    return list(
        OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION, is_active=True).order_by("parent_id", "sort_order", "code")
    )


def staffing_table(*, user, as_of: date) -> StaffingTable | None:
    require(access_office_figures_view(user))
    return staffing_figures(as_of=as_of)


def staffing_figures(*, as_of: date) -> StaffingTable | None:
    """Unscoped: for the validation engine only."""
    latest = StaffingQuota.objects.filter(as_of__lte=as_of).aggregate(latest=Max("as_of"))["latest"]
    if latest is None:
        return None
    divisions = _ordered_divisions()
    rows = {division_path(unit.path): StaffingRow(unit=unit) for unit in divisions}
    total = StaffingRow(unit=None)
    workers = 0
    quotas = StaffingQuota.objects.filter(as_of=latest).values_list(
        "org_unit__path", "job_series", "grade", "authorized", "current"
    )
    for path, series, grade, authorized, current in quotas:
        if series == StaffingQuota.JobSeries.PUBLIC_SERVICE_WORKER:
            workers += current
            continue
        key = (series, grade)
        total.add(key, authorized, current)
        row = rows.get(division_path(path))
        if row is not None:
            row.add(key, authorized, current)
    return StaffingTable(as_of=latest, rows=list(rows.values()), total=total, public_service_workers=workers)


@dataclass
class ExecutionRow:
    unit: OrgUnit | None
    current_budget: int = 0
    committed: int = 0
    spent: int = 0

    @property
    def execution_rate(self) -> Decimal | None:
        return ratio(self.spent, self.current_budget)


@dataclass
class BudgetExecution:
    year: int
    as_of: date
    rows: list[ExecutionRow]
    total: ExecutionRow
    latest_as_of: date | None  # the newest snapshot date used


def _latest_snapshots(*, year: int, as_of: date) -> QuerySet[BudgetSnapshot]:
    newest = (
        BudgetSnapshot.objects.filter(line=OuterRef("line"), as_of__lte=as_of).order_by("-as_of").values("as_of")[:1]
    )
    return BudgetSnapshot.objects.filter(line__year=year, as_of=Subquery(newest))


def budget_execution(*, user, year: int, as_of: date, unit_path: str | None = None) -> BudgetExecution:
    require(access_office_figures_view(user))
    return _execution(year=year, as_of=as_of, unit_path=unit_path)


def budget_execution_figures(*, year: int, as_of: date) -> BudgetExecution:
    return _execution(year=year, as_of=as_of, unit_path=None)


def _execution(*, year: int, as_of: date, unit_path: str | None) -> BudgetExecution:
    divisions = [u for u in _ordered_divisions() if unit_path is None or u.path.startswith(unit_path)]
    rows = {division_path(unit.path): ExecutionRow(unit=unit) for unit in divisions}
    total = ExecutionRow(unit=None)
    snapshots = _latest_snapshots(year=year, as_of=as_of)
    if unit_path:
        snapshots = snapshots.filter(line__org_unit__path__startswith=unit_path)
    latest = None
    for path, budget, committed, spent, day in snapshots.values_list(
        "line__org_unit__path", "current_budget", "committed", "spent", "as_of"
    ):
        latest = day if latest is None or day > latest else latest
        for row in (rows.get(division_path(path)), total):
            if row is None:
                continue
            row.current_budget += budget
            row.committed += committed
            row.spent += spent
    return BudgetExecution(year=year, as_of=as_of, rows=list(rows.values()), total=total, latest_as_of=latest)


def lines_execution(*, user, line_ids, year: int, as_of: date) -> ExecutionRow:
    """The latest execution of these budget lines of the year (a programme's), summed (one query)."""
    require(access_office_figures_view(user))
    row = ExecutionRow(unit=None)
    snapshots = _latest_snapshots(year=year, as_of=as_of).filter(line__in=list(line_ids))
    for budget, committed, spent in snapshots.values_list("current_budget", "committed", "spent"):
        row.current_budget += budget
        row.committed += committed
        row.spent += spent
    return row


def budget_line_list(*, user, year: int, unit_path: str | None = None) -> QuerySet[BudgetLine]:
    require(access_office_figures_view(user))
    lines = BudgetLine.objects.filter(year=year).select_related("org_unit")
    if unit_path:
        lines = lines.filter(org_unit__path__startswith=unit_path)
    return lines.order_by("org_unit__path", "code")


def staffing_dates() -> list[date]:
    return list(StaffingQuota.objects.values_list("as_of", flat=True).distinct().order_by("as_of"))


def budget_as_of_dates(*, year: int) -> list[date]:
    return list(
        BudgetSnapshot.objects.filter(line__year=year).values_list("as_of", flat=True).distinct().order_by("as_of")
    )


BUDGET_COLUMNS = [
    Column("year", "연도", "int"),
    Column("code", "코드"),
    Column("division", "부서", editable=False, required=False),
    Column("name", "사업명", editable=False, required=False),
    Column("as_of", "기준일", "date"),
    Column("current_budget", "예산현액(원)", "int"),
    Column("committed", "원인행위액(원)", "int"),
    Column("spent", "지출액(원)", "int"),
]


def budget_snapshot_sheet(*, user, year: int, as_of: date, unit_path: str | None = None) -> bytes:
    """The lines of the year with their latest figures on or before as_of, dated as_of, ready to edit."""
    lines = list(budget_line_list(user=user, year=year, unit_path=unit_path))
    latest = {s.line_id: s for s in _latest_snapshots(year=year, as_of=as_of).filter(line__in=lines)}
    rows = []
    for line in lines:
        snapshot = latest.get(line.pk)
        rows.append(
            {
                "year": year,
                "code": line.code,
                "division": line.org_unit.name,
                "name": line.name,
                "as_of": as_of,
                "current_budget": snapshot.current_budget if snapshot else None,
                "committed": snapshot.committed if snapshot else None,
                "spent": snapshot.spent if snapshot else None,
            }
        )
    return xlsx_table(title="예산 집행 현황", columns=BUDGET_COLUMNS, rows=rows)
