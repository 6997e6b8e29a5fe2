"""Reading messages (알림): the staff outbox, a message, a person's history, the citizen's own messages.

Contract:
- message_list(*, user, q="", status="", channel="", template="") -> QuerySet[Message]   the outbox (발송함):
      staff with access_messages_view; `q` a part of the recipient's name or of the subject
- message_get(*, user, pk) -> Message                     404 outside the gate
- person_message_list(*, user, person_id) -> QuerySet[Message]   a person's history (the participant page)
- organisation_message_list(*, user, organisation_id) -> QuerySet[Message]   sent to the organisation's contacts
- my_message_list(*, user) -> QuerySet[Message]           a citizen's own messages (sent to their person or account)
- my_consents(*, user) -> (Person | None, {channel: bool})  a citizen's 수신 동의
- message_counts(*, user) -> {status: count}              the outbox's totals by status
- related_with_message(*, template, model, ids) -> set[int]   the records already told by a message of `template`
- mask_address(address) -> str                            010-****-5678, h***@example.com
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from iljari.core.access import access_messages_view, access_own_messages, require
from iljari.core.errors import NotFound
from iljari.messaging.models import Message
from iljari.messaging.services import consents_of
from iljari.people.models import Person


def mask_address(address: str) -> str:
    text = address or ""
    if "@" in text:
        local, _, domain = text.partition("@")
        return f"{local[:1]}***@{domain}"
    digits = [c for c in text if c.isdecimal()]
    if len(digits) < 7:
        return "*" * len(text)
    shown_tail = 4
    out, seen = [], 0
    total = len(digits)
    for c in text:
        if c.isdecimal():
            seen += 1
            out.append(c if seen <= 3 or seen > total - shown_tail else "*")
        else:
            out.append(c)
    return "".join(out)


def _messages(user) -> QuerySet[Message]:
    require(access_messages_view(user))
    return Message.objects.all()


def message_list(*, user, q: str = "", status: str = "", channel: str = "", template: str = "") -> QuerySet[Message]:
    messages = _messages(user)
    q = (q or "").strip()
    if q:
        messages = messages.filter(Q(recipient_name__icontains=q) | Q(subject__icontains=q))
    if status in Message.Status.values:
        messages = messages.filter(status=status)
    if channel:
        messages = messages.filter(channel=channel)
    if template:
        messages = messages.filter(template=template)
    return messages


def message_counts(*, user) -> dict[str, int]:
    counts = dict(_messages(user).order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status in Message.Status.values}


def message_get(*, user, pk: int) -> Message:
    message = _messages(user).select_related("person", "user", "requested_by", "content_type").filter(pk=pk).first()
    if message is None:
        raise NotFound("알림을 찾을 수 없습니다.")
    return message


def person_message_list(*, user, person_id: int) -> QuerySet[Message]:
    return _messages(user).filter(person_id=person_id).order_by("-created_at", "-pk")


def organisation_message_list(*, user, organisation_id: int) -> QuerySet[Message]:
    return _messages(user).filter(user__organisation_id=organisation_id).order_by("-created_at", "-pk")


def my_message_list(*, user) -> QuerySet[Message]:
    require(access_own_messages(user))
    person = Person.objects.filter(user=user).values_list("pk", flat=True).first()
    mine = Q(user=user) | Q(person_id=person) if person else Q(user=user)
    return Message.objects.filter(mine).order_by("-created_at", "-pk")


def my_consents(*, user) -> tuple[Person | None, dict[str, bool]]:
    require(access_own_messages(user))
    person = Person.objects.filter(user=user).first()
    if person is None:
        return None, {}
    return person, consents_of([person.pk])[person.pk]


def related_with_message(*, template: str, model, ids) -> set[int]:
    """Of the records `ids` of `model`, those a message of `template` was already written about (a daily step run
    twice tells nobody twice)."""
    content_type = ContentType.objects.get_for_model(model)
    return set(
        Message.objects.filter(template=template, content_type=content_type, object_id__in=list(ids)).values_list(
            "object_id", flat=True
        )
    )
