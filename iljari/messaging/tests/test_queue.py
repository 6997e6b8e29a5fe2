"""The real database task queue and worker (`iljari worker`): a message queued after the commit is delivered by the
worker; a failed attempt is queued again with `run_after` at its backoff."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from iljari.core.sms import MemorySmsSender
from iljari.messaging.models import Message
from iljari.messaging.services import message_send
from iljari.messaging.tests.factories import reachable_person


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_QUEUE = "db"


class _Down:
    def send(self, phone, text):
        raise TimeoutError("중계 서버 시간 초과")


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_a_queued_message(org, database_queue):
    from django_tasks_db.models import DBTaskResult

    message = message_send(to=reachable_person(), template="booking_cancelled", context={"room": "홀", "day": "",
                                                                                       "hours": ""})  # fmt: skip
    assert DBTaskResult.objects.count() == 1 and MemorySmsSender.outbox == []  # queued, not sent in the request
    call_command("worker", "--batch", verbosity=0)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and len(MemorySmsSender.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_attempt_is_queued_again_after_its_backoff(org, database_queue, settings):
    from django_tasks_db.models import DBTaskResult

    settings.ILJARI_SMS_SENDER = "iljari.messaging.tests.test_queue._Down"
    settings.ILJARI_MESSAGE_RETRY_SECONDS = 600
    message = message_send(to=reachable_person(), template="booking_cancelled", context={"room": "홀", "day": "",
                                                                                       "hours": ""})  # fmt: skip
    call_command("worker", "--batch", verbosity=0)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.QUEUED, 1)
    assert message.last_error == "TimeoutError: 중계 서버 시간 초과"
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after == message.send_after
    assert timedelta(seconds=590) < message.send_after - timezone.now() <= timedelta(seconds=600)
