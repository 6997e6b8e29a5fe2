"""How validation speaks, in one place for the 검증 page, `iljari validate` and the API: the Korean names of
series, subjects (divisions, target groups, indicators, programmes) and printed figures, rules written as
sentences, and values in the units and formats the report prints (53.0%, 1,157백만원, 150,061개).

Values reach this module in base units (원, 개, 명, a ratio: performance/units.py) with the unit to show them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from iljari.core.formats import EMPTY, format_number, format_rate
from iljari.core.korean import direction_particle, object_particle
from iljari.org.models import OrgUnit
from iljari.performance.expressions import ExpressionError, expression_parse, expression_text
from iljari.performance.models import Indicator, JobKind, ProgrammeFigure, TargetGroup, ValidationResult, ValidationRule
from iljari.performance.series import FIGURE, REPORTED, SERIES, series_unit, terms_parse
from iljari.performance.units import base_unit, unit_scale
from iljari.plan.models import Programme

OPERATOR_SIGNS = {"==": "=", "<=": "≤", ">=": "≥", "<": "<", ">": ">"}
OUTCOME_ORDER = [ValidationResult.Outcome.FAILED, ValidationResult.Outcome.SKIPPED, ValidationResult.Outcome.PASSED]
# printed totals that have no series of their own (the 총계 row of the job-target table)
REPORTED_TOTALS = {
    "jobs.target": "일자리 목표 총계",
    "jobs.achieved": "일자리 실적 총계",
    "jobs.budget": "일자리 예산 총계",
}
TOTAL = "계"


def _trimmed(value: Decimal, most: int) -> str:
    """A number with up to `most` decimals, trailing zeros dropped: 5.410 → 5.41, 1157.0 → 1,157."""
    for decimals in range(most + 1):
        step = Decimal(1).scaleb(-decimals)
        if value == value.quantize(step, rounding=ROUND_HALF_UP) or decimals == most:
            return format_number(value, decimals=decimals)
    return format_number(value)  # pragma: no cover - the loop always returns


def format_value(value: Decimal | int | None, unit: str) -> str:
    """A value in base units shown in `unit`: (0.53, "%") → 53.0%; (1_157_000_000, "백만원") → 1,157백만원;
    (5.41, "배") → 5.41:1; (150_061, "개") → 150,061개. None → "-"."""
    if value is None:
        return EMPTY
    value = Decimal(value)
    if unit == "%":
        return format_rate(value)
    if unit == "배":
        return f"{_trimmed(value, 2)}:1"
    return f"{_trimmed(value / unit_scale(unit), 2)}{unit}"


def rounded_to_unit(value: Decimal, unit: str) -> Decimal:
    """A value in base units rounded (half up) to whole `unit`s, still in base units: 203,895 → 204,000 (천개)."""
    step = unit_scale(unit)
    return (Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


@dataclass
class Labels:
    """The Korean names validation shows, read in one batch (four queries)."""

    units: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)
    programmes: dict[str, str] = field(default_factory=dict)
    figures: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (label, unit)

    @classmethod
    def load(cls) -> Labels:
        return cls(
            units=dict(OrgUnit.objects.values_list("code", "name")),
            indicators=dict(Indicator.objects.values_list("code", "name")),
            programmes=dict(Programme.objects.values_list("code", "title")),
            figures={
                key: (label, unit)
                for key, label, unit in ProgrammeFigure.objects.order_by("year").values_list("key", "label", "unit")
            },
        )

    def subject(self, subject: str) -> str:
        """ "" → 계; youth → 청년; direct → 직접일자리; JOBS-POLICY → 일자리정책담당관; "IND-03 2018" → the
        indicator's name and the year; P2-04 → the programme's title."""
        if not subject:
            return TOTAL
        if subject in TargetGroup.values:
            return str(TargetGroup(subject).label)
        if subject in JobKind.values:
            return str(JobKind(subject).label)
        if subject in self.units:
            return self.units[subject]
        if subject in self.programmes:
            return self.programmes[subject]
        code, _, year = subject.partition(" ")
        if code in self.indicators:
            return f"{self.indicators[code]} {year}년" if year else self.indicators[code]
        return subject

    def series(self, code: str) -> str:
        base = code.removeprefix(REPORTED)
        name = SERIES[base].label if base in SERIES else REPORTED_TOTALS.get(base, base)
        return f"보고서에 적힌 {name}" if code.startswith(REPORTED) else name

    def term(self, code: str, subject: str | None) -> str:
        if code.startswith(FIGURE):
            return self.figures.get(code.removeprefix(FIGURE), (code.removeprefix(FIGURE), ""))[0]
        return self.series(code) if subject is None else f"{self.series(code)} {self.subject(subject)}"

    def term_unit(self, expression: str) -> str:
        """The unit of the first term of a side."""
        try:
            term = terms_parse(expression)[0]
        except ValueError:
            return ""
        if term.code.startswith(FIGURE):
            return self.figures.get(term.code.removeprefix(FIGURE), ("", ""))[1]
        return series_unit(term.code, term.subject or "")

    def side(self, expression: str, summed: bool = False) -> str:
        try:
            terms = terms_parse(expression)
        except ValueError:
            return ("합계: " if summed else "") + self.series(expression)
        text = ""
        for index, term in enumerate(terms):
            name = self.term(term.code, term.subject)
            text += name if index == 0 and term.sign > 0 else f" {'+' if term.sign > 0 else '-'} {name}"
        return text

    def formula(self, text: str) -> str:
        """A formula rule's side with its names in Korean: "(지출액(부서별·계) 일자리정책담당관 ÷ …) × 100"."""
        try:
            node = expression_parse(text)
        except ExpressionError:
            return text
        return expression_text(
            node,
            lambda ref: (
                self.term(ref.code, ref.subject)
                if ref.subject is not None or ref.is_figure
                else f"합계: {self.series(ref.code)}"
            ),
        )

    def rule(self, rule: ValidationRule) -> str:
        """The rule as a sentence: "원인행위액(부서별·계) ≤ 예산현액(부서별·계)"."""
        if rule.kind == ValidationRule.Kind.FORMULA:
            sign = OPERATOR_SIGNS.get(rule.operator, rule.operator)
            return f"{self.formula(rule.left_series)} {sign} {self.formula(rule.right_series)}"
        if rule.kind == ValidationRule.Kind.PARTS:
            return f"{self.side(rule.left_series)} {OPERATOR_SIGNS[rule.operator]} {self.side(rule.right_series)}"
        if rule.kind == ValidationRule.Kind.RATE:
            return (
                f"{self.side(rule.left_series)} ≈ ({self.side(rule.right_series)}) ÷ ({self.side(rule.whole_series)})"
            )
        if rule.kind == ValidationRule.Kind.ROUNDED:
            unit = self.term_unit(rule.left_series) or "표시"
            right = self.side(rule.right_series)
            return f"{self.side(rule.left_series)} = {right}{object_particle(right)} {unit} 단위로 반올림한 값"
        left = ("합계: " if rule.left_sum else "") + self.series(rule.left_series)
        right = ("합계: " if rule.right_sum else "") + self.series(rule.right_series)
        return f"{left} {OPERATOR_SIGNS[rule.operator]} {right}"


def explanation(
    rule: ValidationRule,
    outcome: str,
    left: Decimal | None,
    right: Decimal | None,
    unit: str,
    *,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    part_unit: str = "",
) -> str:
    """One Korean sentence saying what was compared and, for a violation, what is wrong."""
    if left is None or right is None:
        values = f"왼쪽 {format_value(left, unit)}, 오른쪽 {format_value(right, unit)}"
        if outcome == ValidationResult.Outcome.SKIPPED:
            return f"값이 없어 확인할 수 없습니다({values})."
        return f"값이 없어 위반으로 봅니다({values})."
    failed = outcome == ValidationResult.Outcome.FAILED
    if rule.kind == ValidationRule.Kind.RATE:
        parts = f"{format_value(numerator, part_unit)} ÷ {format_value(denominator, part_unit)}"
        sum_text = f"{parts} = {format_value(right, unit)}"
        if failed:
            printed = format_value(left, unit)
            return f"보고서는 {printed}{direction_particle(printed)} 적었으나 {sum_text}입니다."
        return f"{format_value(left, unit)} (다시 계산하면 {sum_text})"
    if rule.kind == ValidationRule.Kind.ROUNDED:
        exact = format_value(right, base_unit(unit))
        rounded = format_value(rounded_to_unit(right, unit), unit)
        if failed:
            printed = format_value(left, unit)
            return (
                f"보고서는 {printed}{direction_particle(printed)} 적었으나 "
                f"{exact}{object_particle(exact)} {unit} 단위로 반올림하면 {rounded}입니다."
            )
        return f"{format_value(left, unit)} = {exact}의 {unit} 단위 반올림"
    sign = OPERATOR_SIGNS[rule.operator]
    if not failed:
        return f"{format_value(left, unit)} {sign} {format_value(right, unit)}"
    difference = format_value(abs(left - right), unit)
    if rule.kind == ValidationRule.Kind.PARTS and rule.operator == "==":
        return (
            f"합계는 {format_value(left, unit)}인데 부분의 합은 {format_value(right, unit)}입니다(차이 {difference})."
        )
    return f"{format_value(left, unit)} {sign} {format_value(right, unit)} 관계가 성립하지 않습니다(차이 {difference})."


def outcome_rank(result: ValidationResult) -> int:
    return OUTCOME_ORDER.index(result.outcome)


@dataclass(frozen=True)
class ResultText:
    """A result as the page, the command and the API word it."""

    code: str  # the rule's code
    rule: str  # the rule's name
    sentence: str  # the rule as a sentence
    area: str
    importance: str
    subject: str
    left: str
    right: str
    outcome: str  # passed, failed, skipped
    outcome_label: str
    explanation: str


def result_text(result: ValidationResult, labels: Labels) -> ResultText:
    rule = result.rule
    rounded = rule.kind == ValidationRule.Kind.ROUNDED
    return ResultText(
        code=rule.code,
        rule=rule.name,
        sentence=labels.rule(rule),
        area=rule.get_area_display(),
        importance=rule.get_importance_display(),
        subject=labels.subject(result.subject),
        left=format_value(result.left_value, result.unit),
        right=format_value(result.right_value, base_unit(result.unit) if rounded else result.unit),
        outcome=result.outcome,
        outcome_label=result.get_outcome_display(),
        explanation=result.explanation,
    )


def figure_text(figure: ProgrammeFigure) -> str:
    """A printed figure in its printed unit: 1,157백만원, 51.0%, 5.4:1."""
    return format_value(Decimal(figure.value) * unit_scale(figure.unit), figure.unit)


def tolerance_text(rule: ValidationRule) -> str:
    if not rule.tolerance:
        return "없음"
    return f"±{_trimmed(Decimal(rule.tolerance), 6)}"
