from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "iljari.reports"
    label = "reports"
    verbose_name = "보고서"

    def ready(self) -> None:
        from iljari.core.jobs import job_kind_register

        job_kind_register("report", repeatable=True)  # builds a file in memory, writes nothing until it is done
