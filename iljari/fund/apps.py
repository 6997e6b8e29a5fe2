from django.apps import AppConfig

from iljari.core.period import period_as_of_register


class FundConfig(AppConfig):
    name = "iljari.fund"
    label = "fund"
    verbose_name = "사회투자기금"

    def ready(self) -> None:
        # deferred: models (and what imports them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.fund import models
        from iljari.fund.selectors import fund_newest_day

        # the fund's pages open at its newest ledger day; not one of the office's figures pages' sources
        period_as_of_register("fund", fund_newest_day, label="사회투자기금", office_figures=False)

        for model in (
            models.Agreement,
            models.Loan,
            models.ScheduleVersion,
            models.Repayment,
            models.LedgerEntry,
            models.DefermentRequest,
            models.Notice,
            models.YearPlan,
            models.Investment,
        ):
            track(model)

        from iljari.core.jobs import job_kind_register

        job_kind_register("fund_notices", repeatable=True)  # one insert at its end; noticed loans are skipped

        from iljari.core.worklist import worklist_register
        from iljari.fund.worklist import fund_work_items

        worklist_register("fund", fund_work_items)

        from iljari.fund import approval_acts

        approval_acts.register_acts()

        from iljari.fund import record_figures

        record_figures.register()  # the report's counts from these records (performance.record_figures)
        from iljari.fund import committee

        committee.register()  # the deferment request, decided by the fund's committee (committees.subjects)
