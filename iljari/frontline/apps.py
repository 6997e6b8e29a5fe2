from django.apps import AppConfig


class FrontlineConfig(AppConfig):
    name = "iljari.frontline"
    label = "frontline"
    verbose_name = "현장 서비스"

    def ready(self) -> None:
        # deferred: models and what imports them load only once the app registry is ready
        from iljari.core.history import track
        from iljari.frontline import models, retention

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
            models.SuitItem,
            models.SuitRental,
        ):
            track(model)
        # A consultation's and a follow-up's notes are private to the service point: never in the change history.
        track(models.Consultation, exclude=("notes",))
        track(models.FollowUp, exclude=("note",))
        retention.register()

        from iljari.core.worklist import worklist_register
        from iljari.frontline import record_figures
        from iljari.frontline.worklist import suit_work_items

        record_figures.register()
        worklist_register("frontline_suits", suit_work_items)
