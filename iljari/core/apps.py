from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "iljari.core"
    label = "core"
    verbose_name = "공통"

    def ready(self) -> None:
        from iljari.core import history

        history.register_core_models()
