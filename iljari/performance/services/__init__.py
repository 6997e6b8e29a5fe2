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
from iljari.performance.services.imports import indicator_value_import, job_achievement_import
from iljari.performance.services.validation import RULE_FIELDS, ValidationRun, validation_rule_set, validation_run

__all__ = [
    "RULE_FIELDS",
    "ValidationRun",
    "indicator_actual_derive",
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
