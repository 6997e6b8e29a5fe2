from django.apps import AppConfig


class FrontlineConfig(AppConfig):
    name = "iljari.frontline"
    label = "frontline"
    verbose_name = "현장 서비스"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.frontline import models

        for model in (
            models.ServicePoint,
            models.Closure,
            models.ConsultationTopic,
            models.LabourCase,
            models.CaseStep,
            models.WorkplaceVisit,
            models.Room,
            models.Booking,
            models.Programme,
            models.ProgrammeSession,
            models.Registration,
            models.Shelter,
            models.ShelterDailyCount,
            models.Conversion,
            models.FixedTermScreening,
            models.WorkingHours,
            models.LabourCheck,
        ):
            track(model)
        # A consultation's and a follow-up's notes are private to the service point: never in the change history.
        track(models.Consultation, exclude=("notes",))
        track(models.FollowUp, exclude=("note",))

        from iljari.frontline import retention

        retention.register()
