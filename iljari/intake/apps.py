from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "iljari.intake"
    label = "intake"
    verbose_name = "모집·신청"

    def ready(self) -> None:
        # deferred: models and what reads them load once the app registry is ready
        from iljari.core.history import track
        from iljari.intake.models import (
            Application,
            ApplicationDocument,
            Call,
            ConflictDeclaration,
            EligibilityRule,
            PriorityRule,
            Quota,
            ReviewCriterion,
            ReviewScore,
            SelectionRun,
        )

        for model in (
            Call,
            Quota,
            EligibilityRule,
            PriorityRule,
            Application,
            ApplicationDocument,
            SelectionRun,
            ReviewCriterion,
            ReviewScore,
            ConflictDeclaration,
        ):
            track(model)

        from iljari.intake import approval_acts, retention

        approval_acts.register_acts()

        retention.register()

        from iljari.core.jobs import job_kind_register

        for kind in ("eligibility", "selection", "import"):  # they write: never run twice on their own
            job_kind_register(kind, repeatable=False)

        from iljari.core.worklist import worklist_register
        from iljari.intake.worklist import intake_work_items

        worklist_register("intake", intake_work_items)

        from iljari.intake import record_figures

        record_figures.register()  # the report's counts from these records (performance.record_figures)
