"""The API of opening a year (core.years): GET the preview, POST the opening. Office manager only."""

from ninja import Field, Query, Router, Schema, Status

from iljari.core.figures import YEAR
from iljari.core.years import year_open, year_preview

router = Router(tags=["새 연도 준비"])


class YearsIn(Schema):
    from_year: YEAR.schema() = Field(..., description="가져올 연도")


class PartOut(Schema):
    step: str
    label: str
    create: list[str]
    existing: list[str]
    note: str
    informational: bool


class YearPreviewOut(Schema):
    from_year: int
    to_year: int
    to_create: int
    parts: list[PartOut]


class CreatedOut(Schema):
    label: str
    count: int


class OpeningOut(Schema):
    from_year: int
    to_year: int
    total: int
    created: list[CreatedOut]
    batch_id: int | None


@router.get("/{to_year}/preview", response=YearPreviewOut, summary="새 연도 준비 미리 보기")
def preview(request, to_year: YEAR.schema(), query: Query[YearsIn]):
    found = year_preview(user=request.auth, from_year=query.from_year, to_year=to_year)
    parts = [{"step": step.name, **part._asdict()} for step, step_parts in found.steps for part in step_parts]
    return {"from_year": found.from_year, "to_year": found.to_year, "to_create": found.to_create, "parts": parts}


@router.post("/{to_year}/open", response={201: OpeningOut}, summary="새 연도 준비")
def open_year(request, to_year: YEAR.schema(), payload: YearsIn):
    opening = year_open(actor=request.auth, to_year=to_year, from_year=payload.from_year)
    return Status(
        201,
        {
            "from_year": opening.from_year,
            "to_year": opening.to_year,
            "total": opening.total,
            "created": [{"label": label, "count": count} for label, count in opening.created],
            "batch_id": opening.batch_id,
        },
    )
