from django.apps import AppConfig


class FrontlineConfig(AppConfig):
    name = "iljari.frontline"
    label = "frontline"
    verbose_name = "현장 서비스"

    def ready(self) -> None:
        # deferred: models and what imports them load only once the app registry is ready
        from iljari.core.history import track
        from iljari.frontline import models, retention
        from iljari.frontline.figures_events import events_register

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
        events_register()
        from iljari.frontline import record_figures

        record_figures.register()  # the report's counts from these records (performance.record_figures)

        from iljari.frontline import committee

        committee.register()  # the pre-screening request, decided by the 사전심사위원회 (committees.subjects)

        from iljari.core.worklist import worklist_register
        from iljari.frontline.worklist import suit_work_items

        worklist_register("frontline_suits", suit_work_items)

        from iljari.frontline import point_figures

        point_figures.register()  # the social economy's centres' counts (performance.record_figures)
