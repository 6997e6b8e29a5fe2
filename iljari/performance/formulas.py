"""The validation rules of kind "formula" (식): checking their expressions and evaluating them on the data.

- formula_problems(text, *, year, as_of) -> list[str]
      Korean problems of one side: unreadable (performance/expressions.py), a name no series, printed figure or
      reported series has, a division by a series that can be zero in general (Series.may_be_zero, a reported
      figure) or by anything that is zero on the data of that year and date.
- Reader(year, as_of)       each series and printed figure read once; reader.value(ref), reader.unit(ref)
- formula_result(rule, reader, now) -> ValidationResult (not saved)
- formula_preview(*, left, right, operator, tolerance, missing_values, year, as_of) -> Preview
      what a rule would find, before it is saved: each side's terms with their values, the sides, the outcome.

Values are in base units (원, 개, 명, a ratio: performance/units.py); so are the numbers written in an expression.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from iljari.core.korean import with_topic
from iljari.performance import wording
from iljari.performance.expressions import (
    FIGURE,
    REPORTED,
    ExpressionError,
    Node,
    Ref,
    expression_divisors,
    expression_has_division,
    expression_parse,
    expression_refs,
    expression_text,
    expression_value,
)
from iljari.performance.models import ProgrammeFigure, ReportedFigure, ValidationResult, ValidationRule
from iljari.performance.series import SERIES, figure_values, series_unit, series_values


def holds(operator: str, left: Decimal, right: Decimal, tolerance: Decimal) -> bool:
    if operator == "==":
        return abs(left - right) <= tolerance
    if operator == "<=":
        return left <= right + tolerance
    if operator == ">=":
        return left + tolerance >= right
    if operator == "<":
        return left < right + tolerance
    return left + tolerance > right


def outcome_of(rule: ValidationRule, left, right) -> str:
    if left is None or right is None:
        strategy = rule.missing_values
        both_missing = left is None and right is None
        if strategy == ValidationRule.MissingValues.SKIP_IF_ANY or (
            strategy == ValidationRule.MissingValues.SKIP_IF_ALL and both_missing
        ):
            return ValidationResult.Outcome.SKIPPED
        return ValidationResult.Outcome.FAILED
    passed = holds(rule.operator, left, right, rule.tolerance)
    return ValidationResult.Outcome.PASSED if passed else ValidationResult.Outcome.FAILED


class Reader:
    """The values of a year as of a date: each series and the printed figures read once."""

    def __init__(self, year: int, as_of: date):
        self.year, self.as_of = year, as_of
        self.series: dict[str, dict[str, Decimal | None]] = {}
        self.figures: dict[str, tuple[Decimal, str, ProgrammeFigure]] | None = None

    def _figure(self, key: str):
        if self.figures is None:
            self.figures = figure_values(self.year, set(ProgrammeFigure.objects.values_list("key", flat=True)))
        return self.figures.get(key)

    def _series(self, code: str) -> dict[str, Decimal | None]:
        if code not in self.series:
            try:
                self.series[code] = series_values(code, self.year, self.as_of)
            except KeyError:
                self.series[code] = {}
        return self.series[code]

    def value(self, ref: Ref) -> Decimal | None:
        if ref.is_figure:
            figure = self._figure(ref.code.removeprefix(FIGURE))
            return None if figure is None else figure[0]
        values = self._series(ref.code)
        if ref.subject is not None:
            return values.get(ref.subject)
        parts = [value for subject, value in values.items() if subject]
        if not parts:  # a series with only its total (a reported total)
            return values.get("")
        return None if any(value is None for value in parts) else sum(parts, Decimal(0))

    def unit(self, ref: Ref) -> str:
        if ref.is_figure:
            figure = self._figure(ref.code.removeprefix(FIGURE))
            return "" if figure is None else figure[1]
        return series_unit(ref.code, ref.subject or "")


def side_unit(node: Node, reader: Reader) -> str:
    """The unit a side is shown in: its first name's, unless it divides (a ratio, shown as a plain number)."""
    if expression_has_division(node):
        return ""
    first = next(expression_refs(node), None)
    return "" if first is None else reader.unit(first)


def _known(ref: Ref, reported: set[str], figures: set[str]) -> bool:
    if ref.is_figure:
        return ref.code.removeprefix(FIGURE) in figures
    if ref.code.startswith(REPORTED):
        return ref.code.removeprefix(REPORTED) in reported
    return ref.code in SERIES


def formula_problems(text: str, *, year: int, as_of: date) -> list[str]:
    try:
        node = expression_parse(text)
    except ExpressionError as error:
        return [str(error)]
    reported = set(ReportedFigure.objects.values_list("series", flat=True))
    figures = set(ProgrammeFigure.objects.values_list("key", flat=True))
    problems = [
        f"알 수 없는 계열입니다: {ref.code}" if not ref.is_figure else f"없는 본문 수치입니다: {ref.code}"
        for ref in dict.fromkeys(expression_refs(node))
        if not _known(ref, reported, figures)
    ]
    if problems:
        return list(dict.fromkeys(problems))
    reader = Reader(year, as_of)
    for divisor in expression_divisors(node):
        general = [
            ref
            for ref in expression_refs(divisor)
            if not ref.is_figure and (ref.code.startswith(REPORTED) or SERIES[ref.code].may_be_zero)
        ]
        if general:
            name = general[0].text
            problems.append(
                f"{with_topic(name)} 0일 수 있는 계열이어서 나누는 값으로 쓸 수 없습니다"
                " (예산현액, 정원, 목표처럼 0이 될 수 없는 계열로 나누십시오)."
            )
            continue
        value = expression_value(divisor, reader.value)
        if value == 0:
            problems.append(
                f"나누는 값 {with_topic(expression_text(divisor))} {year}년 {as_of.isoformat()} 기준 자료에서 0이어서"
                " 나눌 수 없습니다."
            )
    return problems


def _subject(nodes: list[Node], reader: Reader) -> str:
    """What a result is shown under: the subject of the first series term, else the programme of the first
    printed figure."""
    for node in nodes:
        for ref in expression_refs(node):
            if ref.subject:
                return ref.subject
            if ref.is_figure:
                figure = reader._figure(ref.code.removeprefix(FIGURE))
                if figure is not None and figure[2].programme is not None:
                    return figure[2].programme.code
    return ""


def formula_result(rule: ValidationRule, reader: Reader, now) -> ValidationResult:
    """One result for a formula rule (the sides are checked when the rule is saved; one that no longer reads is
    a violation that says so)."""
    try:
        left_node, right_node = expression_parse(rule.left_series), expression_parse(rule.right_series)
    except ExpressionError as error:
        return ValidationResult(
            rule=rule,
            year=reader.year,
            as_of=reader.as_of,
            explanation=f"식을 읽을 수 없습니다: {error}"[:400],
            outcome=ValidationResult.Outcome.FAILED,
            run_at=now,
        )
    left = expression_value(left_node, reader.value)
    right = expression_value(right_node, reader.value)
    unit = side_unit(left_node, reader) or side_unit(right_node, reader)
    outcome = outcome_of(rule, left, right)
    return ValidationResult(
        rule=rule,
        year=reader.year,
        as_of=reader.as_of,
        subject=_subject([left_node, right_node], reader),
        left_value=left,
        right_value=right,
        unit=unit,
        explanation=wording.explanation(rule, outcome, left, right, unit)[:400],
        outcome=outcome,
        run_at=now,
    )


@dataclass(frozen=True)
class TermValue:
    text: str  # as written: budget.spent[JOBS-POLICY]
    label: str  # in Korean: 지출액(부서별·계) 일자리정책담당관
    value: str  # formatted in its unit, "-" when missing


@dataclass
class Preview:
    year: int
    as_of: date
    left_text: str = ""
    sign: str = ""
    right_text: str = ""
    left: str = ""
    right: str = ""
    outcome: str = ""
    outcome_label: str = ""
    explanation: str = ""
    terms: list[TermValue] = field(default_factory=list)


def formula_preview(
    *, left: str, right: str, operator: str, tolerance: Decimal, missing_values: str, year: int, as_of: date
) -> Preview:
    """Evaluate a rule's two sides on the data of the year as of the date (the sides already checked)."""
    rule = ValidationRule(
        kind=ValidationRule.Kind.FORMULA,
        left_series=left,
        right_series=right,
        operator=operator,
        tolerance=tolerance,
        missing_values=missing_values,
    )
    reader = Reader(year, as_of)
    labels = wording.Labels.load()
    result = formula_result(rule, reader, None)
    preview = Preview(year=year, as_of=as_of, sign=wording.OPERATOR_SIGNS.get(operator, operator))
    nodes = [expression_parse(left), expression_parse(right)]
    preview.left_text, preview.right_text = (
        expression_text(node, lambda ref: labels.term(ref.code, ref.subject)) for node in nodes
    )
    for node in nodes:
        for ref in dict.fromkeys(expression_refs(node)):
            preview.terms.append(
                TermValue(
                    text=ref.text,
                    label=labels.term(ref.code, ref.subject),
                    value=wording.format_value(reader.value(ref), reader.unit(ref)),
                )
            )
    preview.left = wording.format_value(result.left_value, result.unit)
    preview.right = wording.format_value(result.right_value, result.unit)
    preview.outcome = result.outcome
    preview.outcome_label = result.get_outcome_display()
    preview.explanation = result.explanation
    return preview
