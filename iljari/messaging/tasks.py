"""Background tasks of messaging (django-tasks): delivering queued messages, a batch of ids per task."""

from __future__ import annotations

from django_tasks import task

from iljari.messaging.services import message_deliver


@task()
def messages_deliver_task(*, message_ids: list[int]) -> None:
    for pk in message_ids:
        message_deliver(pk)
