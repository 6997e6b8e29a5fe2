"""performance API: indicators, job targets, validation results, the report's counts beside the records (read);
indicator values and job achievements (write); the definitions — indicators, job targets, formula rules —
created, edited and retired."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from ninja import Field, Query, Router, Schema, Status
from pydantic import WithJsonSchema

from iljari.core.access import figures_unit_path
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.figures import (
    COUNT,
    MONEY,
    OFFICE_DATE,
    QUANTITY,
    ROW_ID,
    YEAR,
    CodePath,
    ShownDecimal,
    ShownInt,
)
from iljari.core.period import default_period
from iljari.org.selectors import org_unit_get
from iljari.performance import selectors, services, wording
from iljari.performance.models import Indicator, IndicatorValue, JobKind, JobTarget, TargetGroup, ValidationRule
from iljari.plan.selectors import plan_get, programme_list

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


class RecordFigureQuery(Period):
    programme: str | None = Field(None, max_length=16, description="주요업무 코드(P1-02 등)")
    mismatches: bool = Field(False, description="불일치만 보기")


class RecordFigureOut(Schema):
    programme: str
    programme_title: str
    key: str
    label: str
    unit: str
    value: ShownDecimal | None
    printed: ShownDecimal | None
    status: str
    status_label: str
    url: str


@router.get("/record-figures", response=list[RecordFigureOut], summary="보고서 수치와 기록(기록에서 센 값과 인쇄값)")
def record_figures(request, query: Query[RecordFigureQuery]):
    if query.year is None and query.as_of is not None:
        query.year = query.as_of.year
    year, as_of = _period(query)
    table = selectors.record_figure_table(
        user=request.auth, year=year, as_of=as_of, programme=query.programme, mismatches_only=query.mismatches
    )
    return [
        {
            "programme": group.code,
            "programme_title": group.title,
            "key": row.figure.key,
            "label": row.figure.label,
            "unit": row.figure.unit,
            "value": row.value,
            "printed": row.printed,
            "status": row.status,
            "status_label": row.status_label,
            "url": row.url,
        }
        for group in table.groups
        for row in group.rows
    ]


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


# --- definitions: indicators, job targets, formula rules -------------------------------------------------------


class IndicatorDefinitionIn(Schema):
    code: str = Field(..., max_length=32, description="영문 대문자·숫자·하이픈(예: IND-11)")
    name: str = Field(..., max_length=200)
    unit: str = Field(..., max_length=20)
    field_label: str = Field("", max_length=60, description="분야명")
    objective_year: YEAR.schema() | None = Field(None, description="추진목표의 연도")
    objective_number: int | None = Field(None, ge=1, le=99, description="추진목표 번호")
    division: str | None = Field(None, max_length=32, description="담당 부서 코드")
    cumulative: bool = False
    order: int = Field(0, ge=0, le=32767)
    numerator: str | None = Field(None, max_length=32, description="계산 지표: 분자 지표 코드")
    denominator: str | None = Field(None, max_length=32, description="계산 지표: 분모 지표 코드")
    factor: Annotated[
        Decimal,
        Field(gt=0, lt=Decimal(10) ** 8, allow_inf_nan=False, description="배수"),
        WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10**8}),
    ] = Decimal(1)


class IndicatorDefinitionPatch(Schema):
    name: str | None = Field(None, max_length=200)
    unit: str | None = Field(None, max_length=20)
    field_label: str | None = Field(None, max_length=60)
    objective_year: YEAR.schema() | None = None
    objective_number: int | None = Field(None, ge=1, le=99)
    division: str | None = Field(None, max_length=32)
    cumulative: bool | None = None
    order: int | None = Field(None, ge=0, le=32767)
    numerator: str | None = Field(None, max_length=32)
    denominator: str | None = Field(None, max_length=32)
    factor: Annotated[
        Decimal | None,
        Field(gt=0, lt=Decimal(10) ** 8, allow_inf_nan=False),
        WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10**8}),
    ] = None


class IndicatorDefinitionOut(Schema):
    code: str
    name: str
    unit: str
    field_label: str
    division: str | None
    cumulative: bool
    order: int
    numerator: str | None
    denominator: str | None
    factor: ShownDecimal
    retired_on: date | None

    @staticmethod
    def resolve_division(obj):
        return obj.division.code if obj.division else None

    @staticmethod
    def resolve_numerator(obj):
        return obj.numerator.code if obj.numerator else None

    @staticmethod
    def resolve_denominator(obj):
        return obj.denominator.code if obj.denominator else None


class IndicatorRetireIn(Schema):
    on: OFFICE_DATE.schema() | None = Field(None, description="폐지일(비우면 오늘)")


def _indicator_values(request, values: dict) -> dict:
    """The API's codes turned into the rows the service takes; a field error for an unknown code."""
    errors: dict[str, list[str]] = {}
    year, number = values.pop("objective_year", None), values.pop("objective_number", None)
    if year is not None or number is not None:
        vision = plan_get(user=request.auth, year=year) if year is not None else None
        objective = next((o for o in vision.objectives.all() if o.number == number), None) if vision else None
        if objective is None:
            errors["objective_number"] = ["그 연도에 없는 추진목표입니다."]
        values["objective"] = objective
    if "division" in values:
        values["division"] = _division(request, values["division"], errors)
    for side in ("numerator", "denominator"):
        if side in values and values[side] is not None:
            found = Indicator.objects.filter(code=values[side]).first()
            if found is None:
                errors[side] = [f"없는 지표 코드입니다({values[side]})."]
            values[side] = found
    if errors:
        raise ValidationFailed(field_errors=errors)
    return values


def _division(request, code: str | None, errors: dict):
    if not code:
        return None
    try:
        unit = org_unit_get(user=request.auth, code=code)
    except NotFound:
        unit = None
    if unit is None or unit.kind != unit.Kind.DIVISION:
        errors["division"] = [f"없는 담당관 코드입니다({code})."]
    return unit


@router.post("/indicators", response={201: IndicatorDefinitionOut}, summary="정책지표 만들기(총괄)")
def indicator_create(request, payload: IndicatorDefinitionIn):
    values = _indicator_values(request, payload.dict())
    return Status(201, services.indicator_create(actor=request.auth, **values))


@router.patch("/indicators/{code}", response=IndicatorDefinitionOut, summary="정책지표 고치기(총괄)")
def indicator_update(request, code: CodePath, payload: IndicatorDefinitionPatch):
    indicator = selectors.indicator_get(user=request.auth, code=code)
    values = _indicator_values(request, payload.dict(exclude_unset=True))
    return services.indicator_update(actor=request.auth, indicator=indicator, **values)


@router.post("/indicators/{code}/retire", response=IndicatorDefinitionOut, summary="정책지표 폐지(총괄)")
def indicator_retire(request, code: CodePath, payload: IndicatorRetireIn):
    indicator = selectors.indicator_get(user=request.auth, code=code)
    return services.indicator_retire(actor=request.auth, indicator=indicator, on=payload.on)


class JobTargetIn(Schema):
    year: YEAR.schema()
    target_group: TargetGroup | None = Field(None, description="사업대상")
    kind: JobKind | None = Field(None, description="직접·간접")
    programme: str | None = Field(None, max_length=32, description="주요업무 코드(그 연도의)")
    programme_names: str = Field("", max_length=300)
    target: COUNT.schema() | None = None
    budget: MONEY.schema() | None = Field(None, description="예산(원)")
    division: str | None = Field(None, max_length=32, description="실적 관리 부서 코드")
    order: int = Field(0, ge=0, le=32767)


class JobTargetPatch(Schema):
    target_group: TargetGroup | None = None
    kind: JobKind | None = None
    programme: str | None = Field(None, max_length=32)
    programme_names: str | None = Field(None, max_length=300)
    target: COUNT.schema() | None = None
    budget: MONEY.schema() | None = None
    division: str | None = Field(None, max_length=32)
    order: int | None = Field(None, ge=0, le=32767)


class JobTargetOut(Schema):
    id: int
    year: int
    target_group: str
    kind: str
    programme: str | None
    programme_names: str
    target: ShownInt | None
    budget: ShownInt | None
    division: str | None
    order: int
    retired_on: date | None

    @staticmethod
    def resolve_programme(obj):
        return obj.programme.code if obj.programme else None

    @staticmethod
    def resolve_division(obj):
        return obj.division.code if obj.division else None


def _job_target_values(request, values: dict, year: int) -> dict:
    errors: dict[str, list[str]] = {}
    for name in ("target_group", "kind"):
        if name in values:
            values[name] = "" if values[name] is None else str(getattr(values[name], "value", values[name]))
    if "division" in values:
        values["division"] = _division(request, values["division"], errors)
    if values.get("programme"):
        code = values["programme"]
        values["programme"] = next((p for p in programme_list(user=request.auth, year=year) if p.code == code), None)
        if values["programme"] is None:
            errors["programme"] = [f"{year}년에 없는 주요업무입니다({code})."]
    elif "programme" in values:
        values["programme"] = None
    if errors:
        raise ValidationFailed(field_errors=errors)
    return values


@router.get("/jobs/targets", response=list[JobTargetOut], summary="일자리 목표 행(한 해)")
def job_target_list(request, period: Query[Period]):
    year, _ = _period(period)
    return selectors.job_target_list(user=request.auth, year=year)


@router.post("/jobs/targets", response={201: JobTargetOut}, summary="일자리 목표 만들기")
def job_target_create(request, payload: JobTargetIn):
    values = payload.dict()
    year = values.pop("year")
    values = _job_target_values(request, values, year)
    return Status(201, services.job_target_create(actor=request.auth, year=year, **values))


@router.patch("/jobs/targets/{target_id}", response=JobTargetOut, summary="일자리 목표 고치기")
def job_target_update(request, target_id: ROW_ID.schema(), payload: JobTargetPatch):
    target = selectors.job_target_get(user=request.auth, pk=target_id)
    values = _job_target_values(request, payload.dict(exclude_unset=True), target.year)
    return services.job_target_update(actor=request.auth, job_target=target, **values)


@router.post("/jobs/targets/{target_id}/retire", response=JobTargetOut, summary="일자리 목표 폐지")
def job_target_retire(request, target_id: ROW_ID.schema(), payload: IndicatorRetireIn):
    target = selectors.job_target_get(user=request.auth, pk=target_id)
    return services.job_target_retire(actor=request.auth, job_target=target, on=payload.on)


class RuleOut(Schema):
    code: str
    name: str
    kind: str
    area: str
    left: str = Field(..., alias="left_series")
    operator: str
    right: str = Field(..., alias="right_series")
    tolerance: ShownDecimal
    importance: str
    missing_values: str
    is_active: bool


class FormulaSides(Schema):
    left: str = Field(..., max_length=300, description="왼쪽 식(계열[대상], figure:키, 수, + − × ÷, 괄호)")
    operator: ValidationRule.Operator
    right: str = Field(..., max_length=300)
    tolerance: Annotated[
        Decimal,
        Field(ge=0, lt=Decimal(10) ** 6, allow_inf_nan=False),
        WithJsonSchema({"type": "number", "minimum": 0, "exclusiveMaximum": 10**6}),
    ] = Decimal(0)
    missing_values: ValidationRule.MissingValues = ValidationRule.MissingValues.SKIP_IF_ANY
    year: YEAR.schema() | None = Field(None, description="미리보기·0 나눗셈 검사의 연도(비우면 최근 자료)")
    as_of: OFFICE_DATE.schema() | None = None


class FormulaRuleIn(FormulaSides):
    code: str = Field(..., max_length=40)
    name: str = Field(..., max_length=200)
    description: str = Field("", max_length=500)
    area: ValidationRule.Area
    importance: ValidationRule.Importance = ValidationRule.Importance.MEDIUM


class TermOut(Schema):
    text: str
    label: str
    value: str


class RulePreviewOut(Schema):
    year: int
    as_of: date
    left_text: str
    right_text: str
    left: str
    right: str
    outcome: str
    outcome_label: str
    explanation: str
    terms: list[TermOut]


def _formula_period(payload: FormulaSides) -> tuple[int, date]:
    return _period(Period(year=payload.year, as_of=payload.as_of))


@router.get("/rules", response=list[RuleOut], summary="검증 규칙")
def rule_list(request):
    return selectors.validation_rule_list(user=request.auth)


@router.post("/rules/preview", response=RulePreviewOut, summary="식 규칙 미리보기(저장하지 않음)")
def rule_preview(request, payload: FormulaSides):
    year, as_of = _formula_period(payload)
    return selectors.validation_rule_preview(
        user=request.auth,
        left=payload.left,
        right=payload.right,
        operator=str(payload.operator.value),
        tolerance=payload.tolerance,
        missing_values=str(payload.missing_values.value),
        year=year,
        as_of=as_of,
    )


@router.post("/rules", response={201: RuleOut}, summary="식으로 검증 규칙 만들기(총괄)")
def rule_create(request, payload: FormulaRuleIn):
    rule = services.validation_rule_create(
        actor=request.auth,
        code=payload.code,
        period=_formula_period(payload),
        kind=ValidationRule.Kind.FORMULA,
        name=payload.name,
        description=payload.description,
        area=str(payload.area.value),
        left_series=payload.left,
        operator=str(payload.operator.value),
        right_series=payload.right,
        tolerance=payload.tolerance,
        importance=str(payload.importance.value),
        missing_values=str(payload.missing_values.value),
    )
    return Status(201, rule)


@router.post("/rules/{code}/retire", response=RuleOut, summary="검증 규칙 폐지(총괄)")
def rule_retire(request, code: CodePath):
    rule = selectors.validation_rule_get(user=request.auth, code=code)
    return services.validation_rule_retire(actor=request.auth, rule=rule)
