"""finance API: staffing and budget execution (read), monthly budget execution figures (write)."""

from datetime import date

from ninja import Field, Query, Router, Schema, Status

from iljari.core.access import figures_unit_path
from iljari.core.errors import NotFound
from iljari.core.figures import CODE_LENGTH, OFFICE_DATE, SIGNED_MONEY, YEAR, ShownInt, shown
from iljari.core.period import default_period
from iljari.finance import selectors, services
from iljari.finance.models import BudgetLine

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
