"""Named series of figures that validation rules compare: each maps subjects to values for a year and a date.

A subject is a division code, a target group, a job kind, an indicator code, an "indicator year" pair, or ""
for the office total. Values are in base units (원, 개, 명, a ratio: performance/units.py); each series names
the unit the report shows it in. `reported:<series>` reads the figures a source printed (ReportedFigure) for
the same subjects, so a rule can check a printed total or rate against the one Iljari derives.

The figure rules (parts, rate, rounded) read terms: `figure:<key>` is a figure printed in a programme's text
(ProgrammeFigure) and `<series>[<subject>]` one subject of a series; a side is terms joined by + and -
(`term_values`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from iljari.core.formats import ratio
from iljari.finance.selectors import budget_execution_figures, staffing_figures
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobAchievement,
    JobTarget,
    ProgrammeFigure,
    ReportedFigure,
)
from iljari.performance.units import to_base

Values = dict[str, Decimal | None]
REPORTED = "reported:"


@dataclass(frozen=True)
class Series:
    code: str
    label: str
    compute: Callable[[int, date], Values]
    unit: str = ""  # the unit the report shows the series in; INDICATOR_UNIT: each subject's indicator's unit
    dated: bool = True  # False: a year-level figure (staffing), read as the newest of the year whatever the date
    # False: a figure that is never zero where it exists (a budget, an authorised headcount, a target), so a rule
    # may divide by it; True: one that starts a year at zero or may stay there (spending, achievements, actuals)
    may_be_zero: bool = True


INDICATOR_UNIT = "indicator"


def _code(unit) -> str:
    return "" if unit is None else unit.code


def _budget(measure: str) -> Callable[[int, date], Values]:
    def compute(year: int, as_of: date) -> Values:
        execution = budget_execution_figures(year=year, as_of=as_of)
        rows = [*execution.rows, execution.total]
        if measure == "execution_rate":
            return {_code(row.unit): row.execution_rate for row in rows}
        return {_code(row.unit): Decimal(getattr(row, measure)) for row in rows}

    return compute


def _staffing(measure: str) -> Callable[[int, date], Values]:
    def compute(year: int, as_of: date) -> Values:
        table = staffing_figures(as_of=as_of)
        if table is None:
            return {}
        return {_code(row.unit): Decimal(getattr(row, measure)) for row in [*table.rows, table.total]}

    return compute


def _job_rows(year: int, as_of: date) -> list[tuple[JobTarget, int | None]]:
    """Each target of the year with its latest achievement on or before as_of (two queries)."""
    targets = list(JobTarget.objects.filter(year=year, programme__isnull=True))
    achieved: dict[int, int] = {}
    for target_id, value in (
        JobAchievement.objects.filter(job_target__in=targets, as_of__lte=as_of)
        .order_by("as_of")
        .values_list("job_target", "achieved")
    ):
        achieved[target_id] = value  # ordered by date: the last one wins
    return [(target, achieved.get(target.pk)) for target in targets]


def _jobs(measure: str, dimension: str) -> Callable[[int, date], Values]:
    def compute(year: int, as_of: date) -> Values:
        values: Values = {}
        for target, achieved in _job_rows(year, as_of):
            key = target.target_group if dimension == "group" else target.kind
            if not key or (dimension == "group" and target.kind) or (dimension == "kind" and target.target_group):
                continue
            value = {
                "target": target.target,
                "achieved": achieved,
                "budget": target.budget,
            }.get(measure)
            values[key] = None if value is None else Decimal(value)
        return values

    return compute


def _job_rates(year: int, as_of: date) -> Values:
    rows = _job_rows(year, as_of)
    rates: Values = {}
    total_target = total_achieved = 0
    for target, achieved in rows:
        key = target.target_group or target.kind
        rates[key] = ratio(achieved, target.target) if achieved is not None else None
        if target.kind and not target.target_group:
            total_target += target.target or 0
            total_achieved += achieved or 0
    rates[""] = ratio(total_achieved, total_target)
    return rates


def _value_of_record(year: int, as_of: date) -> dict[tuple[str, int], Decimal]:
    """Per cumulative indicator and year: the latest actual on or before as_of, else the latest target."""
    chosen: dict[tuple[str, int], tuple[int, date, Decimal]] = {}
    for code, value_year, kind, value, day in IndicatorValue.objects.filter(
        indicator__cumulative=True, as_of__lte=as_of
    ).values_list("indicator__code", "year", "kind", "value", "as_of"):
        rank = 1 if kind == IndicatorValue.Kind.ACTUAL else 0
        key = (code, value_year)
        if key not in chosen or (rank, day) > chosen[key][:2]:
            chosen[key] = (rank, day, value)
    return {key: value for key, (_, _, value) in chosen.items()}


def indicator_units() -> dict[str, str]:
    return dict(Indicator.objects.values_list("code", "unit"))


def _cumulative(which: str) -> Callable[[int, date], Values]:
    def compute(year: int, as_of: date) -> Values:
        record = _value_of_record(year, as_of)
        units = indicator_units()
        values: Values = {}
        for (code, value_year), value in record.items():
            previous = record.get((code, value_year - 1))
            if previous is None:
                continue
            values[f"{code} {value_year}"] = to_base(value if which == "value" else previous, units.get(code, ""))
        return values

    return compute


def _indicator(kind: str) -> Callable[[int, date], Values]:
    """Per indicator code: its latest target (or actual) of the year on or before as_of, in base units."""

    def compute(year: int, as_of: date) -> Values:
        newest: dict[str, tuple[date, Decimal, str]] = {}
        for code, unit, value, day in IndicatorValue.objects.filter(year=year, kind=kind, as_of__lte=as_of).values_list(
            "indicator__code", "indicator__unit", "value", "as_of"
        ):
            if code not in newest or day > newest[code][0]:
                newest[code] = (day, value, unit)
        return {code: to_base(value, unit) for code, (_, value, unit) in newest.items()}

    return compute


SERIES: dict[str, Series] = {
    s.code: s
    for s in [
        Series("budget.current_budget", "예산현액(부서별·계)", _budget("current_budget"), "백만원", may_be_zero=False),
        Series("budget.committed", "원인행위액(부서별·계)", _budget("committed"), "백만원"),
        Series("budget.spent", "지출액(부서별·계)", _budget("spent"), "백만원"),
        Series("budget.execution_rate", "집행률(부서별·계)", _budget("execution_rate"), "%"),
        Series("staffing.authorized", "정원(부서별·계)", _staffing("authorized"), "명", dated=False, may_be_zero=False),
        Series("staffing.current", "현원(부서별·계)", _staffing("current"), "명", dated=False),
        Series("jobs.target.group", "일자리 목표(사업대상별)", _jobs("target", "group"), "개", may_be_zero=False),
        Series("jobs.target.kind", "일자리 목표(직접·간접)", _jobs("target", "kind"), "개", may_be_zero=False),
        Series("jobs.achieved.group", "일자리 실적(사업대상별)", _jobs("achieved", "group"), "개"),
        Series("jobs.achieved.kind", "일자리 실적(직접·간접)", _jobs("achieved", "kind"), "개"),
        Series("jobs.budget.group", "일자리 예산(사업대상별)", _jobs("budget", "group"), "억원", may_be_zero=False),
        Series("jobs.budget.kind", "일자리 예산(직접·간접)", _jobs("budget", "kind"), "억원", may_be_zero=False),
        Series("jobs.rate", "일자리 달성률(사업대상별·직접·간접·계)", _job_rates, "%"),
        Series("indicator.cumulative.value", "누계 지표의 해당 연도 값", _cumulative("value"), INDICATOR_UNIT),
        Series("indicator.cumulative.previous", "누계 지표의 전년도 값", _cumulative("previous"), INDICATOR_UNIT),
        Series(
            "indicator.target",
            "정책지표 목표(지표별)",
            _indicator(IndicatorValue.Kind.TARGET),
            INDICATOR_UNIT,
            may_be_zero=False,
        ),
        Series("indicator.actual", "정책지표 실적(지표별)", _indicator(IndicatorValue.Kind.ACTUAL), INDICATOR_UNIT),
    ]
}


def series_choices() -> list[tuple[str, str]]:
    own = [(code, series.label) for code, series in SERIES.items()]
    reported = sorted(set(ReportedFigure.objects.values_list("series", flat=True)))
    return own + [(f"{REPORTED}{code}", f"보고된 수치: {code}") for code in reported]


def series_values(code: str, year: int, as_of: date) -> Values:
    base = code.removeprefix(REPORTED)
    if base in SERIES and not SERIES[base].dated:
        as_of = date(year, 12, 31)
    if code.startswith(REPORTED):
        figures = ReportedFigure.objects.filter(series=base, year=year, as_of__lte=as_of)
        newest: dict[str, tuple[date, Decimal]] = {}
        for subject, day, value in figures.values_list("subject", "as_of", "value"):
            if subject not in newest or day > newest[subject][0]:
                newest[subject] = (day, value)
        return {subject: value for subject, (_, value) in newest.items()}
    if code not in SERIES:
        raise KeyError(code)
    return SERIES[code].compute(year, as_of)


# --- terms of the figure rules ---------------------------------------------------------------------------

SIGNS = {"+": 1, "-": -1}  # the operators between a rule side's terms

FIGURE = "figure:"
_TERM = re.compile(r"^(?P<series>[a-z_.:]+?)(?:\[(?P<subject>[^\]]*)\])?$")


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1
    code: str  # figure:<key>, or a series code
    subject: str | None = None  # the subject of a series term (None: a figure)


def terms_parse(expression: str) -> list[Term]:
    """`figure:a + figure:b - jobs.target.kind[direct]` → its terms; ValueError (Korean) for anything else."""
    tokens = (expression or "").split()
    if not tokens:
        raise ValueError("항이 없습니다.")
    terms: list[Term] = []
    sign = 1
    expect_term = True
    for token in tokens:
        if not expect_term:
            if token not in SIGNS:
                raise ValueError(f"항 사이에는 + 또는 -가 와야 합니다: {token}")
            sign = SIGNS[token]
            expect_term = True
            continue
        if token.startswith(FIGURE):
            if len(token) == len(FIGURE):
                raise ValueError("figure: 뒤에 수치의 키를 적어야 합니다.")
            terms.append(Term(sign, token))
        else:
            match = _TERM.match(token)
            base = match["series"].removeprefix(REPORTED) if match else ""
            if not match or match["subject"] is None or base not in SERIES and not token.startswith(REPORTED):
                raise ValueError(f"알 수 없는 항입니다: {token} (figure:키 또는 계열[대상])")
            terms.append(Term(sign, match["series"], match["subject"]))
        expect_term = False
    if expect_term:
        raise ValueError("식이 + 또는 -로 끝납니다.")
    return terms


def figure_values(year: int, keys: set[str]) -> dict[str, tuple[Decimal, str, ProgrammeFigure]]:
    """The year's printed figures of these keys: key -> (value in base units, printed unit, the figure)."""
    figures = ProgrammeFigure.objects.filter(year=year, key__in=keys).select_related("programme")
    return {f.key: (to_base(f.value, f.unit), f.unit, f) for f in figures}


def series_unit(code: str, subject: str = "", units: dict[str, str] | None = None) -> str:
    """The unit the report shows a series' subject in ("" where unknown); `units`: the indicators' units, when the
    caller has read them already (indicator_units())."""
    base = code.removeprefix(REPORTED)
    series = SERIES.get(base)
    if series is None:
        # a printed total without a series of its own (reported:jobs.target) is read like its parts
        series = next((s for name, s in SERIES.items() if name.startswith(base + ".")), None)
    if series is None:
        return ""
    if series.unit == INDICATOR_UNIT:
        return (indicator_units() if units is None else units).get(subject.split(" ")[0], "")
    return series.unit
