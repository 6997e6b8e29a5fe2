"""performance API: indicators, job targets, validation results (read); indicator values and job
achievements (write)."""

from datetime import date

from ninja import Field, Query, Router, Schema, Status

from iljari.core.access import figures_unit_path
from iljari.core.errors import NotFound
from iljari.core.figures import COUNT, OFFICE_DATE, QUANTITY, YEAR, ShownDecimal, ShownInt
from iljari.core.period import default_period
from iljari.performance import selectors, services, wording
from iljari.performance.models import Indicator, IndicatorValue, JobTarget

router = Router(tags=["성과"])


class Period(Schema):
    year: YEAR.schema() | None = None
    as_of: OFFICE_DATE.schema() | None = None


class IndicatorYearOut(Schema):
    year: int
    target: ShownDecimal | None
    actual: ShownDecimal | None
    achievement_rate: ShownDecimal | None


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    field: str
    cumulative: bool
    years: list[IndicatorYearOut]


class JobRowOut(Schema):
    key: str
    label: str
    target: ShownInt | None
    achieved: ShownInt | None
    achievement_rate: ShownDecimal | None
    budget: ShownInt | None
    implied_range: list[ShownInt] | None


class JobsOut(Schema):
    year: int
    as_of: date
    total_target: ShownInt | None
    total_achieved: ShownInt | None
    total_rate: ShownDecimal | None
    groups: list[JobRowOut]
    kinds: list[JobRowOut]


class ResultOut(Schema):
    rule: str = Field(..., description="규칙 코드")
    name: str = Field(..., description="규칙명")
    rule_text: str = Field(..., description="규칙을 한국어 문장으로")
    importance: str
    importance_label: str
    subject: str = Field(..., description="대상 코드(빈 문자열: 계)")
    subject_label: str = Field(..., description="대상 이름(부서명, 사업대상, 지표명, 주요업무명, 계)")
    left_value: ShownDecimal | None = Field(..., description="왼쪽 값(기본 단위: 원, 개, 명, 비율)")
    right_value: ShownDecimal | None
    unit: str = Field(..., description="보고서가 쓰는 단위(%, 백만원, 억원, 천개, 명 …)")
    left: str = Field(..., description="왼쪽 값을 보고서 형식으로(53.0%, 1,157백만원)")
    right: str
    outcome: str
    outcome_label: str
    explanation: str


class ValidationQuery(Period):
    violations: bool = Field(False, description="위반만 보기")


class IndicatorValueIn(Schema):
    indicator: str = Field(..., max_length=32)
    year: YEAR.schema()
    kind: IndicatorValue.Kind
    as_of: OFFICE_DATE.schema()
    value: QUANTITY.schema()


class IndicatorValueOut(Schema):
    indicator: str = Field(..., alias="indicator.code")
    year: int
    kind: str
    as_of: date
    value: ShownDecimal


class AchievementIn(Schema):
    year: YEAR.schema()
    key: str = Field(..., max_length=16, description="사업대상(youth, women, …) 또는 직접·간접(direct, indirect)")
    as_of: OFFICE_DATE.schema()
    achieved: COUNT.schema()


class AchievementOut(Schema):
    key: str
    as_of: date
    achieved: ShownInt


def _period(period: Period) -> tuple[int, date]:
    year, as_of = default_period(year=period.year)
    return year, period.as_of or as_of


@router.get("/indicators", response=list[IndicatorOut], summary="정책지표")
def indicators(request, period: Query[Period]):
    year, as_of = _period(period)
    years = list(range(year - 2, year + 3))
    rows = selectors.indicator_table(
        user=request.auth, years=years, as_of=as_of, unit_path=figures_unit_path(request.auth)
    )
    return [
        {
            "code": r.indicator.code,
            "name": r.indicator.name,
            "unit": r.indicator.unit,
            "field": r.indicator.field_label,
            "cumulative": r.indicator.cumulative,
            "years": [
                {"year": y, "target": c.target, "actual": c.actual, "achievement_rate": c.achievement_rate}
                for y, c in r.cells.items()
            ],
        }
        for r in rows
    ]


def _job(row) -> dict:
    return {
        "key": row.target.target_group or row.target.kind,
        "label": row.label,
        "target": row.target.target,
        "achieved": row.achieved,
        "achievement_rate": row.achievement_rate,
        "budget": row.target.budget,
        "implied_range": list(row.implied_range) if row.implied_range else None,
    }


@router.get("/jobs", response=JobsOut, summary="일자리 목표와 실적")
def jobs(request, period: Query[Period]):
    year, as_of = _period(period)
    table = selectors.job_target_table(user=request.auth, year=year, as_of=as_of)
    return {
        "year": year,
        "as_of": as_of,
        "total_target": table.total_target,
        "total_achieved": table.total_achieved,
        "total_rate": table.total_rate,
        "groups": [_job(r) for r in table.groups],
        "kinds": [_job(r) for r in table.kinds],
    }


@router.get("/validation", response=list[ResultOut], summary="검증 결과(위반 먼저)")
def validation(request, query: Query[ValidationQuery]):
    year, _ = default_period(year=query.year)
    results = selectors.validation_result_list(user=request.auth, year=year, failed_only=query.violations)
    labels = wording.Labels.load()
    rows = []
    for result in results:
        text = wording.result_text(result, labels)
        rows.append(
            {
                "rule": text.code,
                "name": text.rule,
                "rule_text": text.sentence,
                "importance": result.rule.importance,
                "importance_label": text.importance,
                "subject": result.subject,
                "subject_label": text.subject,
                "left_value": result.left_value,
                "right_value": result.right_value,
                "unit": result.unit,
                "left": text.left,
                "right": text.right,
                "outcome": result.outcome,
                "outcome_label": text.outcome_label,
                "explanation": text.explanation,
            }
        )
    return rows


@router.post("/indicators/values", response={201: IndicatorValueOut}, summary="정책지표 목표·실적 입력")
def indicator_value(request, payload: IndicatorValueIn):
    indicator = Indicator.objects.select_related("division").filter(code=payload.indicator).first()
    if indicator is None:
        raise NotFound("정책지표를 찾을 수 없습니다.")
    record = services.indicator_value_record(
        actor=request.auth,
        indicator=indicator,
        year=payload.year,
        kind=str(payload.kind.value),
        value=payload.value,
        as_of=payload.as_of,
    )
    return Status(201, record)


@router.post("/jobs/achievements", response={201: AchievementOut}, summary="일자리 실적 입력")
def job_achievement(request, payload: AchievementIn):
    targets = JobTarget.objects.select_related("division").filter(year=payload.year, programme__isnull=True)
    target = next((t for t in targets if (t.target_group or t.kind) == payload.key), None)
    if target is None:
        raise NotFound("일자리 목표를 찾을 수 없습니다.")
    record = services.job_achievement_record(
        actor=request.auth, job_target=target, achieved=payload.achieved, as_of=payload.as_of
    )
    return Status(201, {"key": payload.key, "as_of": record.as_of, "achieved": record.achieved})
