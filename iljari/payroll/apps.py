from django.apps import AppConfig


class PayrollConfig(AppConfig):
    name = "iljari.payroll"
    label = "payroll"
    verbose_name = "급여 공제"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.payroll import models

        for model in (models.InsuranceRate, models.IncomeTaxRule, models.PayDeduction):
            track(model)
        track(models.TransferBatch)
        track(models.TransferLine)

        from iljari.participation.pay_extras import pay_extra_register
        from iljari.payroll.selectors import worksite_pay_extra

        pay_extra_register(worksite_pay_extra)
