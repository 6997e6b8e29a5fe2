from django.apps import AppConfig


class FundConfig(AppConfig):
    name = "iljari.fund"
    label = "fund"
    verbose_name = "사회투자기금"

    def ready(self) -> None:
        # deferred: models (and what imports them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.fund import models

        for model in (
            models.Agreement,
            models.Loan,
            models.ScheduleVersion,
            models.Repayment,
            models.LedgerEntry,
            models.CommitteeMeeting,
            models.DefermentRequest,
            models.Notice,
            models.YearPlan,
            models.Investment,
        ):
            track(model)

        from iljari.core.jobs import job_kind_register

        job_kind_register("fund_notices", repeatable=True)  # one insert at its end; noticed loans are skipped
