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

        from iljari.participation.pay_checks import pay_confirm_check_register
        from iljari.payroll.services import deductions_current_check

        pay_confirm_check_register(deductions_current_check)
