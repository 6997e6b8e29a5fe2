"""performance services: validation rules and their runs (the contract is in the package)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from iljari.core.access import access_validation_rules_manage, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.korean import with_topic
from iljari.core.locks import unique_or
from iljari.core.period import default_period
from iljari.performance import wording
from iljari.performance.formulas import Reader, formula_problems, formula_result, holds, outcome_of
from iljari.performance.models import (
    ValidationResult,
    ValidationRule,
)
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


def _check_rule(values: dict, period: tuple[int, date] | None = None) -> None:
    errors: dict[str, list[str]] = {}
    kind = values.get("kind") or ValidationRule.Kind.COMPARE
    if kind not in ValidationRule.Kind.values:
        errors["kind"] = ["규칙 종류를 고르십시오."]
    elif kind == ValidationRule.Kind.FORMULA:
        year, as_of = period or default_period()
        for side in ("left_series", "right_series"):
            problems = formula_problems(values.get(side) or "", year=year, as_of=as_of)
            if problems:
                errors[side] = problems
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


CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,39}$")


def validation_rule_set(*, actor, code: str, period: tuple[int, date] | None = None, **fields) -> ValidationRule:
    """Create or change a rule (by its code). `period`: the year and date a formula's divisors are checked on
    (the latest data when not given)."""
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
        _check_rule(values, period)
        if rule is None:
            with unique_or(field_error("code", f"{with_topic(f'코드 {code}')} 이미 다른 규칙이 쓰고 있습니다.")):
                rule = ValidationRule.objects.create(code=code, **values)
        else:
            for name, value in values.items():
                setattr(rule, name, value)
            rule.save()
    return rule


def validation_rule_create(*, actor, code: str, period: tuple[int, date] | None = None, **fields) -> ValidationRule:
    """A new rule: its code is new (capital letters, digits and -), then as validation_rule_set."""
    if actor is not None:
        require(access_validation_rules_manage(actor), "검증 규칙은 총괄만 만들 수 있습니다.")
    code = (code or "").strip()
    if not CODE_PATTERN.match(code):
        raise field_error("code", "코드는 영문 대문자, 숫자와 -로 40자까지 적습니다(예: BUD-RATE-JOBS).")
    if ValidationRule.objects.filter(code=code).exists():
        raise field_error("code", f"{with_topic(f'코드 {code}')} 이미 다른 규칙이 쓰고 있습니다.")
    return validation_rule_set(actor=actor, code=code, period=period, **fields)


def validation_rule_retire(*, actor, rule: ValidationRule) -> ValidationRule:
    """Turn a rule off: the next runs leave it out; its code and past results stay."""
    if actor is not None:
        require(access_validation_rules_manage(actor), "검증 규칙은 총괄만 폐지할 수 있습니다.")
    with transaction.atomic():
        rule = ValidationRule.objects.select_for_update().get(pk=rule.pk)
        if rule.is_active:
            rule.is_active = False
            rule.save(update_fields=["is_active", "updated_at"])
    return rule


def _side(code: str, summed: bool, year: int, as_of: date) -> dict[str, Decimal | None]:
    values = series_values(code, year, as_of)
    if not summed:
        return values
    parts = list(values.values())
    return {"": None if not parts or any(v is None for v in parts) else sum(parts, Decimal(0))}


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
        outcome = outcome_of(rule, lvalue, rvalue)
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
        outcome = outcome_of(rule, left, right)
    else:
        if rule.kind == ValidationRule.Kind.RATE:
            passed = abs(left - right) <= rule.tolerance  # the printed rate, within its printed precision
        elif rule.kind == ValidationRule.Kind.ROUNDED:
            passed = abs(left - wording.rounded_to_unit(right, unit)) <= rule.tolerance
        else:
            passed = holds(rule.operator, left, right, rule.tolerance)
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
    own_kinds = (ValidationRule.Kind.COMPARE, ValidationRule.Kind.FORMULA)
    figure_rules = [rule for rule in rules if rule.kind not in own_kinds]
    terms = _Terms(figure_rules, year, as_of)
    reader = Reader(year, as_of)
    units = indicator_units()
    for rule in rules:
        if rule.kind == ValidationRule.Kind.COMPARE:
            run.results.extend(_compare_results(rule, year, as_of, now, units))
        elif rule.kind == ValidationRule.Kind.FORMULA:
            run.results.append(formula_result(rule, reader, now))
        else:
            run.results.append(_figure_result(rule, terms, year, as_of, now))
    run.results.sort(key=wording.outcome_rank)  # violations first, then what could not be checked
    with transaction.atomic():
        ValidationResult.objects.filter(year=year).delete()
        ValidationResult.objects.bulk_create(run.results)
    return run
