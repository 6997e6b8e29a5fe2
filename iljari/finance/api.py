"""finance API: staffing and budget execution (read), monthly budget execution figures (write), and the definitions:
budget lines (list, create, edit, retire, delete a mistaken one), staffing cells (list, create, edit, retire)."""

from datetime import date

from ninja import Field, Query, Router, Schema, Status

from iljari.core.access import figures_unit_path
from iljari.core.errors import NotFound, field_error
from iljari.core.figures import CODE_LENGTH, OFFICE_DATE, SIGNED_MONEY, YEAR, CodePath, IdPath, ShownInt, shown
from iljari.core.period import default_period
from iljari.finance import selectors, services
from iljari.finance.models import BudgetLine
from iljari.org.models import OrgUnit

router = Router(tags=["인력·예산"])


class Period(Schema):
    year: YEAR.schema() | None = None
    as_of: OFFICE_DATE.schema() | None = None


class StaffingRowOut(Schema):
    unit: str | None
    authorized: int
    current: int
    shortfall: int
    cells: dict[str, list[int]]


class StaffingOut(Schema):
    as_of: date
    public_service_workers: int
    rows: list[StaffingRowOut]


class ExecutionRowOut(Schema):
    unit: str | None
    current_budget: ShownInt
    committed: ShownInt
    spent: ShownInt
    execution_rate: shown(float) | None


class BudgetOut(Schema):
    year: int
    as_of: date
    rows: list[ExecutionRowOut]


class SnapshotIn(Schema):
    """Amounts within a bigint (SIGNED_MONEY); the service refuses a negative one with its own message."""

    line: str = Field(..., max_length=CODE_LENGTH, description="예산 사업 코드")
    year: YEAR.schema()
    as_of: OFFICE_DATE.schema()
    current_budget: SIGNED_MONEY.schema() = Field(..., description="예산현액(원)")
    committed: SIGNED_MONEY.schema() = Field(..., description="원인행위액(원)")
    spent: SIGNED_MONEY.schema() = Field(..., description="지출액(원)")


class SnapshotOut(Schema):
    line: str = Field(..., alias="line.code")
    as_of: date
    current_budget: int
    committed: int
    spent: int


def _period(period: Period) -> tuple[int, date]:
    year, as_of = default_period(year=period.year)
    return year, period.as_of or as_of


@router.get("/staffing", response=StaffingOut, summary="인력 정원·현원")
def staffing(request, period: Query[Period]):
    _, as_of = _period(period)
    dates = selectors.staffing_dates()
    if period.as_of is None and dates:
        as_of = dates[-1]  # the newest staffing unless a date is asked for
    table = selectors.staffing_table(user=request.auth, as_of=as_of)
    if table is None:
        raise NotFound("이 기준일까지 입력된 인력 자료가 없습니다.")
    rows = [
        {
            "unit": row.unit.code if row.unit else None,
            "authorized": row.authorized,
            "current": row.current,
            "shortfall": row.shortfall,
            "cells": {f"{s}:{g}" if g else s: list(v) for (s, g), v in row.cells.items()},
        }
        for row in [table.total, *table.rows]
    ]
    return {"as_of": table.as_of, "public_service_workers": table.public_service_workers, "rows": rows}


@router.get("/budget", response=BudgetOut, summary="예산 집행 현황")
def budget(request, period: Query[Period]):
    year, as_of = _period(period)
    execution = selectors.budget_execution(
        user=request.auth, year=year, as_of=as_of, unit_path=figures_unit_path(request.auth)
    )
    rows = [
        {
            "unit": row.unit.code if row.unit else None,
            "current_budget": row.current_budget,
            "committed": row.committed,
            "spent": row.spent,
            "execution_rate": None if row.execution_rate is None else float(row.execution_rate),
        }
        for row in [execution.total, *execution.rows]
    ]
    return {"year": year, "as_of": as_of, "rows": rows}


@router.post("/budget/snapshots", response={201: SnapshotOut}, summary="월별 예산 집행 실적 입력")
def snapshot_record(request, payload: SnapshotIn):
    line = BudgetLine.objects.select_related("org_unit").filter(year=payload.year, code=payload.line).first()
    if line is None:
        raise NotFound("예산 사업을 찾을 수 없습니다.")
    snapshot = services.budget_snapshot_record(
        actor=request.auth,
        line=line,
        as_of=payload.as_of,
        current_budget=payload.current_budget,
        committed=payload.committed,
        spent=payload.spent,
    )
    return Status(201, snapshot)


# --- definitions: budget lines and staffing quotas ------------------------------------------------------------


class BudgetLineIn(Schema):
    """The service checks the rules (a division or team, a code unique in the year, a known source) in Korean."""

    org_unit: str | None = Field(None, max_length=CODE_LENGTH, description="부서 코드(담당관·팀)")
    code: str = Field(..., max_length=CODE_LENGTH, description="세부사업 코드")
    name: str = Field(..., max_length=300, description="사업명")
    source: str = Field(
        ..., max_length=CODE_LENGTH, description="재원: city(시비), national(국비), district(구비), unspecified"
    )


class BudgetLineCreateIn(BudgetLineIn):
    year: YEAR.schema()


class BudgetLineOut(Schema):
    id: int
    year: int
    code: str
    name: str
    source: str
    source_label: str = Field(..., alias="get_source_display")
    org_unit: str = Field(..., alias="org_unit.code")
    retired_on: date | None


class FinanceRetireIn(Schema):
    retired_on: OFFICE_DATE.schema() | None = Field(None, description="폐지일(null: 다시 씀)")


class LinesQuery(Schema):
    year: YEAR.schema() | None = None


def _unit(code: str | None):
    if code is None:
        return None
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise field_error("org_unit", f"없는 부서 코드입니다({code}).")
    return unit


@router.get("/budget/lines", response=list[BudgetLineOut], summary="예산 사업 목록")
def budget_lines(request, query: Query[LinesQuery]):
    year, _ = default_period(year=query.year)
    return list(selectors.budget_line_list(user=request.auth, year=year, unit_path=figures_unit_path(request.auth)))


@router.post("/budget/lines", response={201: BudgetLineOut}, summary="예산 사업 등록")
def budget_line_create(request, payload: BudgetLineCreateIn):
    line = services.budget_line_create(
        actor=request.auth,
        year=payload.year,
        org_unit=_unit(payload.org_unit),
        code=payload.code,
        name=payload.name,
        source=payload.source,
    )
    return Status(201, line)


@router.put("/budget/lines/{year}/{code}", response=BudgetLineOut, summary="예산 사업 고치기")
def budget_line_update(request, year: YEAR.schema(), code: CodePath, payload: BudgetLineIn):
    line = selectors.budget_line_get(user=request.auth, year=year, code=code)
    return services.budget_line_update(
        actor=request.auth,
        line=line,
        org_unit=_unit(payload.org_unit),
        code=payload.code,
        name=payload.name,
        source=payload.source,
    )


@router.post("/budget/lines/{year}/{code}/retire", response=BudgetLineOut, summary="예산 사업 폐지(또는 다시 씀)")
def budget_line_retire(request, year: YEAR.schema(), code: CodePath, payload: FinanceRetireIn):
    line = selectors.budget_line_get(user=request.auth, year=year, code=code)
    return services.budget_line_retire(actor=request.auth, line=line, on=payload.retired_on)


@router.delete("/budget/lines/{year}/{code}", response={204: None}, summary="잘못 등록한 예산 사업 지우기")
def budget_line_delete(request, year: YEAR.schema(), code: CodePath):
    line = selectors.budget_line_get(user=request.auth, year=year, code=code)
    services.budget_line_delete(actor=request.auth, line=line)
    return Status(204, None)


class QuotaCountsIn(Schema):
    authorized: int | None = Field(None, ge=-1_000_000, le=1_000_000, description="정원(공무직은 null)")
    current: int = Field(..., ge=-1_000_000, le=1_000_000, description="현원")


class QuotaIn(QuotaCountsIn):
    org_unit: str = Field(..., max_length=CODE_LENGTH, description="부서 코드")
    as_of: OFFICE_DATE.schema()
    job_series: str = Field(
        ..., max_length=CODE_LENGTH, description="general, fixed_term, operations, public_service_worker"
    )
    grade: str = Field(
        "", max_length=CODE_LENGTH, description="일반직만: grade3_up, grade4, grade5, grade6, grade7_down"
    )


class StaffingQuotaOut(Schema):
    id: int
    org_unit: str = Field(..., alias="org_unit.code")
    as_of: date
    job_series: str
    grade: str
    authorized: int | None
    current: int
    retired_on: date | None


class QuotasQuery(Schema):
    as_of: OFFICE_DATE.schema() | None = None


@router.get("/staffing/quotas", response=list[StaffingQuotaOut], summary="인력 정원·현원 행(기준일 표)")
def staffing_quotas(request, query: Query[QuotasQuery]):
    dates = selectors.staffing_dates()
    as_of = query.as_of or (dates[-1] if dates else date.today())
    return selectors.staffing_quota_list(user=request.auth, as_of=as_of)


@router.post("/staffing/quotas", response={201: StaffingQuotaOut}, summary="인력 정원·현원 행 등록")
def staffing_quota_create(request, payload: QuotaIn):
    quota = services.staffing_quota_create(
        actor=request.auth,
        org_unit=_unit(payload.org_unit),
        as_of=payload.as_of,
        job_series=payload.job_series,
        grade=payload.grade,
        authorized=payload.authorized,
        current=payload.current,
    )
    return Status(201, quota)


@router.put("/staffing/quotas/{quota_id}", response=StaffingQuotaOut, summary="정원·현원 고치기")
def staffing_quota_update(request, quota_id: IdPath, payload: QuotaCountsIn):
    quota = selectors.staffing_quota_get(user=request.auth, pk=quota_id)
    return services.staffing_quota_update(
        actor=request.auth, quota=quota, authorized=payload.authorized, current=payload.current
    )


@router.post(
    "/staffing/quotas/{quota_id}/retire", response=StaffingQuotaOut, summary="인력 정원·현원 행 폐지(또는 다시 씀)"
)
def staffing_quota_retire(request, quota_id: IdPath, payload: FinanceRetireIn):
    quota = selectors.staffing_quota_get(user=request.auth, pk=quota_id)
    return services.staffing_quota_retire(actor=request.auth, quota=quota, on=payload.retired_on)
