from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "iljari.enterprises"
    label = "enterprises"
    verbose_name = "기업·단체"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.enterprises import models

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

        from iljari.enterprises import retention

        retention.register()
