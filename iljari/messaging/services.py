"""Messages that reach people (알림): one service every app above calls after the fact it tells is saved.

Contract:
- Recipient(name, phone="", email="")    a recipient who is neither a person nor an account (an organisation's
  contact given by number or address)
- message_send(*, to, template, context, channel=None, actor=None, sensitive=False, related=None, now=None)
      -> Message
      `to`: a people.Person, a core.User (a citizen's account is their person) or a Recipient. Writes the outbox row
      (rendered Korean subject and body; `sensitive`: the body stored with the template's secrets masked, sent at
      once from memory after the commit and never through the task queue) and queues the send once the caller's
      transaction commits. The channel: `channel` when the person consented to it; otherwise, for a notice the
      template marks required, the first channel consented (SMS, 전자우편, 알림톡); else recorded 보류(수신 거부).
      SMS in quiet hours (21:00–08:00 Asia/Seoul) waits until 08:00, one-time codes excepted.
- messages_send_many(*, template, items, actor=None, now=None) -> int
      the same for many recipients at once (a selection's result): `items` are (to, context, related); one query
      for the consents, one INSERT run, one task per MESSAGE_BATCH messages
- message_deliver(message_id, *, now=None) -> Message      the worker's step: send one queued, due message; a failure
      keeps its error and is tried again after RETRY_SECONDS·2^(n-1) until MESSAGE_MAX_ATTEMPTS, then 실패
- messages_due_send(*, now=None) -> int                    sends every queued message now due (a timer, `iljari
      messages send-due`: the quiet hours' morning, retries on a queue without deferred tasks)
- message_retry(*, actor, message) -> Message              staff: a failed message queued again (not a sensitive one)
- message_cancel(*, actor, message) -> Message             staff: a message still waiting (대기) is not sent (취소)
- channel_consent_set(*, actor, person, choices, now=None) the person (or office staff) sets 수신 동의 per channel
- quiet_hours_release(moment) -> datetime                  when an SMS written at `moment` may go out
- consents_of(person_ids) -> {person_id: {channel: bool}}  each person's consent, the default where none is recorded
Every template's context gets `name` (the recipient's). The outbox is its own record (who caused each message, its
attempts and errors) and stays out of the change history; the consents are in it (ChannelConsent is tracked).
Permissions: message_send trusts its caller (an app's service that already checked its own actor); the retry and
the consent are checked here (core.access).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import get_template
from django.utils import timezone

from iljari.core.access import (
    access_messages_manage,
    access_own_person_record_change,
    access_person_record_change,
    require,
)
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.messaging.channels import channel_available, channel_sender
from iljari.messaging.models import Channel, ChannelConsent, Message
from iljari.messaging.templates import template_get, template_render
from iljari.people.models import Person

log = logging.getLogger(__name__)

ORDER = (Channel.SMS, Channel.EMAIL, Channel.ALIMTALK)
# No choice recorded: the office's service notices (not advertising) go by SMS and e-mail to the contact the person
# gave; 알림톡 reaches a messenger account and waits for the person's own consent.
CONSENT_DEFAULT = {Channel.SMS: True, Channel.EMAIL: True, Channel.ALIMTALK: False}
QUIET_FROM, QUIET_UNTIL = time(21), time(8)
QUIET_CHANNELS = frozenset({Channel.SMS})
MESSAGE_BATCH = 500
MASK = "******"
NO_CONSENT = "수신 동의한 발송 수단이 없어 보내지 않았습니다."
NO_ADDRESS = "연락처(전화번호·전자우편)가 없어 보내지 않았습니다."
REFUSED = "{channel} 수신을 거부해 보내지 않았습니다."

Status = Message.Status


@dataclass(frozen=True)
class Recipient:
    name: str
    phone: str = ""
    email: str = ""


@dataclass
class _Target:
    name: str
    phone: str
    email: str
    person_id: int | None = None
    user_id: int | None = None

    def address(self, channel: str) -> str:
        return self.email if channel == Channel.EMAIL else self.phone


def _target(to) -> _Target:
    if isinstance(to, Recipient):
        return _Target(to.name, to.phone.strip(), to.email.strip())
    if isinstance(to, Person):
        return _Target(to.name, (to.phone or "").strip(), (to.email or "").strip(), to.pk, to.user_id)
    person = Person.objects.filter(user=to).only("pk", "name", "phone", "email", "user_id").first()
    if person is not None:  # a citizen's account: the person's contact and consents
        target = _target(person)
        target.phone = target.phone or (to.phone or "").strip()
        target.email = target.email or (to.email or "").strip()
        return target
    return _Target(to.name, (to.phone or "").strip(), (to.email or "").strip(), None, to.pk)


def quiet_hours_release(moment: datetime) -> datetime:
    """The moment itself outside 21:00–08:00 in Seoul; inside, 08:00 of the morning that ends it."""
    local = timezone.localtime(moment)
    if QUIET_UNTIL <= local.time() < QUIET_FROM:
        return moment
    day = local.date() + timedelta(days=1) if local.time() >= QUIET_FROM else local.date()
    return timezone.make_aware(datetime.combine(day, QUIET_UNTIL), local.tzinfo)


def consents_of(person_ids) -> dict[int, dict[str, bool]]:
    """Each person's consent per channel, the default where none is recorded."""
    consents = {pk: dict(CONSENT_DEFAULT) for pk in person_ids}
    ids = list(consents)
    for start in range(0, len(ids), 2000):
        for person_id, channel, consented in ChannelConsent.objects.filter(
            person_id__in=ids[start : start + 2000]
        ).values_list("person_id", "channel", "consented"):
            consents[person_id][channel] = consented
    return consents


def _choose(target: _Target, consents: dict[str, bool] | None, channel: str | None, required: bool):
    """(channel, held reason or "")."""

    def usable(ch):
        return bool(target.address(ch)) and (consents is None or consents[ch]) and channel_available(ch)

    if channel is not None and usable(channel):
        return channel, ""
    if channel is None or required:
        for ch in ORDER:
            if usable(ch):
                return ch, ""
    chosen = channel or next((ch for ch in ORDER if target.address(ch)), Channel.SMS)
    if not target.phone and not target.email:
        return chosen, NO_ADDRESS
    if consents is not None and channel is not None and not consents[channel]:
        return chosen, REFUSED.format(channel=Channel(channel).label)
    return chosen, NO_CONSENT


def _related(related):
    if related is None:
        return None, None
    return ContentType.objects.get_for_model(type(related)).pk, related.pk


def _render(template, context, sensitive):
    subject, body = template_render(template, context)
    if not sensitive:
        return subject, body, body
    masked = {**context, **{key: MASK for key in template.secrets}}
    _, stored = template_render(template, masked)
    return subject, body, stored


def message_send(
    *, to, template: str, context: dict, channel=None, actor=None, sensitive=False, related=None, now=None
) -> Message:
    kind = template_get(template)
    now = now or timezone.now()
    target = _target(to)
    consents = consents_of([target.person_id])[target.person_id] if target.person_id else None
    chosen, held = _choose(target, consents, channel, kind.required)
    subject, body, stored = _render(kind, {"name": target.name, **context}, sensitive)
    content_type_id, object_id = _related(related)
    message = Message.objects.create(
        person_id=target.person_id,
        user_id=target.user_id,
        recipient_name=target.name[:100],
        address=target.address(chosen)[:254],
        channel=chosen,
        template=kind.code,
        subject=subject,
        body=stored,
        sensitive=sensitive,
        required=kind.required,
        status=Status.HELD if held else Status.QUEUED,
        last_error=held,
        send_after=_send_after(chosen, now, sensitive),
        content_type_id=content_type_id,
        object_id=object_id,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    if held:
        return message
    if sensitive:  # the real body lives only in this closure: sent after the commit, never queued nor stored
        transaction.on_commit(lambda: _deliver(message.pk, body=body))
    else:
        transaction.on_commit(lambda: _enqueue([message.pk], message.send_after))
    return message


def _send_after(channel, now, sensitive) -> datetime:
    if channel in QUIET_CHANNELS and not sensitive and settings.ILJARI_SMS_QUIET_HOURS:
        return quiet_hours_release(now)
    return now


def messages_send_many(*, template: str, items, actor=None, now=None) -> int:
    kind = template_get(template)
    now = now or timezone.now()
    items = list(items)
    if not items:
        return 0
    targets = [_target(to) for to, _, _ in items]
    consents = consents_of({t.person_id for t in targets if t.person_id})
    compiled_types: dict[type, int] = {}
    compiled = get_template(kind.path)  # loaded once for the whole batch
    batch = str(uuid.uuid4())
    rows = []
    due: dict[datetime, int] = {}
    for target, (_, context, related) in zip(targets, items, strict=True):
        chosen, held = _choose(target, consents.get(target.person_id), None, kind.required)
        subject, body = template_render(kind, {"name": target.name, **context}, compiled=compiled)
        content_type_id = object_id = None
        if related is not None:
            model = type(related)
            if model not in compiled_types:
                compiled_types[model] = ContentType.objects.get_for_model(model).pk
            content_type_id, object_id = compiled_types[model], related.pk
        send_after = _send_after(chosen, now, False)
        if not held:
            due[send_after] = due.get(send_after, 0) + 1
        rows.append(
            (
                target.person_id,
                target.user_id,
                target.name[:100],
                target.address(chosen)[:254],
                chosen,
                kind.code,
                subject,
                body,
                kind.required,
                Status.HELD if held else Status.QUEUED,
                held,
                send_after,
                batch,
                content_type_id,
                object_id,
                actor.pk if getattr(actor, "pk", None) else None,
            )
        )
    fields = (
        "person",
        "user",
        "recipient_name",
        "address",
        "channel",
        "template",
        "subject",
        "body",
        "required",
        "status",
        "last_error",
        "send_after",
        "batch",
        "content_type",
        "object_id",
        "requested_by",
    )
    with transaction.atomic():
        rows_insert(Message, fields, rows)
        transaction.on_commit(lambda: _enqueue_batch(batch, due))
    return len(rows)


# --- delivery ------------------------------------------------------------------------------------------------


def _backend_defers() -> bool:
    from django_tasks import default_task_backend  # deferred: the backend is read from settings when used

    return default_task_backend.supports_defer


def _enqueue(ids: list[int], run_after: datetime) -> None:
    from iljari.messaging.tasks import messages_deliver_task  # deferred: tasks import this module

    if run_after > timezone.now():
        if not _backend_defers():
            return  # the timer's `iljari messages send-due` sends it when due
        messages_deliver_task.using(run_after=run_after).enqueue(message_ids=ids)
        return
    messages_deliver_task.enqueue(message_ids=ids)


def _enqueue_batch(batch: str, due: dict[datetime, int]) -> None:
    for send_after in due:
        ids = list(
            Message.objects.filter(batch=batch, status=Status.QUEUED, send_after=send_after)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for start in range(0, len(ids), MESSAGE_BATCH):
            _enqueue(ids[start : start + MESSAGE_BATCH], send_after)


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=settings.ILJARI_MESSAGE_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def _deliver(message_id: int, *, body: str | None = None, now=None) -> Message | None:
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != Status.QUEUED or message.send_after > now:
            return message
        message.attempts += 1
        outgoing = message
        if body is not None:
            outgoing = Message(**{f.attname: getattr(message, f.attname) for f in Message._meta.concrete_fields})
            outgoing.body = body
        try:
            channel_sender(message.channel).send(outgoing)
        except Exception as error:  # any failure of a gateway or SMTP server is kept and tried again
            message.last_error = (f"{type(error).__name__}: {error}")[:500]
            if message.sensitive or message.attempts >= settings.ILJARI_MESSAGE_MAX_ATTEMPTS:
                message.status = Status.FAILED
            else:
                message.send_after = now + _backoff(message.attempts)
            log.warning("message %s: attempt %s failed", message.pk, message.attempts)
        else:
            message.status = Status.SENT
            message.sent_at = now
        message.save(update_fields=["attempts", "last_error", "status", "send_after", "sent_at", "updated_at"])
    if message.status == Status.QUEUED:
        transaction.on_commit(lambda: _enqueue([message.pk], message.send_after))
    return message


def message_deliver(message_id: int, *, now=None) -> Message | None:
    return _deliver(message_id, now=now)


def messages_due_send(*, now=None) -> int:
    now = now or timezone.now()
    ids = list(
        Message.objects.filter(status=Status.QUEUED, send_after__lte=now, sensitive=False)
        .order_by("send_after", "pk")
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in ids:
        message = _deliver(pk, now=now)
        sent += message is not None and message.status == Status.SENT
    return sent


def message_retry(*, actor, message: Message, now=None) -> Message:
    require(access_messages_manage(actor), "알림을 다시 보낼 권한이 없습니다.")
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.status != Status.FAILED:
            raise ValidationFailed("발송에 실패한 알림만 다시 보낼 수 있습니다.")
        if message.sensitive:
            raise ValidationFailed(
                "인증번호처럼 내용을 남기지 않은 알림은 다시 보낼 수 없습니다. 새로 요청하게 하십시오."
            )
        message.status = Status.QUEUED
        message.attempts = 0
        message.send_after = _send_after(message.channel, now, False)
        message.requested_by = actor
        message.save(update_fields=["status", "attempts", "send_after", "requested_by", "updated_at"])
        transaction.on_commit(lambda: _enqueue([message.pk], message.send_after))
    return message


def message_cancel(*, actor, message: Message) -> Message:
    require(access_messages_manage(actor), "알림 발송을 취소할 권한이 없습니다.")
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.status != Status.QUEUED:
            raise ValidationFailed("아직 보내지 않은(대기) 알림만 취소할 수 있습니다.")
        message.status = Status.CANCELLED
        message.requested_by = actor
        message.save(update_fields=["status", "requested_by", "updated_at"])
    return message


def channel_consent_set(*, actor, person: Person, choices: dict[str, bool], now=None) -> dict[str, bool]:
    if actor is not None:
        require(
            access_own_person_record_change(actor, person) or access_person_record_change(actor, person.district_id),
            "이 사람의 알림 수신 동의를 바꿀 권한이 없습니다.",
        )
    unknown = set(choices) - set(Channel.values)
    if unknown:
        raise ValidationFailed("알 수 없는 발송 수단입니다.")
    now = now or timezone.now()
    with transaction.atomic():
        for channel, consented in choices.items():
            ChannelConsent.objects.update_or_create(
                person=person, channel=channel, defaults={"consented": bool(consented), "changed_at": now}
            )
    return consents_of([person.pk])[person.pk]
