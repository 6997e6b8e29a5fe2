from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "iljari.finance"
    label = "finance"
    verbose_name = "인력·예산"

    def ready(self) -> None:
        from iljari.core.period import period_as_of_register
        from iljari.finance.selectors import budget_newest_as_of

        period_as_of_register(budget_newest_as_of)
        from iljari.core.history import track
        from iljari.finance.models import BudgetLine, BudgetMovement, BudgetSnapshot, StaffingQuota

        track(StaffingQuota)
        track(BudgetLine)
        track(BudgetSnapshot)
        track(BudgetMovement)
