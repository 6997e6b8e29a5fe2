from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "iljari.org"
    label = "org"
    verbose_name = "조직"

    def ready(self) -> None:
        from iljari.core.history import track
        from iljari.org.models import District, OrgUnit, Partner

        track(OrgUnit)
        track(District)
        track(Partner)
