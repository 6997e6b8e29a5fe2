"""Text messages (문자): one small interface, the implementation named by the setting ILJARI_SMS_SENDER.

A sender is any class whose instances have `send(phone: str, text: str) -> None` and raise on failure. Shipped:
- ConsoleSmsSender: development. Prints the message to standard output, as Django's console e-mail backend
  does; never through `logging`, so a one-time code can never reach a log file.
- MemorySmsSender: tests. Appends to `MemorySmsSender.outbox` (the `sms_outbox` fixture clears it).
A real gateway (통신사 문자 중계, a bulk-SMS contract) is a class with the same method, named in SMS_SENDER. The
production profile refuses the two development senders unless ALLOW_CONSOLE_SMS=1 (iljari/settings.py).

Contract:
- sms_sender() -> SmsSender      the configured sender, or None when text messages are turned off (SMS_SENDER="")
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

DEVELOPMENT_SENDERS = frozenset({"iljari.core.sms.ConsoleSmsSender", "iljari.core.sms.MemorySmsSender"})


class SmsSender(Protocol):
    def send(self, phone: str, text: str) -> None: ...


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


class ConsoleSmsSender:
    """Development: the message on standard output (the terminal running `iljari runserver`)."""

    def send(self, phone: str, text: str) -> None:
        stream = sys.stdout
        stream.write(
            f"--- 문자 메시지 (개발용 콘솔 발송, {timezone.localtime():%Y-%m-%d %H:%M:%S}) ---\n"
            f"받는 번호: {phone}\n{text}\n{'-' * 40}\n"
        )
        stream.flush()


class MemorySmsSender:
    """Tests: every message kept in a list, like Django's locmem e-mail outbox."""

    outbox: list[SmsMessage] = []

    def send(self, phone: str, text: str) -> None:
        type(self).outbox.append(SmsMessage(phone=phone, text=text))


def sms_sender() -> SmsSender | None:
    path = settings.ILJARI_SMS_SENDER
    if not path:
        return None
    return import_string(path)()
