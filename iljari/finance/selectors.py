"""finance selectors — staffing and budget execution, rolled up the org tree, scoped by iljari.core.access.

Contract:
- staffing_table(*, user, as_of) -> StaffingTable | None      (latest quotas on or before as_of)
- staffing_figures(*, as_of) -> StaffingTable | None           (unscoped: for the validation engine only)
- budget_execution(*, user, year, as_of, unit_path=None) -> BudgetExecution
      the latest snapshot of every line on or before as_of plus the line's movements (BudgetMovement) dated after
      that snapshot and on or before as_of, summed per division and for the office; `unit_path` limits it to one
      division (division staff see theirs). Each row and the total carry the oldest and newest day of their lines'
      figures (`first_day`, `last_day`; `one_day` when they are one day): a total of rows of different days says so
      rather than taking the page's date. Read from the summary BudgetSnapshotLatest (kept by finance.services)
      when the day is on or after every line's latest figures, else from the snapshots and movements.
- lines_execution(*, user, line_ids, year, as_of) -> ExecutionRow   these budget lines' execution, summed (same rule)
- lines_execution_figures(*, line_ids, year, as_of) -> ExecutionRow   (unscoped: for other modules' services)
- budget_execution_figures(*, year, as_of) -> BudgetExecution   (unscoped: for the validation engine only)
- budget_line_list(*, user, year, unit_path=None, in_use=False) -> QuerySet[BudgetLine]   (in_use: not retired)
- budget_line_get(*, user, pk=None, year=None, code="") -> BudgetLine ; budget_line_years() -> list[int]
- budget_line_sheet(*, user, year, unit_path=None) -> bytes   (the lines' xlsx, to edit and upload again)
- staffing_quota_list(*, user, as_of) -> list[StaffingQuota]   the cells of the as-of table in force on the day
- staffing_quota_get(*, user, pk) -> StaffingQuota ; staffing_quota_sheet(*, user, as_of) -> bytes
- budget_line_units(*, user), staffing_units(*, user) -> QuerySet[OrgUnit]   the units the forms offer
- budget_line_dependants(*, user, line) -> dict   its snapshots, movements and linked programmes (counts)
- budget_as_of_dates(*, year) -> list[date]
- staffing_dates() -> list[date]
- budget_newest_as_of(year) -> date | None   the newest budget snapshot date of a year, or of any (core.period's
      source)
- budget_snapshot_sheet(*, user, year, as_of, unit_path=None) -> bytes   (xlsx to edit and upload again)

Queries are set-based: a fixed number per call, whatever the number of lines or units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery, Sum

from iljari.core.access import access_office_figures_view, division_path, figures_unit_path, require
from iljari.core.errors import NotFound
from iljari.core.formats import ratio
from iljari.core.xlsx import Column, xlsx_table
from iljari.finance.models import BudgetLine, BudgetMovement, BudgetSnapshot, BudgetSnapshotLatest, StaffingQuota
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
    first_day: date | None = None  # the oldest and the newest as-of day of the lines summed in the row
    last_day: date | None = None

    @property
    def execution_rate(self) -> Decimal | None:
        return ratio(self.spent, self.current_budget)

    @property
    def one_day(self) -> date | None:
        """The one day the row's figures are as of; None when its lines are of different days (or it has none)."""
        return self.last_day if self.first_day == self.last_day else None

    def add_day(self, day: date | None) -> None:
        if day is None:
            return
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)


@dataclass
class BudgetExecution:
    year: int
    as_of: date
    rows: list[ExecutionRow]
    total: ExecutionRow
    latest_as_of: date | None  # the newest snapshot date used


def _latest_snapshots(*, year: int, as_of: date) -> QuerySet[BudgetSnapshot]:
    return BudgetSnapshot.objects.filter(line__year=year, as_of=Subquery(_newest_snapshot_day(as_of)))


def _newest_snapshot_day(as_of: date):
    return BudgetSnapshot.objects.filter(line=OuterRef("line"), as_of__lte=as_of).order_by("-as_of").values("as_of")[:1]


@dataclass
class _LineFigures:
    path: str
    current_budget: int = 0
    committed: int = 0
    spent: int = 0
    day: date | None = None  # the newest snapshot or movement day in the figures


def _line_figures(*, year: int, as_of: date, line_ids=None, unit_path: str | None = None) -> dict[int, _LineFigures]:
    """Each line's execution as of the day: its latest snapshot on or before it, plus the movements (grants'
    disbursements, returns) dated after that snapshot and on or before the day — a later snapshot from the
    accounting system already includes them. A line whose summary (BudgetSnapshotLatest) is dated on or before the
    day is read from it; only the lines with figures after the day from the base rows. Three queries, whatever the
    number of lines (the last two find nothing to read when the day is on or after every line's latest figures)."""
    summaries = BudgetSnapshotLatest.objects.filter(line__year=year, day__lte=as_of)
    if line_ids is not None:
        summaries = summaries.filter(line__in=line_ids)
    if unit_path:
        summaries = summaries.filter(line__org_unit__path__startswith=unit_path)
    figures = _line_figures_from_base(year=year, as_of=as_of, line_ids=line_ids, unit_path=unit_path, stale=True)
    for line_id, path, budget, committed, spent, day in summaries.values_list(
        "line_id", "line__org_unit__path", "current_budget", "committed", "spent", "day"
    ):
        figures[line_id] = _LineFigures(path=path, current_budget=budget, committed=committed, spent=spent, day=day)
    return figures


def _line_figures_from_base(
    *, year: int, as_of: date, line_ids=None, unit_path: str | None = None, stale: bool = False
) -> dict[int, _LineFigures]:
    """_line_figures from the snapshots and movements themselves (two queries); `stale`: only of the lines whose
    summary is dated after the day."""
    snapshots = _latest_snapshots(year=year, as_of=as_of)
    movements = BudgetMovement.objects.filter(line__year=year, on__lte=as_of).annotate(
        base=Subquery(_newest_snapshot_day(as_of))
    )
    movements = movements.filter(Q(base__isnull=True) | Q(on__gt=F("base")))
    if stale:  # the lines the summary cannot answer: figures after the day, or no summary row at all
        unanswered = Q(line__latest__day__gt=as_of) | Q(line__latest__isnull=True)
        snapshots = snapshots.filter(unanswered)
        movements = movements.filter(unanswered)
    if line_ids is not None:
        snapshots = snapshots.filter(line__in=line_ids)
        movements = movements.filter(line__in=line_ids)
    if unit_path:
        snapshots = snapshots.filter(line__org_unit__path__startswith=unit_path)
        movements = movements.filter(line__org_unit__path__startswith=unit_path)
    figures: dict[int, _LineFigures] = {}
    for line_id, path, budget, committed, spent, day in snapshots.values_list(
        "line_id", "line__org_unit__path", "current_budget", "committed", "spent", "as_of"
    ):
        figures[line_id] = _LineFigures(path=path, current_budget=budget, committed=committed, spent=spent, day=day)
    moved = (
        movements.values("line_id", "line__org_unit__path")
        .annotate(committed_sum=Sum("committed"), spent_sum=Sum("spent"), last=Max("on"))
        .order_by("line_id")
    )
    for row in moved:
        line = figures.setdefault(row["line_id"], _LineFigures(path=row["line__org_unit__path"]))
        line.committed += row["committed_sum"] or 0
        line.spent += row["spent_sum"] or 0
        line.day = row["last"] if line.day is None or row["last"] > line.day else line.day
    return figures


def budget_execution(*, user, year: int, as_of: date, unit_path: str | None = None) -> BudgetExecution:
    require(access_office_figures_view(user))
    return _execution(year=year, as_of=as_of, unit_path=unit_path)


def budget_execution_figures(*, year: int, as_of: date) -> BudgetExecution:
    return _execution(year=year, as_of=as_of, unit_path=None)


def _execution(*, year: int, as_of: date, unit_path: str | None) -> BudgetExecution:
    divisions = [u for u in _ordered_divisions() if unit_path is None or u.path.startswith(unit_path)]
    rows = {division_path(unit.path): ExecutionRow(unit=unit) for unit in divisions}
    total = ExecutionRow(unit=None)
    latest = None
    for line in _line_figures(year=year, as_of=as_of, unit_path=unit_path).values():
        latest = line.day if latest is None or (line.day and line.day > latest) else latest
        for row in (rows.get(division_path(line.path)), total):
            if row is None:
                continue
            row.current_budget += line.current_budget
            row.committed += line.committed
            row.spent += line.spent
            row.add_day(line.day)
    return BudgetExecution(year=year, as_of=as_of, rows=list(rows.values()), total=total, latest_as_of=latest)


def lines_execution(*, user, line_ids, year: int, as_of: date) -> ExecutionRow:
    """The execution of these budget lines of the year (a programme's) as of the day, summed: each line's latest
    snapshot plus the movements after it (two queries)."""
    require(access_office_figures_view(user))
    return lines_execution_figures(line_ids=line_ids, year=year, as_of=as_of)


def lines_execution_figures(*, line_ids, year: int, as_of: date) -> ExecutionRow:
    """Unscoped: for other modules' services (grants shows its programme's line beside the agreements)."""
    row = ExecutionRow(unit=None)
    for line in _line_figures(year=year, as_of=as_of, line_ids=list(line_ids)).values():
        row.current_budget += line.current_budget
        row.committed += line.committed
        row.spent += line.spent
    return row


def budget_line_list(*, user, year: int, unit_path: str | None = None, in_use: bool = False) -> QuerySet[BudgetLine]:
    require(access_office_figures_view(user))
    lines = BudgetLine.objects.filter(year=year).select_related("org_unit")
    if in_use:
        lines = lines.filter(retired_on__isnull=True)
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
    """The lines of the year with their figures as of as_of (latest snapshot plus later movements), dated as_of,
    ready to edit: uploaded back, the snapshot supersedes those movements."""
    lines = list(budget_line_list(user=user, year=year, unit_path=unit_path))
    latest = _line_figures(year=year, as_of=as_of, line_ids=[line.pk for line in lines])
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


def budget_newest_as_of(year: int | None) -> date | None:
    snapshots = BudgetSnapshot.objects.all() if year is None else BudgetSnapshot.objects.filter(line__year=year)
    return snapshots.aggregate(d=Max("as_of"))["d"]


# --- definitions: the pages and sheets of budget lines and staffing quotas ------------------------------------


def budget_line_get(*, user, pk: int | None = None, year: int | None = None, code: str = "") -> BudgetLine:
    """One line, by id or by year and code (404 in Korean when there is none)."""
    require(access_office_figures_view(user))
    lines = BudgetLine.objects.select_related("org_unit")
    line = (lines.filter(pk=pk) if pk is not None else lines.filter(year=year, code=code)).first()
    if line is None:
        raise NotFound("예산 사업을 찾을 수 없습니다.")
    return line


def budget_line_years() -> list[int]:
    return list(BudgetLine.objects.order_by("-year").values_list("year", flat=True).distinct())


def staffing_quota_list(*, user, as_of: date) -> list[StaffingQuota]:
    """The cells of the one as-of table in force on the day (the newest on or before it), retired ones included."""
    require(access_office_figures_view(user))
    latest = StaffingQuota.objects.filter(as_of__lte=as_of).aggregate(latest=Max("as_of"))["latest"]
    if latest is None:
        return []
    return list(
        StaffingQuota.objects.filter(as_of=latest)
        .select_related("org_unit")
        .order_by("org_unit__path", "job_series", "grade")
    )


def staffing_quota_get(*, user, pk: int) -> StaffingQuota:
    require(access_office_figures_view(user))
    quota = StaffingQuota.objects.select_related("org_unit").filter(pk=pk).first()
    if quota is None:
        raise NotFound("인력 정원·현원 행을 찾을 수 없습니다.")
    return quota


BUDGET_LINE_COLUMNS = [
    Column("year", "연도", "int"),
    Column("code", "코드"),
    Column("unit", "부서 코드"),
    Column("unit_name", "부서", editable=False, required=False),
    Column("name", "사업명"),
    Column("source", "재원"),
    Column("retired_on", "폐지일", "date", required=False),
]
BUDGET_LINE_SHEET_TITLE = "예산 사업"

STAFFING_QUOTA_COLUMNS = [
    Column("as_of", "기준일", "date"),
    Column("unit", "부서 코드"),
    Column("unit_name", "부서", editable=False, required=False),
    Column("job_series", "직종"),
    Column("grade", "직급", required=False),
    Column("authorized", "정원", "int", required=False),
    Column("current", "현원", "int"),
    Column("retired_on", "폐지일", "date", required=False),
]
STAFFING_QUOTA_SHEET_TITLE = "인력 정원·현원"


def budget_line_sheet(*, user, year: int, unit_path: str | None = None) -> bytes:
    """The year's budget lines, ready to edit and upload again (finance.services.budget_line_import)."""
    rows = [
        {
            "year": line.year,
            "code": line.code,
            "unit": line.org_unit.code,
            "unit_name": line.org_unit.name,
            "name": line.name,
            "source": line.get_source_display(),
            "retired_on": line.retired_on,
        }
        for line in budget_line_list(user=user, year=year, unit_path=unit_path)
    ]
    note = (
        "재원: 시비·국비·구비·재원 미구분. 새 행은 새 예산 사업, 같은 코드는 고칠 행입니다. 폐지일을 쓰면 폐지합니다."
    )
    return xlsx_table(title=BUDGET_LINE_SHEET_TITLE, columns=BUDGET_LINE_COLUMNS, rows=rows, note=note)


def staffing_quota_sheet(*, user, as_of: date) -> bytes:
    """The as-of table in force on the day, ready to edit and upload again (services.staffing_quota_import)."""
    rows = [
        {
            "as_of": quota.as_of,
            "unit": quota.org_unit.code,
            "unit_name": quota.org_unit.name,
            "job_series": quota.get_job_series_display(),
            "grade": quota.get_grade_display() if quota.grade else "",
            "authorized": quota.authorized,
            "current": quota.current,
            "retired_on": quota.retired_on,
        }
        for quota in staffing_quota_list(user=user, as_of=as_of)
    ]
    note = "직종: 일반직·임기제·관리운영직·공무직(정원 비움). 직급은 일반직만: 3급 이상·4급·5급·6급·7급 이하."
    return xlsx_table(title=STAFFING_QUOTA_SHEET_TITLE, columns=STAFFING_QUOTA_COLUMNS, rows=rows, note=note)


def budget_line_units(*, user) -> QuerySet[OrgUnit]:
    """The units a budget line may sit under that this user keeps (the form's choices; the service checks again):
    active divisions and teams, a division staff member's own division's only."""
    require(access_office_figures_view(user))
    units = OrgUnit.objects.filter(kind__in=("division", "team"), is_active=True).order_by("path")
    unit_path = figures_unit_path(user)
    return units.filter(path__startswith=unit_path) if unit_path else units


def staffing_units(*, user) -> QuerySet[OrgUnit]:
    """The units a staffing cell may sit under (the form's choices): the active office, divisions and teams."""
    require(access_office_figures_view(user))
    return OrgUnit.objects.filter(kind__in=("office", "division", "team"), is_active=True).order_by("path")


def budget_line_dependants(*, user, line: BudgetLine) -> dict[str, int]:
    """What depends on a line, for its page to say before it is changed: its execution snapshots and movements, and
    the programmes linked to it (plan's links, read through the reverse relation)."""
    require(access_office_figures_view(user))
    return {
        "snapshots": line.snapshots.count(),
        "movements": line.movements.count(),
        "programmes": line.programmes.count(),
    }
