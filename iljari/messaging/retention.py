"""Retention of the outbox (core.retention): a message's recipient, address and text are personal data, kept 1 year
by default from the day it was written (the rule is set on 보유기간·파기); then they are destroyed and the row stays
for the counts (its kind, channel, status and dates)."""

from __future__ import annotations

from iljari.core.retention import Destroyed, retention_kind_register
from iljari.messaging.models import Message

CHUNK = 2000
DESTROYED = "(파기)"


def messages_destroy(*, cutoff, now) -> Destroyed:
    ids = list(
        Message.objects.filter(created_at__lt=cutoff)
        .exclude(recipient_name=DESTROYED)
        .exclude(status=Message.Status.QUEUED)  # a message still waiting to go is not destroyed under it
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        Message.objects.filter(pk__in=ids[start : start + CHUNK]).update(
            person=None, user=None, recipient_name=DESTROYED, address="", body="", last_error="", updated_at=now
        )
    return Destroyed(record_ids=ids)


def register() -> None:
    retention_kind_register(
        "messaging.message",
        label="보낸 알림",
        default_years=1,
        basis="알림을 쓴 날부터",
        method="받는 사람·연락처·내용 삭제(알림 종류·수단·상태·일시는 통계용으로 남김)",
        destroy=messages_destroy,
    )
