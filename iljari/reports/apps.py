from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "iljari.reports"
    label = "reports"
    verbose_name = "보고서"

    def ready(self) -> None:
        from iljari.core.jobs import job_kind_register

        job_kind_register("report", repeatable=True)  # builds a file in memory, writes nothing until it is done

        from iljari.core.documents import DocumentFile, document_maker_register
        from iljari.reports.files import report_file

        def make(**request) -> DocumentFile:
            made = report_file(**request)
            return DocumentFile(name=made.name, content_type=made.content_type, data=made.data)

        document_maker_register(make)  # fund's notice batch ends with its notices as one PDF
