from django.apps import AppConfig

from iljari.core.period import period_as_of_register


class FinanceConfig(AppConfig):
    name = "iljari.finance"
    label = "finance"
    verbose_name = "인력·예산"

    def ready(self) -> None:
        # deferred: models (and the modules that import them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.core.years import year_step_register
        from iljari.finance import year_opening
        from iljari.finance.models import BudgetLine, BudgetMovement, BudgetSnapshot, StaffingQuota
        from iljari.finance.selectors import budget_newest_as_of

        period_as_of_register("budget", budget_newest_as_of, label="예산 집행")
        track(StaffingQuota)
        track(BudgetLine)
        track(BudgetSnapshot)
        track(BudgetMovement)
        year_step_register(
            "finance", label="예산 사업", preview=year_opening.preview, open=year_opening.open_year, after=()
        )
