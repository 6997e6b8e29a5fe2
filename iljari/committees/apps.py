from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "iljari.committees"
    label = "committees"
    verbose_name = "위원회"

    def ready(self) -> None:
        # deferred: models load only once the app registry is ready
        from iljari.committees import figures, models
        from iljari.core.history import track

        for model in (
            models.Committee,
            models.Member,
            models.Meeting,
            models.AgendaItem,
            models.Decision,
            models.Attendance,
        ):
            track(model)
        figures.register()
