"""The messaging service: channels by consent, quiet hours, retries with backoff, redaction, bulk sends."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.core.sms import MemorySmsSender
from iljari.messaging import services
from iljari.messaging.models import Channel, Message
from iljari.messaging.services import Recipient, channel_consent_set, message_send
from iljari.messaging.tests.factories import reachable_person

SEOUL = ZoneInfo("Asia/Seoul")
NOON = datetime(2018, 5, 14, 12, 0, tzinfo=SEOUL)
NIGHT = datetime(2018, 5, 14, 22, 30, tzinfo=SEOUL)

pytestmark = pytest.mark.django_db


def _send(person, *, now=NOON, template="application_submitted", **extra):
    context = {"call": "2018 뉴딜일자리 1차", "at": "2018-05-14 12:00", "number": "A-1"}
    return message_send(to=person, template=template, context=context, now=now, **extra)


def test_a_person_is_reached_by_sms_first_with_the_rendered_korean_text(org, django_capture_on_commit_callbacks):
    person = reachable_person(name="홍길동")
    with django_capture_on_commit_callbacks(execute=True):
        message = _send(person)
    message.refresh_from_db()
    assert message.channel == Channel.SMS
    assert message.status == Message.Status.SENT
    assert message.address == "010-1234-5678"
    assert message.subject == "[일자리] 신청 접수 안내"
    assert "홍길동님, 2018 뉴딜일자리 1차 신청이 2018-05-14 12:00에 접수되었습니다." in message.body
    assert [m.phone for m in MemorySmsSender.outbox] == ["010-1234-5678"]
    assert "홍길동님" in MemorySmsSender.outbox[0].text


def test_a_refused_channel_is_not_used_and_the_next_consented_one_is(org, django_capture_on_commit_callbacks):
    person = reachable_person()
    channel_consent_set(actor=None, person=person, choices={Channel.SMS: False})
    with django_capture_on_commit_callbacks(execute=True):
        message = _send(person)
    message.refresh_from_db()
    assert (message.channel, message.status) == (Channel.EMAIL, Message.Status.SENT)
    assert mail.outbox[0].to == ["hong@example.com"]
    assert MemorySmsSender.outbox == []


def test_a_named_channel_the_person_refused_is_held_unless_the_notice_is_required(org):
    person = reachable_person()
    channel_consent_set(actor=None, person=person, choices={Channel.SMS: False})
    plain = _send(person, channel=Channel.SMS)
    assert (plain.status, plain.last_error) == (Message.Status.HELD, "문자 수신을 거부해 보내지 않았습니다.")
    required = _send(person, channel=Channel.SMS, template="selection_not_selected")
    assert (required.status, required.channel) == (Message.Status.QUEUED, Channel.EMAIL)


def test_a_required_notice_is_held_when_no_channel_is_consented(org, django_capture_on_commit_callbacks):
    person = reachable_person()
    channel_consent_set(
        actor=None, person=person, choices={Channel.SMS: False, Channel.EMAIL: False, Channel.ALIMTALK: False}
    )
    with django_capture_on_commit_callbacks(execute=True):
        message = _send(person, template="selection_selected")
    assert message.status == Message.Status.HELD
    assert message.get_status_display() == "보류(수신 거부)"
    assert message.last_error == "수신 동의한 발송 수단이 없어 보내지 않았습니다."
    assert MemorySmsSender.outbox == [] and mail.outbox == []


def test_alimtalk_goes_out_once_the_person_consents(org, django_capture_on_commit_callbacks, _message_senders):
    person = reachable_person()
    channel_consent_set(actor=None, person=person, choices={Channel.ALIMTALK: True})
    with django_capture_on_commit_callbacks(execute=True):
        message = _send(person, channel=Channel.ALIMTALK)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert _message_senders[0].phone == "010-1234-5678"
    assert _message_senders[0].text.startswith("[일자리] 신청 접수 안내\n")


def test_an_organisations_contact_without_a_person_is_reached_by_descriptor(org, django_capture_on_commit_callbacks):
    to = Recipient(name="김담당", email="contact@coop.example")
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            to=to,
            template="fund_repayment_due",
            context={
                "organisation": "행복협동조합",
                "loan": "L-1",
                "amount": "1,000,000원",
                "due": "2018-06-30",
                "number": "N-1",
            },
        )
    message.refresh_from_db()
    assert (message.channel, message.status, message.person_id) == (Channel.EMAIL, Message.Status.SENT, None)
    assert "행복협동조합 김담당님" in mail.outbox[0].body


def test_no_contact_at_all_is_held_with_its_reason(org):
    message = message_send(to=Recipient(name="연락처없음"), template="booking_confirmed", context={})
    assert (message.status, message.last_error) == (
        Message.Status.HELD,
        "연락처(전화번호·전자우편)가 없어 보내지 않았습니다.",
    )


def test_sms_at_night_waits_for_eight_in_the_morning(org, settings):
    settings.ILJARI_SMS_QUIET_HOURS = True
    person = reachable_person()
    message = _send(person, now=NIGHT)
    assert message.status == Message.Status.QUEUED
    assert message.send_after == datetime(2018, 5, 15, 8, 0, tzinfo=SEOUL)
    assert services.messages_due_send(now=datetime(2018, 5, 15, 7, 59, tzinfo=SEOUL)) == 0
    assert MemorySmsSender.outbox == []
    assert services.messages_due_send(now=datetime(2018, 5, 15, 8, 0, tzinfo=SEOUL)) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.sent_at == datetime(2018, 5, 15, 8, 0, tzinfo=SEOUL)


def test_email_is_not_held_by_quiet_hours(org):
    person = reachable_person()
    message = _send(person, now=NIGHT, channel=Channel.EMAIL)
    assert message.send_after == NIGHT


def test_a_one_time_code_goes_at_night_and_is_stored_redacted(org, settings, django_capture_on_commit_callbacks):
    settings.ILJARI_SMS_QUIET_HOURS = True
    person = reachable_person()
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            to=person, template="one_time_code", context={"code": "482913", "minutes": 5}, sensitive=True, now=NIGHT
        )
    message.refresh_from_db()
    assert message.send_after == NIGHT
    assert "482913" not in message.body and "******" in message.body
    assert "인증번호는 482913입니다." in MemorySmsSender.outbox[0].text
    assert message.status == Message.Status.SENT
    assert not Message.objects.filter(body__contains="482913").exists()


class _Broken:
    def send(self, phone, text):
        raise ConnectionError("문자 중계 서버 응답 없음")


def test_a_failing_gateway_is_retried_with_backoff_and_fails_keeping_its_error(org, settings):
    settings.ILJARI_SMS_SENDER = "iljari.messaging.tests.test_services._Broken"
    settings.ILJARI_MESSAGE_RETRY_SECONDS = 60
    person = reachable_person()
    message = _send(person)
    first = services.message_deliver(message.pk, now=NOON)
    assert (first.status, first.attempts) == (Message.Status.QUEUED, 1)
    assert first.send_after == NOON + timedelta(seconds=60)
    assert first.last_error == "ConnectionError: 문자 중계 서버 응답 없음"
    assert services.message_deliver(message.pk, now=NOON + timedelta(seconds=30)).attempts == 1  # not yet due
    second = services.message_deliver(message.pk, now=NOON + timedelta(seconds=60))
    assert (second.attempts, second.send_after) == (2, NOON + timedelta(seconds=180))  # 60 s, then 120 s
    third = services.message_deliver(message.pk, now=NOON + timedelta(seconds=180))
    assert (third.status, third.attempts) == (Message.Status.FAILED, 3)  # MESSAGE_MAX_ATTEMPTS = 3 in these tests
    assert third.last_error == "ConnectionError: 문자 중계 서버 응답 없음"


def test_staff_retry_a_failed_message_and_it_goes_out(org, personas, settings, django_capture_on_commit_callbacks):
    person = reachable_person()
    message = _send(person)
    Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED, attempts=3, last_error="오류")
    with pytest.raises(NotAllowed):
        services.message_retry(actor=personas[Role.AUDITOR], message=message)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_retry(actor=personas[Role.DIVISION_STAFF], message=message, now=NOON)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.requested_by == personas[Role.DIVISION_STAFF]


def test_only_a_failed_message_can_be_retried(org, personas):
    message = _send(reachable_person())
    with pytest.raises(ValidationFailed, match="발송에 실패한 알림만"):
        services.message_retry(actor=personas[Role.DIVISION_STAFF], message=message)
    assert Message.objects.get(pk=message.pk).status == Message.Status.QUEUED


def test_a_citizen_changes_only_their_own_consent(org, personas):
    mine = reachable_person(user=personas[Role.CITIZEN])
    other = reachable_person()
    assert channel_consent_set(actor=personas[Role.CITIZEN], person=mine, choices={Channel.EMAIL: False}) == {
        Channel.SMS: True,
        Channel.EMAIL: False,
        Channel.ALIMTALK: False,
    }
    with pytest.raises(NotAllowed):
        channel_consent_set(actor=personas[Role.CITIZEN], person=other, choices={Channel.EMAIL: False})


def test_many_messages_at_once_respect_each_persons_consent(org, django_capture_on_commit_callbacks):
    people = [reachable_person() for _ in range(3)]
    channel_consent_set(actor=None, person=people[1], choices={Channel.SMS: False})
    channel_consent_set(actor=None, person=people[2], choices={Channel.SMS: False, Channel.EMAIL: False})
    with django_capture_on_commit_callbacks(execute=True):
        count = services.messages_send_many(
            template="selection_selected", items=[(p, {"call": "공고"}, p) for p in people], now=NOON
        )
    assert count == 3
    rows = {m.person_id: m for m in Message.objects.all()}
    assert (rows[people[0].pk].channel, rows[people[0].pk].status) == (Channel.SMS, Message.Status.SENT)
    assert (rows[people[1].pk].channel, rows[people[1].pk].status) == (Channel.EMAIL, Message.Status.SENT)
    assert rows[people[2].pk].status == Message.Status.HELD
    assert rows[people[0].pk].object_id == people[0].pk


def test_a_destruction_run_removes_old_messages_personal_data_and_keeps_the_row(org):
    from iljari.core.retention import retention_run

    old = _send(reachable_person(name="오래된"))
    Message.objects.filter(pk=old.pk).update(status=Message.Status.SENT)
    waiting = _send(reachable_person())
    Message.objects.filter(pk__in=[old.pk, waiting.pk]).update(created_at=datetime(2018, 1, 2, tzinfo=SEOUL))
    records = {r.rule_code: r for r in retention_run(now=datetime(2019, 3, 1, tzinfo=SEOUL))}
    assert records["messaging.message"].records == 1
    old.refresh_from_db()
    assert (old.recipient_name, old.address, old.body, old.person_id) == ("(파기)", "", "", None)
    assert (old.template, old.status, old.channel) == ("application_submitted", "sent", "sms")
    assert Message.objects.get(pk=waiting.pk).body  # still waiting to go: kept


def test_the_production_profile_refuses_the_console_alimtalk_sender():
    from iljari.people.tests.test_signup import PRODUCTION, _run

    base = {**PRODUCTION, "SMS_SENDER": "", "ALLOW_DEMO_IDENTITY_VERIFIER": "1"}
    assert _run(["check"], **base).returncode == 0  # off by default in production
    named = _run(["check"], **base, ALIMTALK_SENDER="iljari.messaging.channels.ConsoleAlimtalkSender")
    assert named.returncode != 0
    assert "운영 프로필에서는 개발용 알림톡 발송(콘솔)을 쓸 수 없습니다" in named.stderr
