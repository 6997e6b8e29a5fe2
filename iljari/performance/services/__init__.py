"""performance services — indicators, job targets and achievements, reported figures, validation.

Contract:
- indicator_set(*, actor, code, name, unit, objective, field_label, division, cumulative, order) -> Indicator
- indicator_create(*, actor, code, name, unit, objective=None, field_label="", division=None, cumulative=False,
      order=0, numerator=None, denominator=None, factor=1) -> Indicator          (office manager)
      a new code (A-Z, 0-9, -); a formula indicator = numerator ÷ denominator × factor, both sides plain indicators,
      never one whose denominator has a value of 0
- indicator_update(*, actor, indicator, **the same fields but code) -> Indicator (office manager)
      its unit, cumulative flag and formula stay while a signed-off month holds a value of it (or of its sides)
- indicator_retire(*, actor, indicator, on=None) -> Indicator   retired_on: no new values, not carried into a new year
- indicator_value_record(*, actor, indicator, year, kind, value, as_of) -> IndicatorValue
      monthly figure: actuals dated within their year; refused in a locked month; never negative. A target is set
      by the office manager (for any year, up to ten years ahead); an actual by staff of the indicator's division.
      A formula indicator takes no values; a retired one none from a person.
- indicator_definition_import(*, actor, data) -> int   the indicator sheet: one row per indicator × year with the
      definition and the year's target (all rows or nothing; office manager)
- job_target_set(*, actor, year, target_group="", kind="", programme_names="", target, budget, division, order)
      the office's own rows (no programme), created or replaced by (year, group, kind): the demo loader's
- job_target_create(*, actor, year, target_group="", kind="", programme=None, programme_names="", target=None,
      budget=None, division=None, order=0) -> JobTarget
- job_target_update(*, actor, job_target, **the same fields but year) -> JobTarget
- job_target_retire(*, actor, job_target, on=None) -> JobTarget
      the office manager any row, division staff their own division's (the row's division before and after);
      one row per year × group × kind × programme; target and budget never below zero; a programme of that year
      a row whose achievements a signed-off month holds keeps its group, kind, programme, target and budget
- job_target_import(*, actor, year, data) -> int   the year's job-target sheet (all rows or nothing)
- indicator_actual_derive(*, code, year, value, as_of) -> IndicatorValue | None
      an actual another module counted (공공구매액, 노동옴부즈만 상담건수), recorded by the system; None where the
      office has no indicator of that code
- job_achievement_derive(*, programme, year, target_group, achieved, as_of, kind="direct") -> JobAchievement
      an achievement another module counted (participation's placements), on the programme's own row
- job_achievement_record(*, actor, job_target, as_of, achieved) -> JobAchievement
- reported_figure_set(*, series, subject, year, as_of, value, source) -> ReportedFigure   (system only)
- programme_figure_set(*, actor, year, key, label, value, unit, source_text, source_page, programme=None,
      as_of=None) -> ProgrammeFigure      a figure printed in a programme's text, in its printed unit (office manager)
- validation_rule_set(*, actor, code, period=None, **fields) -> ValidationRule          (office manager)
- validation_rule_create(*, actor, code, period=None, **fields) -> ValidationRule   a new code, then as _set
- validation_rule_retire(*, actor, rule) -> ValidationRule   is_active off: left out of the next runs
      kind "compare" (a series against a series) or a figure rule over terms (`figure:<key>`, `<series>[<subject>]`,
      joined by + and -): "parts" (left = sum of the right's terms), "rate" (a printed rate = right ÷ whole, within
      the tolerance), "rounded" (a figure printed in 천개/억원 = the right side rounded to that unit); "formula": each
      side an expression (performance/expressions.py: names, numbers, + − × ÷, parentheses), refused when it names
      an unknown series or figure, divides by a series that can be zero, or by anything zero on the data of
      `period` (performance/formulas.py)
- validation_run(*, year, as_of) -> ValidationRun                          (stores the results; warns only)
      each result carries the unit to show its values in and a Korean explanation (performance/wording.py)
- job_achievement_import / indicator_value_import(*, actor, year, data) -> int   (xlsx; all rows or nothing)

`actor=None` is the system (demo loader, commands).
"""

from iljari.performance.services.definitions import (
    indicator_create,
    indicator_retire,
    indicator_update,
    job_target_create,
    job_target_retire,
    job_target_update,
)
from iljari.performance.services.figures import (
    indicator_actual_derive,
    indicator_set,
    indicator_value_record,
    job_achievement_derive,
    job_achievement_record,
    job_target_set,
    programme_figure_set,
    reported_figure_set,
)
from iljari.performance.services.imports import (
    indicator_definition_import,
    indicator_value_import,
    job_achievement_import,
    job_target_import,
)
from iljari.performance.services.validation import (
    RULE_FIELDS,
    ValidationRun,
    validation_rule_create,
    validation_rule_retire,
    validation_rule_set,
    validation_run,
)

__all__ = [
    "RULE_FIELDS",
    "ValidationRun",
    "indicator_actual_derive",
    "indicator_create",
    "indicator_definition_import",
    "indicator_retire",
    "indicator_update",
    "job_target_create",
    "job_target_import",
    "job_target_retire",
    "job_target_update",
    "validation_rule_create",
    "validation_rule_retire",
    "indicator_set",
    "indicator_value_import",
    "indicator_value_record",
    "job_achievement_derive",
    "job_achievement_import",
    "job_achievement_record",
    "job_target_set",
    "programme_figure_set",
    "reported_figure_set",
    "validation_rule_set",
    "validation_run",
]
