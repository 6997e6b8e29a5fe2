"""Named series of figures that validation rules compare: each maps subjects to values for a year and a date.

A subject is a division code, a target group, a job kind, an "indicator year" pair, or "" for the office
total. `reported:<series>` reads the figures a source printed (ReportedFigure) for the same subjects, so a
rule can check a printed total or rate against the one Iljari derives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from iljari.core.formats import ratio
from iljari.finance.selectors import budget_execution_figures, staffing_figures
from iljari.performance.models import IndicatorValue, JobAchievement, JobTarget, ReportedFigure

Values = dict[str, Decimal | None]
REPORTED = "reported:"


@dataclass(frozen=True)
class Series:
    code: str
    label: str
    compute: Callable[[int, date], Values]
    dated: bool = True  # False: a year-level figure (staffing), read as the newest of the year whatever the date


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


def _cumulative(which: str) -> Callable[[int, date], Values]:
    def compute(year: int, as_of: date) -> Values:
        record = _value_of_record(year, as_of)
        values: Values = {}
        for (code, value_year), value in record.items():
            previous = record.get((code, value_year - 1))
            if previous is None:
                continue
            values[f"{code} {value_year}"] = value if which == "value" else previous
        return values

    return compute


SERIES: dict[str, Series] = {
    s.code: s
    for s in [
        Series("budget.current_budget", "예산현액(부서별·계)", _budget("current_budget")),
        Series("budget.committed", "원인행위액(부서별·계)", _budget("committed")),
        Series("budget.spent", "지출액(부서별·계)", _budget("spent")),
        Series("budget.execution_rate", "집행률(부서별·계)", _budget("execution_rate")),
        Series("staffing.authorized", "정원(부서별·계)", _staffing("authorized"), dated=False),
        Series("staffing.current", "현원(부서별·계)", _staffing("current"), dated=False),
        Series("jobs.target.group", "일자리 목표(사업대상별)", _jobs("target", "group")),
        Series("jobs.target.kind", "일자리 목표(직접·간접)", _jobs("target", "kind")),
        Series("jobs.achieved.group", "일자리 실적(사업대상별)", _jobs("achieved", "group")),
        Series("jobs.achieved.kind", "일자리 실적(직접·간접)", _jobs("achieved", "kind")),
        Series("jobs.budget.group", "일자리 예산(사업대상별)", _jobs("budget", "group")),
        Series("jobs.budget.kind", "일자리 예산(직접·간접)", _jobs("budget", "kind")),
        Series("jobs.rate", "일자리 달성률(사업대상별·직접·간접·계)", _job_rates),
        Series("indicator.cumulative.value", "누계 지표의 해당 연도 값", _cumulative("value")),
        Series("indicator.cumulative.previous", "누계 지표의 전년도 값", _cumulative("previous")),
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
