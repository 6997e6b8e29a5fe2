"""performance services — indicators, job targets and achievements, reported figures, validation.

Contract:
- indicator_set(*, actor, code, name, unit, objective, field_label, division, cumulative, order) -> Indicator
- indicator_value_record(*, actor, indicator, year, kind, value, as_of) -> IndicatorValue
      monthly figure: actuals dated within their year; refused in a locked month; never negative.
- job_target_set(*, actor, year, target_group="", kind="", programme_names="", target, budget, division, order)
- indicator_actual_derive(*, code, year, value, as_of) -> IndicatorValue | None
      an actual another module counted (공공구매액, 노동옴부즈만 상담건수), recorded by the system; None where the
      office has no indicator of that code
- job_achievement_derive(*, programme, year, target_group, achieved, as_of, kind="direct") -> JobAchievement
      an achievement another module counted (participation's placements), on the programme's own row
- job_achievement_record(*, actor, job_target, as_of, achieved) -> JobAchievement
- reported_figure_set(*, series, subject, year, as_of, value, source) -> ReportedFigure   (system only)
- programme_figure_set(*, actor, year, key, label, value, unit, source_text, source_page, programme=None,
      as_of=None) -> ProgrammeFigure      a figure printed in a programme's text, in its printed unit (office manager)
- validation_rule_set(*, actor, code, **fields) -> ValidationRule          (office manager)
      kind "compare" (a series against a series) or a figure rule over terms (`figure:<key>`, `<series>[<subject>]`,
      joined by + and -): "parts" (left = sum of the right's terms), "rate" (a printed rate = right ÷ whole, within
      the tolerance), "rounded" (a figure printed in 천개/억원 = the right side rounded to that unit)
- validation_run(*, year, as_of) -> ValidationRun                          (stores the results; warns only)
      each result carries the unit to show its values in and a Korean explanation (performance/wording.py)
- job_achievement_import / indicator_value_import(*, actor, year, data) -> int   (xlsx; all rows or nothing)

`actor=None` is the system (demo loader, commands).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from iljari.core.access import access_figures_enter, access_validation_rules_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.figures import COUNT, MONEY, QUANTITY, TARGET_LEAD, YEAR, year_date
from iljari.core.locks import require_month_open
from iljari.core.xlsx import xlsx_rows
from iljari.performance import wording
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobAchievement,
    JobKind,
    JobTarget,
    ProgrammeFigure,
    ReportedFigure,
    TargetGroup,
    ValidationResult,
    ValidationRule,
)
from iljari.performance.selectors import INDICATOR_COLUMNS, JOB_COLUMNS
from iljari.performance.series import (
    FIGURE,
    REPORTED,
    SERIES,
    Term,
    figure_values,
    indicator_units,
    series_unit,
    series_values,
    terms_parse,
)


def indicator_set(
    *,
    actor,
    code: str,
    name: str,
    unit: str,
    objective=None,
    field_label: str = "",
    division=None,
    cumulative: bool = False,
    order: int = 0,
) -> Indicator:
    if actor is not None:
        require(access_validation_rules_manage(actor), "정책지표를 바꿀 권한이 없습니다.")
    with transaction.atomic():
        indicator, _ = Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit": unit,
                "objective": objective,
                "field_label": field_label,
                "division": division,
                "cumulative": cumulative,
                "order": order,
            },
        )
    return indicator


def _decimal(value, field: str, label: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValidationFailed(field_errors={field: [f"{label}은(는) 숫자여야 합니다."]}) from exc
    if not number.is_finite():
        raise ValidationFailed(field_errors={field: [f"{label}은(는) 숫자여야 합니다."]})
    return number


def _as_of_kind(year: int, kind: str):
    """An actual is dated within its year (checked apart); a target may be set years before its year."""
    return year_date(year, before=TARGET_LEAD if kind == IndicatorValue.Kind.TARGET else 0)


def indicator_value_record(*, actor, indicator: Indicator, year: int, kind: str, value, as_of: date) -> IndicatorValue:
    if actor is not None:
        path = indicator.division.path if indicator.division else "/"
        require(access_figures_enter(actor, path), "이 지표의 값을 입력할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if kind not in IndicatorValue.Kind.values:
        errors["kind"] = ["목표 또는 실적을 고르십시오."]
    if not YEAR.fits(year):
        errors["year"] = [YEAR.message]
        year = None
    number = _decimal(value, "value", "값")
    if not QUANTITY.fits(number):
        errors["value"] = [QUANTITY.message]
    if as_of is None:
        errors["as_of"] = ["기준일을 입력하십시오."]
    elif kind == IndicatorValue.Kind.ACTUAL and year and as_of.year != year:
        errors["as_of"] = [f"실적의 기준일은 {year}년 안의 날짜여야 합니다."]
    elif year and not _as_of_kind(year, kind).fits(as_of):
        errors["as_of"] = [_as_of_kind(year, kind).message]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if actor is not None:
        require_month_open(as_of)
    with transaction.atomic():
        record, _ = IndicatorValue.objects.update_or_create(
            indicator=indicator, year=year, kind=kind, as_of=as_of, defaults={"value": number}
        )
    return record


def job_target_set(
    *,
    actor,
    year: int,
    target_group: str = "",
    kind: str = "",
    programme_names: str = "",
    target: int | None,
    budget: int | None,
    division=None,
    order: int = 0,
) -> JobTarget:
    if actor is not None:
        require(access_validation_rules_manage(actor), "일자리 목표를 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if target_group and target_group not in TargetGroup.values:
        errors["target_group"] = ["사업대상을 고르십시오."]
    if kind and kind not in JobKind.values:
        errors["kind"] = ["직접·간접을 고르십시오."]
    if not target_group and not kind:
        errors["target_group"] = ["사업대상이나 직접·간접 중 하나는 정해야 합니다."]
    if not YEAR.fits(year):
        errors["year"] = [YEAR.message]
    if target is not None and not COUNT.fits(target):
        errors["target"] = [COUNT.message]
    if budget is not None and not MONEY.fits(budget):
        errors["budget"] = [MONEY.message]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        job_target, _ = JobTarget.objects.update_or_create(
            year=year,
            target_group=target_group,
            kind=kind,
            programme=None,
            defaults={
                "programme_names": programme_names,
                "target": target,
                "budget": budget,
                "division": division,
                "order": order,
            },
        )
    return job_target


def job_achievement_record(*, actor, job_target: JobTarget, achieved: int, as_of: date) -> JobAchievement:
    if actor is not None:
        path = job_target.division.path if job_target.division else "/"
        require(access_figures_enter(actor, path), "이 일자리 목표의 실적을 입력할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not isinstance(achieved, int) or isinstance(achieved, bool) or not COUNT.fits(achieved):
        errors["achieved"] = [COUNT.message]
    if as_of is None:
        errors["as_of"] = ["기준일을 입력하십시오."]
    elif as_of.year != job_target.year:
        errors["as_of"] = [f"기준일은 {job_target.year}년 안의 날짜여야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if actor is not None:
        require_month_open(as_of)
    with transaction.atomic():
        record, _ = JobAchievement.objects.update_or_create(
            job_target=job_target, as_of=as_of, defaults={"achieved": achieved}
        )
    return record


def indicator_actual_derive(*, code: str, year: int, value, as_of: date) -> IndicatorValue | None:
    """An indicator's actual counted by another module from its own records (no hand copying), as of a date."""
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        return None
    return indicator_value_record(
        actor=None, indicator=indicator, year=year, kind=IndicatorValue.Kind.ACTUAL, value=value, as_of=as_of
    )


def job_achievement_derive(
    *, programme, year: int, target_group: str, achieved: int, as_of: date, kind: str = JobKind.DIRECT
) -> JobAchievement:
    """An achievement another module counted (a placement is a job created), kept on the programme's own
    job-target row of the group, created on first use. Never typed by hand, so no month lock applies."""
    with transaction.atomic():
        job_target, _ = JobTarget.objects.get_or_create(
            year=year,
            target_group=target_group,
            kind=kind,
            programme=programme,
            defaults={"division": programme.division, "programme_names": programme.title, "order": 100},
        )
        record, _ = JobAchievement.objects.update_or_create(
            job_target=job_target, as_of=as_of, defaults={"achieved": achieved}
        )
    return record


def reported_figure_set(*, series: str, subject: str, year: int, as_of: date, value, source: str) -> ReportedFigure:
    with transaction.atomic():
        figure, _ = ReportedFigure.objects.update_or_create(
            series=series,
            subject=subject,
            year=year,
            as_of=as_of,
            source=source,
            defaults={"value": Decimal(str(value))},
        )
    return figure


def programme_figure_set(
    *,
    actor,
    year: int,
    key: str,
    label: str,
    value,
    unit: str,
    source_text: str,
    source_page: str,
    programme=None,
    as_of: date | None = None,
) -> ProgrammeFigure:
    """A figure as a programme's text printed it ("1,157백만원", "51%"), in its printed unit."""
    if actor is not None:
        require(access_validation_rules_manage(actor), "본문 수치는 총괄만 입력할 수 있습니다.")
    errors: dict[str, list[str]] = {}
    if not (key or "").strip() or " " in key:
        errors["key"] = ["키는 빈칸 없이 적어야 합니다."]
    if not (label or "").strip():
        errors["label"] = ["이름을 입력하십시오."]
    if not (unit or "").strip():
        errors["unit"] = ["단위를 입력하십시오(예: 백만원, %, 명)."]
    if not (source_text or "").strip():
        errors["source_text"] = ["원문을 입력하십시오."]
    number = _decimal(value, "value", "값")
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        figure, _ = ProgrammeFigure.objects.update_or_create(
            year=year,
            key=key,
            defaults={
                "programme": programme,
                "label": label,
                "value": number,
                "unit": unit,
                "as_of": as_of,
                "source_text": source_text,
                "source_page": source_page,
            },
        )
    return figure


RULE_FIELDS = (
    "name",
    "description",
    "area",
    "kind",
    "left_series",
    "left_sum",
    "operator",
    "right_series",
    "right_sum",
    "whole_series",
    "tolerance",
    "importance",
    "missing_values",
    "is_active",
)


def _check_rule(values: dict) -> None:
    errors: dict[str, list[str]] = {}
    kind = values.get("kind") or ValidationRule.Kind.COMPARE
    if kind not in ValidationRule.Kind.values:
        errors["kind"] = ["규칙 종류를 고르십시오."]
    elif kind == ValidationRule.Kind.COMPARE:
        for side in ("left_series", "right_series"):
            code = values.get(side) or ""
            if code not in SERIES and not code.startswith(REPORTED):
                errors[side] = ["알 수 없는 계열입니다."]
    else:
        sides = ["left_series", "right_series"] + (["whole_series"] if kind == ValidationRule.Kind.RATE else [])
        for side in sides:
            try:
                terms = terms_parse(values.get(side) or "")
            except ValueError as exc:
                errors[side] = [str(exc)]
                continue
            if side == "left_series" and kind != ValidationRule.Kind.PARTS and len(terms) != 1:
                errors[side] = ["비율·반올림 규칙의 왼쪽은 보고서에 적힌 수치 하나여야 합니다."]
    if values.get("operator") not in ValidationRule.Operator.values:
        errors["operator"] = ["연산자를 고르십시오."]
    if values.get("importance") not in ValidationRule.Importance.values:
        errors["importance"] = ["중요도를 고르십시오."]
    if values.get("missing_values") not in ValidationRule.MissingValues.values:
        errors["missing_values"] = ["값이 없을 때의 처리를 고르십시오."]
    if values.get("area") not in ValidationRule.Area.values:
        errors["area"] = ["영역을 고르십시오."]
    if Decimal(str(values.get("tolerance") or 0)) < 0:
        errors["tolerance"] = ["허용 오차는 0 이상이어야 합니다."]
    if not (values.get("name") or "").strip():
        errors["name"] = ["규칙명을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)


def validation_rule_set(*, actor, code: str, **fields) -> ValidationRule:
    if actor is not None:
        require(access_validation_rules_manage(actor), "검증 규칙은 총괄만 고칠 수 있습니다.")
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"unknown rule fields: {sorted(unknown)}")
    with transaction.atomic():
        rule = ValidationRule.objects.filter(code=code).first()
        current = (
            {f: getattr(rule, f) for f in RULE_FIELDS}
            if rule
            else {
                "description": "",
                "left_sum": False,
                "right_sum": False,
                "tolerance": Decimal(0),
                "importance": ValidationRule.Importance.MEDIUM,
                "missing_values": ValidationRule.MissingValues.SKIP_IF_ANY,
                "is_active": True,
                "kind": ValidationRule.Kind.COMPARE,
                "whole_series": "",
            }
        )
        values = {**current, **fields}
        _check_rule(values)
        if rule is None:
            rule = ValidationRule.objects.create(code=code, **values)
        else:
            for name, value in values.items():
                setattr(rule, name, value)
            rule.save()
    return rule


def _side(code: str, summed: bool, year: int, as_of: date) -> dict[str, Decimal | None]:
    values = series_values(code, year, as_of)
    if not summed:
        return values
    parts = list(values.values())
    return {"": None if not parts or any(v is None for v in parts) else sum(parts, Decimal(0))}


def _holds(operator: str, left: Decimal, right: Decimal, tolerance: Decimal) -> bool:
    if operator == "==":
        return abs(left - right) <= tolerance
    if operator == "<=":
        return left <= right + tolerance
    if operator == ">=":
        return left + tolerance >= right
    if operator == "<":
        return left < right + tolerance
    return left + tolerance > right


def _outcome(rule: ValidationRule, left, right) -> str:
    if left is None or right is None:
        strategy = rule.missing_values
        both_missing = left is None and right is None
        if strategy == ValidationRule.MissingValues.SKIP_IF_ANY or (
            strategy == ValidationRule.MissingValues.SKIP_IF_ALL and both_missing
        ):
            return ValidationResult.Outcome.SKIPPED
        return ValidationResult.Outcome.FAILED
    passed = _holds(rule.operator, left, right, rule.tolerance)
    return ValidationResult.Outcome.PASSED if passed else ValidationResult.Outcome.FAILED


@dataclass
class ValidationRun:
    year: int
    as_of: date
    results: list[ValidationResult] = field(default_factory=list)

    @property
    def failed(self) -> list[ValidationResult]:
        return [r for r in self.results if r.outcome == ValidationResult.Outcome.FAILED]

    @property
    def skipped(self) -> list[ValidationResult]:
        return [r for r in self.results if r.outcome == ValidationResult.Outcome.SKIPPED]

    @property
    def high_failed(self) -> list[ValidationResult]:
        return [r for r in self.failed if r.rule.importance == ValidationRule.Importance.HIGH]


def _compare_results(
    rule: ValidationRule, year: int, as_of: date, now, units: dict[str, str]
) -> list[ValidationResult]:
    left = _side(rule.left_series, rule.left_sum, year, as_of)
    right = _side(rule.right_series, rule.right_sum, year, as_of)
    # Compared: the subjects both sides know; a sum is one subject, the total ("").
    subjects = sorted(set(left) & set(right)) if rule.left_sum == rule.right_sum else [""]
    results = []
    for subject in subjects:
        lvalue, rvalue = left.get(subject), right.get(subject)
        outcome = _outcome(rule, lvalue, rvalue)
        unit = series_unit(rule.left_series, subject, units)
        results.append(
            ValidationResult(
                rule=rule,
                year=year,
                as_of=as_of,
                subject=subject,
                left_value=lvalue,
                right_value=rvalue,
                unit=unit,
                explanation=wording.explanation(rule, outcome, lvalue, rvalue, unit),
                outcome=outcome,
                run_at=now,
            )
        )
    return results


class _Terms:
    """The values of a run's terms, read once: the year's printed figures in one query, each series once."""

    def __init__(self, rules: list[ValidationRule], year: int, as_of: date):
        self.year, self.as_of = year, as_of
        self.parsed: dict[str, list[Term]] = {}
        keys: set[str] = set()
        for rule in rules:
            for expression in (rule.left_series, rule.right_series, rule.whole_series):
                if expression and expression not in self.parsed:
                    self.parsed[expression] = terms_parse(expression)
                    keys |= {t.code.removeprefix(FIGURE) for t in self.parsed[expression] if t.subject is None}
        self.figures = figure_values(year, keys)
        self.series: dict[str, dict[str, Decimal | None]] = {}

    def value(self, term: Term) -> tuple[Decimal | None, str]:
        if term.subject is None:
            value, unit, _ = self.figures.get(term.code.removeprefix(FIGURE), (None, "", None))
            return value, unit
        if term.code not in self.series:
            self.series[term.code] = series_values(term.code, self.year, self.as_of)
        return self.series[term.code].get(term.subject), series_unit(term.code, term.subject)

    def side(self, expression: str) -> tuple[Decimal | None, str]:
        """The signed sum of a side's terms (None if any is missing) and its first term's unit."""
        total, unit = Decimal(0), ""
        for index, term in enumerate(self.parsed[expression]):
            value, term_unit = self.value(term)
            if index == 0:
                unit = term_unit
            if value is None:
                total = None
            elif total is not None:
                total += term.sign * value
        return total, unit

    def subject(self, expression: str) -> str:
        """What a figure rule's result is shown under: the programme of the side's first printed figure, else the
        subject of its first series term (an indicator code)."""
        for term in self.parsed[expression]:
            if term.subject is not None:
                return term.subject
            figure = self.figures.get(term.code.removeprefix(FIGURE), (None, None, None))[2]
            if figure is not None and figure.programme is not None:
                return figure.programme.code
        return ""


def _figure_result(rule: ValidationRule, terms: _Terms, year: int, as_of: date, now) -> ValidationResult:
    left, unit = terms.side(rule.left_series)
    right, part_unit = terms.side(rule.right_series)
    extra: dict = {}
    if rule.kind == ValidationRule.Kind.RATE:
        whole, _ = terms.side(rule.whole_series)
        extra = {"numerator": right, "denominator": whole, "part_unit": part_unit}
        right = None if right is None or not whole else right / whole
    if left is None or right is None:
        outcome = _outcome(rule, left, right)
    else:
        if rule.kind == ValidationRule.Kind.RATE:
            passed = abs(left - right) <= rule.tolerance  # the printed rate, within its printed precision
        elif rule.kind == ValidationRule.Kind.ROUNDED:
            passed = abs(left - wording.rounded_to_unit(right, unit)) <= rule.tolerance
        else:
            passed = _holds(rule.operator, left, right, rule.tolerance)
        outcome = ValidationResult.Outcome.PASSED if passed else ValidationResult.Outcome.FAILED
    return ValidationResult(
        rule=rule,
        year=year,
        as_of=as_of,
        subject=terms.subject(rule.left_series) or terms.subject(rule.right_series),
        left_value=left,
        right_value=right,
        unit=unit,
        explanation=wording.explanation(rule, outcome, left, right, unit, **extra)[:400],
        outcome=outcome,
        run_at=now,
    )


def validation_run(*, year: int, as_of: date) -> ValidationRun:
    """Evaluate every active rule for the year as of the date; store and return the results."""
    run = ValidationRun(year=year, as_of=as_of)
    now = timezone.now()
    rules = list(ValidationRule.objects.filter(is_active=True))
    figure_rules = [rule for rule in rules if rule.kind != ValidationRule.Kind.COMPARE]
    terms = _Terms(figure_rules, year, as_of)
    units = indicator_units()
    for rule in rules:
        if rule.kind == ValidationRule.Kind.COMPARE:
            run.results.extend(_compare_results(rule, year, as_of, now, units))
        else:
            run.results.append(_figure_result(rule, terms, year, as_of, now))
    run.results.sort(key=wording.outcome_rank)  # violations first, then what could not be checked
    with transaction.atomic():
        ValidationResult.objects.filter(year=year).delete()
        ValidationResult.objects.bulk_create(run.results)
    return run


def _import_errors(errors: list[str]) -> None:
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )


def job_achievement_import(*, actor, year: int, data: bytes) -> int:
    """Read the job achievement sheet back; all rows valid, or nothing written."""
    rows = xlsx_rows(data=data, columns=JOB_COLUMNS, title="일자리 실적")
    labels = {column.key: column.header for column in JOB_COLUMNS}
    targets = {
        (t.target_group or t.kind): t
        for t in JobTarget.objects.filter(year=year, programme__isnull=True).select_related("division")
    }
    errors: list[str] = []
    checked = []
    for row in rows:
        number = row["_row"]
        if row.get("year") != year:
            errors.append(f"{number}행 '연도': {year}년 양식이 아닙니다({row.get('year')}).")
            continue
        target = targets.get(row.get("key") or "")
        if target is None:
            errors.append(f"{number}행 '구분코드': {year}년 일자리 목표에 없는 구분입니다({row.get('key')}).")
            continue
        if actor is not None and not access_figures_enter(actor, target.division.path if target.division else "/"):
            errors.append(f"{number}행 '구분코드': 이 목표의 실적은 입력할 권한이 없습니다.")
            continue
        achieved, as_of = row.get("achieved"), row.get("as_of")
        if achieved is None or not COUNT.fits(achieved):
            errors.append(f"{number}행 '{labels['achieved']}': {COUNT.message}")
        elif as_of is None or as_of.year != year:
            errors.append(f"{number}행 '{labels['as_of']}': {year}년 안의 날짜여야 합니다.")
        else:
            checked.append((target, achieved, as_of))
    _import_errors(errors)
    with transaction.atomic():
        for target, achieved, as_of in checked:
            job_achievement_record(actor=actor, job_target=target, achieved=achieved, as_of=as_of)
    return len(checked)


def indicator_value_import(*, actor, year: int, data: bytes) -> int:
    """Read the indicator value sheet back; all rows valid, or nothing written."""
    rows = xlsx_rows(data=data, columns=INDICATOR_COLUMNS, title="정책지표")
    indicators = {i.code: i for i in Indicator.objects.select_related("division")}
    kinds = {"목표": IndicatorValue.Kind.TARGET, "실적": IndicatorValue.Kind.ACTUAL}
    errors: list[str] = []
    checked = []
    for row in rows:
        number = row["_row"]
        if row.get("value") is None:
            continue  # a blank 값 is not read (the sheet says so)
        indicator = indicators.get(row.get("code") or "")
        if indicator is None:
            errors.append(f"{number}행 '코드': 없는 지표 코드입니다({row.get('code')}).")
            continue
        if row.get("year") != year:
            errors.append(f"{number}행 '연도': {year}년 양식이 아닙니다({row.get('year')}).")
            continue
        kind = kinds.get(row.get("kind") or "")
        if kind is None:
            errors.append(f"{number}행 '구분': '목표' 또는 '실적'이어야 합니다.")
            continue
        value, as_of = row.get("value"), row.get("as_of")
        if actor is not None and not access_figures_enter(
            actor, indicator.division.path if indicator.division else "/"
        ):
            errors.append(f"{number}행 '코드': 이 지표의 값은 입력할 권한이 없습니다.")
        elif value is None or not QUANTITY.fits(value):
            errors.append(f"{number}행 '값': {QUANTITY.message}")
        elif as_of is None or (kind == IndicatorValue.Kind.ACTUAL and as_of.year != year):
            errors.append(f"{number}행 '기준일': 실적은 {year}년 안의 날짜여야 합니다.")
        elif not _as_of_kind(year, kind).fits(as_of):
            errors.append(f"{number}행 '기준일': {_as_of_kind(year, kind).message}")
        else:
            checked.append((indicator, kind, value, as_of))
    _import_errors(errors)
    with transaction.atomic():
        for indicator, kind, value, as_of in checked:
            indicator_value_record(actor=actor, indicator=indicator, year=year, kind=kind, value=value, as_of=as_of)
    return len(checked)
