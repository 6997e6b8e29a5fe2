from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "iljari.approvals"
    label = "approvals"
    verbose_name = "결재"

    def ready(self) -> None:
        # deferred: models and what reads them load once the app registry is ready
        from iljari.approvals.models import ApprovalRequest, ApprovalStep, DelegationRule
        from iljari.core.history import track

        for model in (ApprovalRequest, ApprovalStep, DelegationRule):
            track(model)

        from iljari.approvals.month_close import register_month_close

        register_month_close()

        from iljari.approvals.worklist import approvals_work
        from iljari.core.worklist import worklist_register

        worklist_register("approvals", approvals_work)
