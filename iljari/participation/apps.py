from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "iljari.participation"
    label = "participation"
    verbose_name = "참여 관리"

    def ready(self) -> None:
        # imported here: models and the modules that use them load only once the app registry is ready
        from iljari.core.history import track
        from iljari.participation import models

        for model in (
            models.LivingWage,
            models.PublicHoliday,
            models.ProgrammeTerms,
            models.Worksite,
            models.Placement,
            models.WorkRecord,
            models.Payment,
            models.PayConfirmation,
            models.EmploymentOutcome,
            models.TrainingInstitute,
            models.TrainingCourse,
            models.Enrolment,
            models.AttendanceMonth,
            models.TrainingDeposit,
        ):
            track(model)

        from iljari.intake.checks import DIRECT_JOB_OVERLAP, person_check_register
        from iljari.participation.selectors import direct_job_busy_person_ids

        person_check_register(DIRECT_JOB_OVERLAP, direct_job_busy_person_ids)

        from iljari.participation import approval_acts, retention

        approval_acts.register_acts()

        retention.register()

        from iljari.core.holidays import holiday_source_register
        from iljari.participation.selectors import public_holidays_between

        holiday_source_register("participation", public_holidays_between)

        from iljari.core.worklist import worklist_register
        from iljari.participation.worklist import participation_work_items

        worklist_register("participation", participation_work_items)

        from iljari.participation import record_figures

        record_figures.register()  # the report's counts from these records (performance.record_figures)
