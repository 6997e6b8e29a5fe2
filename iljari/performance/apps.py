from django.apps import AppConfig

from iljari.core.period import period_as_of_register


class PerformanceConfig(AppConfig):
    name = "iljari.performance"
    label = "performance"
    verbose_name = "성과"

    def ready(self) -> None:
        # deferred: models (and the modules that import them) load only once the app registry is ready
        from iljari.core.history import history_value_text_register, track
        from iljari.core.years import year_step_register
        from iljari.performance import models, year_opening
        from iljari.performance.selectors import job_achievement_newest_as_of

        period_as_of_register("jobs", job_achievement_newest_as_of, label="일자리 실적")
        for model in (
            models.Indicator,
            models.IndicatorValue,
            models.JobTarget,
            models.JobAchievement,
            models.ReportedFigure,
            models.ProgrammeFigure,
            models.ValidationRule,
        ):
            track(model)
        year_step_register(
            "performance",
            label="일자리 목표·정책지표",
            preview=year_opening.preview,
            open=year_opening.open_year,
            after=("plan",),
        )

        def series_text(expression: str) -> str:
            from iljari.performance.wording import Labels

            return Labels.load().side(expression)

        for name in ("left_series", "right_series", "whole_series"):  # the history names a rule's sides in Korean
            history_value_text_register(models.ValidationRule, name, series_text)
