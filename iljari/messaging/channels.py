"""The channels a message goes by, each a sender class with one method, `send(message) -> None`, raising on failure.

- SMS (문자): through core.sms (settings.ILJARI_SMS_SENDER: console in development, memory in tests, a gateway's
  class in production); `send(phone, text)`.
- 전자우편: through Django's e-mail backends (settings.EMAIL_BACKEND: console, locmem, SMTP).
- 알림톡 (KakaoTalk business notices): a sender class named by settings.ILJARI_ALIMTALK_SENDER with the same
  `send(phone, text)` as SMS; shipped are the console and memory senders, like core.sms. "" turns it off.

Each sends the subject as its first line and the body below it.

Contract:
- channel_sender(channel) -> sender                   the channel's sender (SmsChannel, EmailChannel, AlimtalkChannel)
- channel_available(channel) -> bool                  False when the channel is turned off by its setting
- ChannelUnavailable                                  raised when a message's channel is off (the send fails)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.module_loading import import_string

from iljari.core.sms import sms_sender
from iljari.messaging.models import Channel


class ChannelUnavailable(Exception):
    pass


@dataclass(frozen=True)
class AlimtalkMessage:
    phone: str
    text: str


class ConsoleAlimtalkSender:
    """Development: the notice on standard output (never through logging)."""

    def send(self, phone: str, text: str) -> None:
        sys.stdout.write(
            f"--- 알림톡 (개발용 콘솔 발송, {timezone.localtime():%Y-%m-%d %H:%M:%S}) ---\n"
            f"받는 번호: {phone}\n{text}\n{'-' * 40}\n"
        )
        sys.stdout.flush()


class MemoryAlimtalkSender:
    """Tests: every notice kept in a list."""

    outbox: list[AlimtalkMessage] = []

    def send(self, phone: str, text: str) -> None:
        type(self).outbox.append(AlimtalkMessage(phone=phone, text=text))


class SmsChannel:
    def send(self, message) -> None:
        sender = sms_sender()
        if sender is None:
            raise ChannelUnavailable("문자 발송이 꺼져 있습니다.")
        sender.send(message.address, f"{message.subject}\n{message.body}")


class EmailChannel:
    def send(self, message) -> None:
        EmailMessage(
            subject=message.subject, body=message.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[message.address]
        ).send(fail_silently=False)


class AlimtalkChannel:
    def send(self, message) -> None:
        path = settings.ILJARI_ALIMTALK_SENDER
        if not path:
            raise ChannelUnavailable("알림톡 발송이 꺼져 있습니다.")
        import_string(path)().send(message.address, f"{message.subject}\n{message.body}")


SENDERS = {Channel.SMS: SmsChannel, Channel.EMAIL: EmailChannel, Channel.ALIMTALK: AlimtalkChannel}


def channel_available(channel: str) -> bool:
    if channel == Channel.SMS:
        return bool(settings.ILJARI_SMS_SENDER)
    if channel == Channel.ALIMTALK:
        return bool(settings.ILJARI_ALIMTALK_SENDER)
    return True


def channel_sender(channel: str):
    return SENDERS[Channel(channel)]()
