from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "iljari.core"
    label = "core"
    verbose_name = "공통"

    def ready(self) -> None:
        # deferred: history and keys import models, which load only once the app registry is ready
        from iljari.core import history, keys  # noqa: F401 — keys: forget derived keys when settings change
        from iljari.core.worklist import worklist_register
        from iljari.core.worklist_items import core_work_items

        history.register_core_models()
        worklist_register("core", core_work_items)
