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
            models.SubProject,
            models.SubProjectTranche,
            models.Scholarship,
            models.FoundationImport,
        ):
            track(model)
        # a student's identity is personal data: its change is not copied into the history (state, amounts, the
        # duplicate check and its decision are)
        track(
            models.ScholarshipRecipient,
            exclude=("name", "name_key", "school_key", "parent_name", "parent_workplace", "birth_date"),
        )

        from iljari.core.worklist import worklist_register
        from iljari.grants.worklist import grants_work_items

        worklist_register("grants", grants_work_items)

        from iljari.grants import approval_acts

        approval_acts.register_acts()

        from iljari.grants.union_figures import union_figures_register

        union_figures_register()

        from iljari.core.accesslog import access_log_subject_register
        from iljari.grants.union_views import recipient_subjects_describe

        access_log_subject_register(
            "grants.scholarship_recipient", label="장학금 대상 학생", describe=recipient_subjects_describe
        )

        from iljari.grants import union_retention

        union_retention.register()
        from iljari.grants import record_figures

        record_figures.register()  # the report's counts from these records (performance.record_figures)
        from iljari.grants import committee_subjects

        committee_subjects.register()  # decisions of the evaluation committee and the SIB committee
