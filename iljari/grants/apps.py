from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "iljari.grants"
    label = "grants"
    verbose_name = "보조금"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.grants.models import agreements

        for model in (
            agreements.GrantProgramme,
            agreements.GrantAgreement,
            agreements.Disbursement,
            agreements.SpendingReport,
            agreements.SpendingItem,
            agreements.Settlement,
            agreements.Evaluation,
            agreements.Payroll,
        ):
            track(model)
