from django.apps import AppConfig

from iljari.core.period import period_years_register


class PlanConfig(AppConfig):
    name = "iljari.plan"
    label = "plan"
    verbose_name = "비전·주요업무"

    def ready(self) -> None:
        # deferred: models (and the modules that import them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.core.worklist import worklist_register
        from iljari.core.years import year_step_register
        from iljari.plan import year_opening
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
        from iljari.plan.worklist import plan_work_items

        period_years_register(plan_years)
        worklist_register("plan", plan_work_items)
        for model in (Vision, Objective, CoreTask, ProgrammeFact, Milestone, ProgrammeBlock, ProgrammeBlockCell):
            track(model)
        # links set through the relation (a programme's page) are recorded on the programme; the year opening's
        # bulk-created link rows are recorded as rows of the link table
        track(Programme, m2m=("budget_lines",))
        track(Programme.budget_lines.through)
        year_step_register(
            "plan", label="비전·주요업무", preview=year_opening.preview, open=year_opening.open_year, after=("finance",)
        )
