from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "iljari.grants"
    label = "grants"
    verbose_name = "보조금·협력사업"

    def ready(self) -> None:
        # deferred: models (and what imports them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.grants import models

        for model in (
            models.GrantProgramme,
            models.GrantAgreement,
            models.Disbursement,
            models.SpendingReport,
            models.SpendingItem,
            models.Settlement,
            models.Evaluation,
            models.Payroll,
            models.DistrictProject,
            models.DistrictProjectJobs,
            models.DistrictMonitoring,
            models.DistrictMonitoringJobs,
            models.DistrictReview,
            models.DistrictDecision,
            models.EcosystemSupport,
            models.EcosystemTranche,
            models.OutcomeContract,
            models.Investor,
            models.OutcomeMetric,
            models.OutcomeEvaluation,
            models.MetricResult,
            models.OutcomePayment,
            models.PaymentShare,
        ):
            track(model)

        from iljari.core.worklist import worklist_register
        from iljari.grants.worklist import grants_work_items

        worklist_register("grants", grants_work_items)

        from iljari.grants import approval_acts

        approval_acts.register_acts()

        from iljari.grants import committee_subjects

        committee_subjects.register()  # decisions of the evaluation committee and the SIB committee
