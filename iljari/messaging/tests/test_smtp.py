"""E-mail through Django's SMTP backend to a real SMTP server the test starts (aiosmtpd), read as it was received;
and a server that refuses, whose error the message keeps."""

from __future__ import annotations

import email
import socket
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler

from iljari.messaging.models import Channel, Message
from iljari.messaging.services import message_deliver, message_send
from iljari.messaging.tests.factories import reachable_person


class Inbox(MessageHandler):
    def __init__(self):
        super().__init__(message_class=email.message.EmailMessage)
        self.received = []

    def handle_message(self, message):
        self.received.append(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()


def test_the_receipt_arrives_at_the_smtp_server_in_korean(org, smtp_server, django_capture_on_commit_callbacks):
    person = reachable_person(name="최메일", email="choi@example.com", phone="")
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            to=person,
            template="application_submitted",
            context={"call": "2018 서울형 뉴딜일자리", "at": "2018-05-14 10:00", "number": 42},
        )
    message.refresh_from_db()
    assert (message.channel, message.status, message.attempts) == (Channel.EMAIL, Message.Status.SENT, 1)
    assert len(smtp_server.received) == 1
    received = email.message_from_bytes(smtp_server.received[0].as_bytes(), policy=default)
    assert received["To"] == "choi@example.com"
    assert received["Subject"] == "[일자리] 신청 접수 안내"
    body = received.get_body().get_content()
    assert "최메일님, 2018 서울형 뉴딜일자리 신청이 2018-05-14 10:00에 접수되었습니다." in body
    assert "접수번호: 42" in body


def test_an_unreachable_server_keeps_the_error_and_queues_a_retry(org, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _free_port(), 2  # nobody listens
    person = reachable_person(email="nobody@example.com", phone="")
    message = message_send(to=person, template="booking_cancelled", context={"room": "홀", "day": "", "hours": ""})
    message = message_deliver(message.pk)
    assert (message.status, message.attempts) == (Message.Status.QUEUED, 1)
    assert message.last_error.startswith("ConnectionRefusedError")
