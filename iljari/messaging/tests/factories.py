"""Test data of messaging: a person with a phone and an e-mail address, and clean sender outboxes."""

from __future__ import annotations

from iljari.messaging.channels import MemoryAlimtalkSender
from iljari.people.tests.factories import make_person


def reachable_person(**extra):
    return make_person(phone=extra.pop("phone", "010-1234-5678"), email=extra.pop("email", "hong@example.com"), **extra)


def clear_alimtalk():
    MemoryAlimtalkSender.outbox.clear()
    return MemoryAlimtalkSender.outbox
