from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "iljari.org"
    label = "org"
    verbose_name = "조직"

    def ready(self) -> None:
        # deferred: models load only once the app registry is ready
        from iljari.core.history import track
        from iljari.org.models import District, OrgUnit, Partner

        track(OrgUnit)
        track(District)
        track(Partner)
