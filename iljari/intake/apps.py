from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "iljari.intake"
    label = "intake"
    verbose_name = "모집·신청"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.intake.models import Application, Call, EligibilityRule, PriorityRule, Quota, SelectionRun

        for model in (Call, Quota, EligibilityRule, PriorityRule, Application, SelectionRun):
            track(model)

        from iljari.intake import retention

        retention.register()
