"""performance selectors of the definitions the office keeps itself (the contract is in the package)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q

from iljari.core.access import access_office_figures_view, require
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.figures import COUNT, MONEY, QUANTITY, YEAR
from iljari.core.models import MonthLock
from iljari.core.xlsx import Column, xlsx_table
from iljari.performance.formulas import formula_preview, formula_problems
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobTarget,
    ValidationRule,
)


def indicator_value_list(*, user, indicator: Indicator) -> list[IndicatorValue]:
    require(access_office_figures_view(user))
    return list(indicator.values.order_by("year", "kind", "as_of"))


def locked_month_of(days) -> date | None:
    locked = set(MonthLock.objects.filter(is_locked=True).values_list("year", "month"))
    if not locked:
        return None
    return next((day for day in sorted(set(days)) if (day.year, day.month) in locked), None)


@dataclass
class IndicatorUses:
    years: list[int]
    values: int
    formulas: list[Indicator]
    rules: list[ValidationRule]
    locked_from: date | None


def indicator_uses(*, user, indicator: Indicator) -> IndicatorUses:
    require(access_office_figures_view(user))
    rows = list(IndicatorValue.objects.filter(indicator=indicator).values_list("year", "as_of"))
    named = f"[{indicator.code}"
    rules = list(
        ValidationRule.objects.filter(
            Q(left_series__contains=named) | Q(right_series__contains=named) | Q(whole_series__contains=named)
        )
    )
    return IndicatorUses(
        years=sorted({year for year, _ in rows}),
        values=len(rows),
        formulas=list(Indicator.objects.filter(Q(numerator=indicator) | Q(denominator=indicator))),
        rules=rules,
        locked_from=locked_month_of(day for _, day in rows),
    )


def job_target_locked_from(*, user, job_target: JobTarget) -> date | None:
    require(access_office_figures_view(user))
    return locked_month_of(job_target.achievements.values_list("as_of", flat=True))


def job_target_list(*, user, year: int) -> list[JobTarget]:
    require(access_office_figures_view(user))
    return list(JobTarget.objects.filter(year=year).select_related("programme", "division").order_by("order", "pk"))


def job_target_get(*, user, pk: int) -> JobTarget:
    require(access_office_figures_view(user))
    target = JobTarget.objects.select_related("programme", "division").filter(pk=pk).first()
    if target is None:
        raise NotFound("일자리 목표를 찾을 수 없습니다.")
    return target


def validation_rule_get(*, user, code: str) -> ValidationRule:
    require(access_office_figures_view(user))
    rule = ValidationRule.objects.filter(code=code).first()
    if rule is None:
        raise NotFound("검증 규칙을 찾을 수 없습니다.")
    return rule


def validation_rule_preview(
    *, user, left: str, right: str, operator: str, tolerance, missing_values: str, year: int, as_of: date
):
    """formula_preview for a user who reads the office's figures; ValidationFailed (Korean, on the side's field)
    for a side that does not read, names an unknown series or divides by one that can be zero."""
    require(access_office_figures_view(user))
    errors = {
        side: problems
        for side, text in (("left_series", left), ("right_series", right))
        if (problems := formula_problems(text, year=year, as_of=as_of))
    }
    if errors:
        raise ValidationFailed(field_errors=errors)
    return formula_preview(
        left=left,
        right=right,
        operator=operator,
        tolerance=tolerance,
        missing_values=missing_values,
        year=year,
        as_of=as_of,
    )


DEFINITION_COLUMNS = [
    Column("code", "코드"),
    Column("name", "지표명"),
    Column("unit", "단위"),
    Column("field_label", "분야명", required=False),
    Column("division", "담당부서코드", required=False),
    Column("cumulative", "누계(예/아니오)"),
    Column("order", "순서", "int", figure=COUNT),
    Column("formula", "계산식", editable=False, required=False),
    Column("year", "연도", "int", figure=YEAR),
    Column("target", "목표", "decimal", required=False, figure=QUANTITY),  # blank: no target written
    Column("as_of", "목표 기준일", "date", required=False),
]

JOB_TARGET_COLUMNS = [
    Column("year", "연도", "int", figure=YEAR),
    Column("target_group", "사업대상", required=False),
    Column("kind", "구분", required=False),
    Column("programme", "주요업무코드", required=False),
    Column("programme_names", "사업명", required=False),
    Column("target", "목표(개)", "int", required=False, figure=COUNT),
    Column("budget", "예산(원)", "int", required=False, figure=MONEY),
    Column("division", "실적관리부서코드", required=False),
    Column("order", "순서", "int", figure=COUNT),
    Column("retired", "폐지", editable=False, required=False),
]


def indicator_definition_sheet(*, user, years: list[int]) -> bytes:
    """One row per indicator in use × year: its definition and the year's latest target (blank where none)."""
    require(access_office_figures_view(user))
    targets: dict[tuple[int, int], tuple[date, Decimal]] = {}
    for indicator_id, year, value, day in IndicatorValue.objects.filter(
        year__in=years, kind=IndicatorValue.Kind.TARGET
    ).values_list("indicator_id", "year", "value", "as_of"):
        if (indicator_id, year) not in targets or day > targets[(indicator_id, year)][0]:
            targets[(indicator_id, year)] = (day, value)
    rows = []
    indicators = Indicator.objects.filter(retired_on__isnull=True).select_related(
        "division", "numerator", "denominator"
    )
    for indicator in indicators:
        for year in years:
            day, value = targets.get((indicator.pk, year), (None, None))
            rows.append(
                {
                    "code": indicator.code,
                    "name": indicator.name,
                    "unit": indicator.unit,
                    "field_label": indicator.field_label,
                    "division": indicator.division.code if indicator.division else "",
                    "cumulative": "예" if indicator.cumulative else "아니오",
                    "order": indicator.order,
                    "formula": (
                        f"{indicator.numerator.code} ÷ {indicator.denominator.code} × {indicator.factor.normalize()}"
                        if indicator.is_formula
                        else ""
                    ),
                    "year": year,
                    "target": value,
                    "as_of": day,
                }
            )
    return xlsx_table(
        title="정책지표 목표",
        columns=DEFINITION_COLUMNS,
        rows=rows,
        note=(
            "지표 × 연도마다 한 행. 새 코드의 행은 새 지표가 됩니다. 목표가 빈 행은 정의만 읽습니다."
            " 회색 열은 참고용입니다."
        ),
    )


def job_target_sheet(*, user, year: int) -> bytes:
    rows = [
        {
            "year": year,
            "target_group": target.get_target_group_display() if target.target_group else "",
            "kind": target.get_kind_display() if target.kind else "",
            "programme": target.programme.code if target.programme else "",
            "programme_names": target.programme_names,
            "target": target.target,
            "budget": target.budget,
            "division": target.division.code if target.division else "",
            "order": target.order,
            "retired": target.retired_on.isoformat() if target.retired_on else "",
        }
        for target in job_target_list(user=user, year=year)
    ]
    return xlsx_table(
        title="일자리 목표",
        columns=JOB_TARGET_COLUMNS,
        rows=rows,
        note="사업대상·구분·주요업무가 같은 행은 고치고, 새 조합은 새 목표가 됩니다. 양식에 없는 목표는 그대로 둡니다.",
    )
