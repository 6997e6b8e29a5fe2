from django.apps import AppConfig


class EntrustedConfig(AppConfig):
    name = "iljari.entrusted"
    label = "entrusted"
    verbose_name = "민간위탁"

    def ready(self) -> None:
        # deferred: models and what imports them load only once the app registry is ready
        from iljari.core.history import track
        from iljari.core.worklist import worklist_register
        from iljari.entrusted import models
        from iljari.entrusted.figures import figures_register
        from iljari.entrusted.worklist import entrusted_work_items

        for model in (models.Facility, models.Contract, models.YearBudget, models.Evaluation, models.RenewalStep):
            track(model)
        worklist_register("entrusted", entrusted_work_items)
        figures_register()

        from iljari.entrusted import committee

        committee.register()  # the 적격자심의위원회 step, decided by a committee (committees.subjects)
