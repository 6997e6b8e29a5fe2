from django.apps import AppConfig

from iljari.core.period import period_years_register


class PlanConfig(AppConfig):
    name = "iljari.plan"
    label = "plan"
    verbose_name = "비전·주요업무"

    def ready(self) -> None:
        # deferred: models (and the modules that import them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.plan.models import (
            CoreTask,
            Milestone,
            Objective,
            Programme,
            ProgrammeBlock,
            ProgrammeBlockCell,
            ProgrammeFact,
            Vision,
        )
        from iljari.plan.selectors import plan_years

        period_years_register(plan_years)
        for model in (Vision, Objective, CoreTask, ProgrammeFact, Milestone, ProgrammeBlock, ProgrammeBlockCell):
            track(model)
        track(Programme, m2m=("budget_lines",))
