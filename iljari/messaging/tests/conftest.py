import pytest


@pytest.fixture(autouse=True)
def _message_senders(settings):
    """E-mail to Django's memory outbox, 알림톡 to the memory sender (SMS is the project's memory sender already)."""
    from iljari.messaging.channels import MemoryAlimtalkSender

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ILJARI_ALIMTALK_SENDER = "iljari.messaging.channels.MemoryAlimtalkSender"
    settings.ILJARI_MESSAGE_MAX_ATTEMPTS = 3
    settings.ILJARI_SMS_QUIET_HOURS = False  # a test's result must not hang on the hour it runs at: quiet-hour tests
    # turn it on and pass their clock (`now=`)
    MemoryAlimtalkSender.outbox.clear()
    return MemoryAlimtalkSender.outbox
