from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "iljari.messaging"
    label = "messaging"
    verbose_name = "알림"

    def ready(self) -> None:
        # deferred: models and what reads them load once the app registry is ready
        from iljari.approvals.services import approval_listener_register
        from iljari.core.history import track
        from iljari.messaging.listeners import approval_next_tell
        from iljari.messaging.models import ChannelConsent

        track(ChannelConsent)
        approval_listener_register(approval_next_tell)

        from iljari.messaging.retention import register

        register()
