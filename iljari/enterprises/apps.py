from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "iljari.enterprises"
    label = "enterprises"
    verbose_name = "기업·단체"

    def ready(self) -> None:
        # deferred: models (and what imports them) load only once the app registry is ready
        from iljari.core.history import track
        from iljari.enterprises import models, retention

        for model in (
            models.Organisation,
            models.Certification,
            models.SupportRecord,
            models.PlatformArticle,
            models.PlatformReview,
            models.ProcurementTarget,
            models.Purchase,
        ):
            track(model)
        retention.register()

        from iljari.enterprises import record_figures

        record_figures.register()  # the report's counts from these records (performance.record_figures)
