"""performance selectors — indicators, job targets with achievements, validation results.

Contract:
- indicator_table(*, user, years, as_of, unit_path=None) -> list[IndicatorRow]
      per indicator and year: the latest target and actual on or before as_of, each with its own as-of date (two
      kinds, never one in the other's place: IndicatorCell.printed picks the kind a yearly table prints),
      achievement rate derived, formula indicators computed from their numerator and denominator.
- indicator_figures(*, user, years, as_of, unit_path=None) -> list[IndicatorFigures]
      the same cells as indicator_table, the indicators read as values (code, name, unit): for the dashboard
- indicator_get(*, user, code) -> Indicator
- indicator_value_list(*, user, indicator) -> list[IndicatorValue]   every target and actual, by year, kind, date
- indicator_uses(*, user, indicator) -> IndicatorUses   what depends on an indicator: its values' years, the
      formula indicators and the rules that name it, the first signed-off month holding its figures (its unit,
      cumulative flag and formula stay until that month is unlocked)
- job_target_locked_from(*, user, job_target) -> date | None   the first signed-off month holding its achievements
- locked_month_of(days) -> date | None   the first of these days in a signed-off month
- indicator_definition_sheet(*, user, years) -> bytes (xlsx)   one row per indicator × year: the definition and the
      year's latest target (the sheet indicator_definition_import reads back)
- job_target_list(*, user, year) -> list[JobTarget]   every row of the year (programme rows and retired ones too)
- job_target_get(*, user, pk) -> JobTarget
- job_target_sheet(*, user, year) -> bytes (xlsx)   the year's rows (the sheet job_target_import reads back)
- validation_rule_get(*, user, code) -> ValidationRule
- validation_rule_preview(*, user, left, right, operator, tolerance, missing_values, year, as_of) -> Preview
      what a formula rule would find on the data of the year as of the date, before it is saved
- job_target_table(*, user, year, as_of) -> JobTargetTable
      group and kind rows with their latest achievements; totals and rates derived; for a target the
      source lost, the range that the printed rate and the total imply.
- JobTargetTable.total_as_of: the one as-of day of the total's rows, None when they differ (each row has its own)
- job_target_totals(*, user, year, as_of) -> JobTargetTable
      the group and kind rows of job_target_table (same figures, a group with no figure of its own showing the
      sum of its programmes'), without the programme rows: read as values in two queries (the dashboard)
- validation_result_list(*, user, year, area=None, failed_only=False) -> list[ValidationResult]
      violations first, then what could not be checked, then what passed
- validation_result_rows(*, user, year, area=None, violations_only=False) -> list[wording.ResultText]
      the same results worded in Korean (names, labels, units): what the pages, the command and the API show
- validation_rule_list(*, user) -> list[ValidationRule]
- validation_rule_rows(*, user) -> list[RuleRow]   each rule with its sentence in Korean
- programme_figure_list(*, user, year) -> list[ProgrammeFigure]   the figures the year's programme text printed
- record_figure_table / record_figure_programmes / record_figure_sheet   the report's counts beside the records
      (selectors/records.py: 보고서 수치와 기록)
- job_achievement_newest_as_of(year) -> date | None   the newest job achievement date (core.period's source)
- job_achievement_sheet(*, user, year, as_of) / indicator_value_sheet(*, user, year, as_of) -> bytes (xlsx)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, IntegerField, Max, OuterRef, Subquery, Value, When
from django.urls import reverse

from iljari.core.access import access_office_figures_view, require
from iljari.core.errors import NotFound
from iljari.core.figures import COUNT, QUANTITY, YEAR
from iljari.core.formats import ratio
from iljari.core.xlsx import Column, xlsx_table
from iljari.performance import wording
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobAchievement,
    JobTarget,
    ProgrammeFigure,
    ReportedFigure,
    TargetGroup,
    ValidationResult,
    ValidationRule,
)

RATE_HALF_STEP = Decimal("0.0005")  # a rate printed to 0.1% is exact within half a step


@dataclass
class IndicatorCell:
    """An indicator's year: its target and its actual, two kinds of value kept apart, each with its own as-of date.
    A table that shows one value per year chooses the kind by year (`printed`), never one for the other."""

    target: Decimal | None = None
    actual: Decimal | None = None
    target_as_of: date | None = None
    actual_as_of: date | None = None

    @property
    def achievement_rate(self) -> Decimal | None:
        return ratio(self.actual, self.target)

    def printed(self, year: int, report_year: int) -> Decimal | None:
        """The value a 주요 정책지표 table of `report_year` prints for `year`: the actual of a past year, the target of
        the report's year and the years after it (the table's note says so), never the other kind in its place."""
        return self.actual if year < report_year else self.target


@dataclass
class IndicatorRow:
    indicator: Indicator
    cells: dict[int, IndicatorCell] = field(default_factory=dict)


def _indicator_cells(rows: dict, formulas: dict[int, tuple[int, int, Decimal]], years, as_of: date) -> None:
    """Fill each row's cells (rows: indicator id -> a row with `cells`) with the latest target and actual of each
    year on or before as_of; formula indicators (id -> numerator, denominator, factor) computed. One query."""
    stamps: dict[tuple[int, int, str], date] = {}
    values = IndicatorValue.objects.filter(year__in=years, as_of__lte=as_of).values_list(
        "indicator_id", "year", "kind", "value", "as_of"
    )
    raw: dict[tuple[int, int, str], Decimal] = {}
    for indicator_id, year, kind, value, day in values:
        key = (indicator_id, year, kind)
        if key not in stamps or day > stamps[key]:
            stamps[key] = day
            raw[key] = value
    for (indicator_id, year, kind), value in raw.items():
        if indicator_id in rows:
            cell = rows[indicator_id].cells[year]
            setattr(cell, kind, value)
            setattr(cell, f"{kind}_as_of", stamps[(indicator_id, year, kind)])
    for indicator_id, (numerator_id, denominator_id, factor) in formulas.items():
        row = rows.get(indicator_id)
        if row is None:
            continue
        for year, cell in row.cells.items():
            for kind in ("target", "actual"):
                parts = ((numerator_id, year, kind), (denominator_id, year, kind))
                quotient = ratio(raw.get(parts[0]), raw.get(parts[1]))
                setattr(cell, kind, None if quotient is None else quotient * factor)
                days = [stamps[key] for key in parts if key in stamps]
                setattr(cell, f"{kind}_as_of", max(days) if quotient is not None and days else None)


def indicator_table(*, user, years: list[int], as_of: date, unit_path: str | None = None) -> list[IndicatorRow]:
    require(access_office_figures_view(user))
    indicators = Indicator.objects.select_related("objective", "division", "numerator", "denominator")
    if unit_path:
        indicators = indicators.filter(division__path__startswith=unit_path)
    rows = {i.pk: IndicatorRow(indicator=i, cells={year: IndicatorCell() for year in years}) for i in indicators}
    formulas = {
        row.indicator.pk: (row.indicator.numerator_id, row.indicator.denominator_id, row.indicator.factor)
        for row in rows.values()
        if row.indicator.is_formula
    }
    _indicator_cells(rows, formulas, years, as_of)
    return list(rows.values())


@dataclass
class IndicatorFigures:
    """An indicator's cells with only what a summary shows of it (no model instance)."""

    code: str
    name: str
    unit: str
    cells: dict[int, IndicatorCell] = field(default_factory=dict)

    def get_absolute_url(self) -> str:
        return reverse("performance:indicator_detail", args=[self.code])


def indicator_figures(*, user, years: list[int], as_of: date, unit_path: str | None = None) -> list[IndicatorFigures]:
    """indicator_table's figures, the indicators read as values: two queries, whatever the number of indicators."""
    require(access_office_figures_view(user))
    indicators = Indicator.objects.order_by("order", "code")
    if unit_path:
        indicators = indicators.filter(division__path__startswith=unit_path)
    rows: dict[int, IndicatorFigures] = {}
    formulas: dict[int, tuple[int, int, Decimal]] = {}
    for pk, code, name, unit, numerator_id, denominator_id, factor in indicators.values_list(
        "pk", "code", "name", "unit", "numerator_id", "denominator_id", "factor"
    ):
        rows[pk] = IndicatorFigures(code=code, name=name, unit=unit, cells={year: IndicatorCell() for year in years})
        if numerator_id is not None:
            formulas[pk] = (numerator_id, denominator_id, factor)
    _indicator_cells(rows, formulas, years, as_of)
    return list(rows.values())


def indicator_get(*, user, code: str) -> Indicator:
    require(access_office_figures_view(user))
    indicator = Indicator.objects.select_related("objective", "division").filter(code=code).first()
    if indicator is None:
        raise NotFound("정책지표를 찾을 수 없습니다.")
    return indicator


@dataclass
class JobRow:
    target: JobTarget
    achieved: int | None
    achieved_as_of: date | None
    implied_range: tuple[int, int] | None = None  # for a lost target: the range its rate and the total imply
    reported_rate: Decimal | None = None  # the rate a source printed, shown only where it cannot be derived
    parts: list[JobRow] = field(default_factory=list)  # the group's programme rows (counted by other modules)
    from_parts: bool = False  # the achievement is the sum of the parts (no figure entered for the group)
    achieved_first_as_of: date | None = None  # of a sum of parts: the oldest part's day (achieved_as_of the newest)
    unset: bool = False  # no target row for the group: it exists only because programmes counted jobs in it

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def achievement_rate(self) -> Decimal | None:
        return ratio(self.achieved, self.target.target) if self.achieved is not None else None


@dataclass
class JobTargetTable:
    year: int
    as_of: date
    groups: list[JobRow]
    kinds: list[JobRow]

    @property
    def total_target(self) -> int | None:
        targets = [row.target.target for row in self.kinds]
        return sum(targets) if targets and None not in targets else None

    @property
    def total_achieved(self) -> int | None:
        values = [row.achieved for row in self.kinds]
        return sum(values) if values and None not in values else None

    @property
    def total_budget(self) -> int | None:
        values = [row.target.budget for row in self.kinds]
        return sum(values) if values and None not in values else None

    @property
    def total_rate(self) -> Decimal | None:
        return ratio(self.total_achieved, self.total_target)

    @property
    def total_as_of(self) -> date | None:
        """The one day the total's achievements are as of (the kind rows it sums); None when they differ."""
        days = {row.achieved_as_of for row in self.kinds if row.achieved is not None}
        return days.pop() if len(days) == 1 else None

    @property
    def has_missing_targets(self) -> bool:
        return any(row.target.target is None and not row.unset for row in self.groups)


def _rate_range(achieved: int, printed_rate: Decimal) -> tuple[int, int] | None:
    """Targets T with achieved / T rounding to printed_rate at 0.1%."""
    low_rate, high_rate = printed_rate - RATE_HALF_STEP, printed_rate + RATE_HALF_STEP
    if low_rate <= 0:
        return None
    return math.ceil(Decimal(achieved) / high_rate), math.floor(Decimal(achieved) / low_rate)


def _implied_ranges(table: JobTargetTable, printed: dict[str, Decimal]) -> None:
    missing = [row for row in table.groups if row.target.target is None and not row.unset]
    if not missing:
        return
    ranges: dict[int, tuple[int, int]] = {}
    for row in missing:
        rate = printed.get(row.target.target_group)
        if row.achieved is not None and rate is not None:
            bounds = _rate_range(row.achieved, rate)
            if bounds:
                ranges[row.target.pk] = bounds
    total = table.total_target
    known = sum(row.target.target for row in table.groups if row.target.target is not None)
    if total is not None and len(ranges) == len(missing):
        remaining = total - known
        for row in missing:
            others = [ranges[o.target.pk] for o in missing if o is not row]
            low = max(ranges[row.target.pk][0], remaining - sum(high for _, high in others))
            high = min(ranges[row.target.pk][1], remaining - sum(low for low, _ in others))
            ranges[row.target.pk] = (low, high)
    elif total is not None and len(missing) == 1:
        ranges[missing[0].target.pk] = (total - known, total - known)
    for row in missing:
        row.implied_range = ranges.get(row.target.pk)


def _attach_parts(groups: list[JobRow], parts: list[JobRow], *, year: int) -> None:
    """Hang each programme row under its group. A group with no figure of its own shows the sum of its parts;
    a group with parts but no target row of the year appears, marked as having no target."""
    by_group = {row.target.target_group: row for row in groups}
    for part in parts:
        group = by_group.get(part.target.target_group)
        if group is None:
            group = JobRow(
                target=JobTarget(year=year, target_group=part.target.target_group), achieved=None, achieved_as_of=None
            )
            group.unset = True
            by_group[part.target.target_group] = group
            groups.append(group)
        group.parts.append(part)
    for group in by_group.values():
        counted = [p for p in group.parts if p.achieved is not None]
        if group.achieved is None and counted:
            group.achieved = sum(p.achieved for p in counted)
            group.achieved_as_of = max(p.achieved_as_of for p in counted)
            group.achieved_first_as_of = min(p.achieved_as_of for p in counted)
            group.from_parts = True


def job_target_table(*, user, year: int, as_of: date) -> JobTargetTable:
    require(access_office_figures_view(user))
    everything = list(JobTarget.objects.filter(year=year).select_related("programme").order_by("order", "pk"))
    targets = [t for t in everything if t.programme_id is None]
    latest: dict[int, tuple[date, int]] = {}
    for target_id, day, achieved in (
        JobAchievement.objects.filter(job_target__in=everything, as_of__lte=as_of)
        .order_by("as_of")
        .values_list("job_target_id", "as_of", "achieved")
    ):
        latest[target_id] = (day, achieved)

    def row(target: JobTarget) -> JobRow:
        day, achieved = latest.get(target.pk, (None, None))
        return JobRow(target=target, achieved=achieved, achieved_as_of=day)

    group_order = {value: index for index, value in enumerate(TargetGroup.values)}
    groups = sorted(
        (row(t) for t in targets if t.target_group and not t.kind), key=lambda r: group_order[r.target.target_group]
    )
    kinds = [row(t) for t in targets if t.kind and not t.target_group]
    _attach_parts(groups, [row(t) for t in everything if t.programme_id is not None], year=year)
    groups.sort(key=lambda r: group_order[r.target.target_group])
    table = JobTargetTable(year=year, as_of=as_of, groups=groups, kinds=kinds)
    printed = dict(
        ReportedFigure.objects.filter(series="jobs.rate", year=year, as_of__lte=as_of).values_list("subject", "value")
    )
    _implied_ranges(table, printed)
    for row in [*groups, *kinds]:
        if row.achievement_rate is None:
            row.reported_rate = printed.get(row.target.target_group or row.target.kind)
    return table


def job_target_totals(*, user, year: int, as_of: date) -> JobTargetTable:
    """job_target_table's group and kind rows without the programme rows (`parts` stay empty): every target of the
    year read as values with its latest achievement on or before as_of (one query), the programme rows summed by
    group in Python. A group with no figure of its own shows the sum of its programmes', a group with programme
    rows but no target row of the year appears with no target (unset), as in job_target_table."""
    require(access_office_figures_view(user))
    latest = JobAchievement.objects.filter(job_target=OuterRef("pk"), as_of__lte=as_of).order_by("-as_of")
    targets = (
        JobTarget.objects.filter(year=year)
        .annotate(achieved=Subquery(latest.values("achieved")[:1]), achieved_as_of=Subquery(latest.values("as_of")[:1]))
        .order_by("order", "pk")
        .values_list("pk", "target_group", "kind", "programme_id", "target", "budget", "achieved", "achieved_as_of")
    )
    groups: dict[str, JobRow] = {}
    kinds: list[JobRow] = []
    parts: dict[str, list[tuple[int | None, date | None]]] = {}
    for pk, group, kind, programme_id, target, budget, achieved, day in targets:
        if programme_id is not None:
            parts.setdefault(group, []).append((achieved, day))
            continue
        job = JobTarget(pk=pk, year=year, target_group=group, kind=kind, target=target, budget=budget)
        row = JobRow(target=job, achieved=achieved, achieved_as_of=day)
        if group and not kind:
            groups[group] = row
        elif kind and not group:
            kinds.append(row)
    for group, counted in parts.items():
        row = groups.get(group)
        if row is None:
            row = JobRow(target=JobTarget(year=year, target_group=group), achieved=None, achieved_as_of=None)
            row.unset = True
            groups[group] = row
        counted = [(achieved, day) for achieved, day in counted if achieved is not None]
        if row.achieved is None and counted:
            row.achieved = sum(achieved for achieved, _ in counted)
            row.achieved_as_of = max(day for _, day in counted)
            row.achieved_first_as_of = min(day for _, day in counted)
            row.from_parts = True
    group_order = {value: index for index, value in enumerate(TargetGroup.values)}
    ordered = sorted(groups.values(), key=lambda r: group_order.get(r.target.target_group, len(group_order)))
    return JobTargetTable(year=year, as_of=as_of, groups=ordered, kinds=kinds)


def validation_result_list(
    *, user, year: int, area: str | None = None, failed_only: bool = False
) -> list[ValidationResult]:
    """The year's results, violations first, then the checks a missing value made impossible, then the passes."""
    require(access_office_figures_view(user))
    rank = Case(
        *(When(outcome=outcome, then=Value(index)) for index, outcome in enumerate(wording.OUTCOME_ORDER)),
        output_field=IntegerField(),
    )
    results = ValidationResult.objects.filter(year=year).select_related("rule").annotate(rank=rank)
    if area:
        results = results.filter(rule__area=area)
    if failed_only:
        results = results.filter(outcome=ValidationResult.Outcome.FAILED)
    return list(results.order_by("rank", "rule__area", "rule__code", "subject"))


def validation_result_rows(
    *, user, year: int, area: str | None = None, violations_only: bool = False
) -> list[wording.ResultText]:
    results = validation_result_list(user=user, year=year, area=area, failed_only=violations_only)
    if not results:
        return []
    labels = wording.Labels.load()
    return [wording.result_text(result, labels) for result in results]


def validation_rule_list(*, user) -> list[ValidationRule]:
    require(access_office_figures_view(user))
    return list(ValidationRule.objects.all())


@dataclass(frozen=True)
class RuleRow:
    rule: ValidationRule
    sentence: str
    tolerance: str


def validation_rule_rows(*, user) -> list[RuleRow]:
    labels = wording.Labels.load()
    return [
        RuleRow(rule=rule, sentence=labels.rule(rule), tolerance=wording.tolerance_text(rule))
        for rule in validation_rule_list(user=user)
    ]


def programme_figure_list(*, user, year: int) -> list[ProgrammeFigure]:
    require(access_office_figures_view(user))
    return list(
        ProgrammeFigure.objects.filter(year=year).select_related("programme").order_by("programme__code", "key")
    )


JOB_COLUMNS = [
    Column("year", "연도", "int", figure=YEAR),
    Column("key", "구분코드"),
    Column("label", "구분", editable=False, required=False),
    Column("target", "목표(개)", "int", editable=False, required=False),
    Column("as_of", "기준일", "date"),
    Column("achieved", "실적(개)", "int", figure=COUNT),
]

INDICATOR_COLUMNS = [
    Column("code", "코드"),
    Column("name", "지표명", editable=False, required=False),
    Column("unit", "단위", editable=False, required=False),
    Column("year", "연도", "int", figure=YEAR),
    Column("kind", "구분"),
    Column("as_of", "기준일", "date"),
    Column("value", "값", "decimal", required=False, figure=QUANTITY),  # a row whose 값 is blank is not read
]


def job_achievement_sheet(*, user, year: int, as_of: date) -> bytes:
    table = job_target_table(user=user, year=year, as_of=as_of)
    rows = [
        {
            "year": year,
            "key": row.target.target_group or row.target.kind,
            "label": row.label,
            "target": row.target.target,
            "as_of": as_of,
            "achieved": row.achieved,
        }
        for row in [*table.groups, *table.kinds]
    ]
    return xlsx_table(title="일자리 실적", columns=JOB_COLUMNS, rows=rows)


def indicator_value_sheet(*, user, year: int, as_of: date) -> bytes:
    rows = []
    for row in indicator_table(user=user, years=[year], as_of=as_of):
        if row.indicator.is_formula:
            continue
        cell = row.cells[year]
        for kind, label in (("target", "목표"), ("actual", "실적")):
            rows.append(
                {
                    "code": row.indicator.code,
                    "name": row.indicator.name,
                    "unit": row.indicator.unit,
                    "year": year,
                    "kind": label,
                    "as_of": as_of,
                    "value": getattr(cell, kind),
                }
            )
    return xlsx_table(
        title="정책지표",
        columns=INDICATOR_COLUMNS,
        rows=rows,
        note="값이 빈 행은 읽지 않습니다. 회색 열은 참고용입니다.",
    )


def job_achievement_newest_as_of(year: int | None) -> date | None:
    achievements = JobAchievement.objects.all()
    if year is not None:
        achievements = achievements.filter(job_target__year=year)
    return achievements.aggregate(d=Max("as_of"))["d"]


# the definitions' reads (indicator values, uses and sheet; job-target rows and sheet; rules and their preview)
from iljari.performance.selectors.definitions import (  # noqa: E402, F401
    DEFINITION_COLUMNS,
    JOB_TARGET_COLUMNS,
    IndicatorUses,
    indicator_definition_sheet,
    indicator_uses,
    indicator_value_list,
    job_target_get,
    job_target_list,
    job_target_locked_from,
    job_target_sheet,
    locked_month_of,
    validation_rule_get,
    validation_rule_preview,
)

# the report's counts beside the records (보고서 수치와 기록)
from iljari.performance.selectors.records import (  # noqa: E402, F401
    RecordFigureTable,
    record_figure_programmes,
    record_figure_sheet,
    record_figure_table,
)
