from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "iljari.participation"
    label = "participation"
    verbose_name = "참여 관리"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.participation import models

        for model in (
            models.LivingWage,
            models.PublicHoliday,
            models.ProgrammeTerms,
            models.Worksite,
            models.Placement,
            models.WorkRecord,
            models.EmploymentOutcome,
        ):
            track(model)
