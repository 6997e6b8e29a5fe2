from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "iljari.performance"
    label = "performance"
    verbose_name = "성과"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.performance import models

        for model in (
            models.Indicator,
            models.IndicatorValue,
            models.JobTarget,
            models.JobAchievement,
            models.ReportedFigure,
            models.ValidationRule,
        ):
            track(model)
