"""One-time codes (인증번호): sent by e-mail or text, stored only as an HMAC, five minutes, five tries, one resend a
minute, a new code voids the old one, a few per hour per address; the code is in no log, message or row."""

import logging
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from iljari.core import otp as otp_services
from iljari.core.errors import ValidationFailed
from iljari.core.models import OneTimeCode
from iljari.core.otp import (
    PURPOSE_SIGNUP,
    OtpAttemptsExceeded,
    OtpDeliveryFailed,
    OtpExpired,
    OtpMismatch,
    OtpNotIssued,
    OtpRateLimited,
    OtpResendTooSoon,
    otp_consume,
    otp_destination,
    otp_issue,
    otp_verify,
)

EMAIL = "Citizen@Example.com"
PHONE = "010-1234-5678"


def _issue(destination=EMAIL, now=None, remote_addr="10.0.0.1"):
    return otp_issue(purpose=PURPOSE_SIGNUP, destination=destination, remote_addr=remote_addr, now=now)


def _code_in(text: str) -> str:
    return re.search(r"인증번호는 (\d{6})", text).group(1)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_code_goes_by_e_mail_and_verifies(db, mailoutbox):
    issued = _issue()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["citizen@example.com"] and "인증번호" in mail.subject
    verified = otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL.lower(), code=_code_in(mail.body))
    assert verified.pk == issued.pk and verified.verified_at is not None


def test_a_code_goes_by_text_message_to_a_mobile_number(db, sms_outbox, mailoutbox):
    _issue(PHONE)
    assert mailoutbox == []
    assert [message.phone for message in sms_outbox] == ["01012345678"]
    otp_verify(purpose=PURPOSE_SIGNUP, destination="01012345678", code=_code_in(sms_outbox[0].text))


@pytest.mark.parametrize("text", ["", "not-an-address@", "02-123-4567", "010-12"])
def test_a_destination_must_be_an_e_mail_address_or_a_mobile_number(text):
    with pytest.raises(ValidationFailed) as caught:
        otp_destination(text)
    assert "destination" in caught.value.field_errors


def test_the_code_is_stored_only_as_a_keyed_hash(db, mailoutbox):
    issued = _issue()
    code = _code_in(mailoutbox[0].body)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM core_onetimecode WHERE id = %s", [issued.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert code not in row
    assert "citizen@example.com" not in row.lower()  # the address is a digest too
    assert len(issued.code_digest) == 64


def test_a_code_expires_after_five_minutes(db, mailoutbox):
    start = timezone.now()
    _issue(now=start)
    code = _code_in(mailoutbox[0].body)
    with pytest.raises(OtpExpired) as caught:
        otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=code, now=start + timedelta(minutes=5))
    assert "유효시간(5분)이 지났습니다" in caught.value.message
    otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=code, now=start + timedelta(minutes=4, seconds=59))


def test_the_lifetime_is_configurable(db, mailoutbox, settings):
    settings.ILJARI_OTP_MINUTES = 10
    start = timezone.now()
    _issue(now=start)
    assert "10분 안에" in mailoutbox[0].body
    otp_verify(
        purpose=PURPOSE_SIGNUP, destination=EMAIL, code=_code_in(mailoutbox[0].body), now=start + timedelta(minutes=9)
    )


def test_five_wrong_codes_void_it_and_each_wrong_try_is_counted(db, mailoutbox):
    issued = _issue()
    code = _code_in(mailoutbox[0].body)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(OtpMismatch) as caught:
            otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=_wrong(code))
        assert caught.value.message == f"인증번호가 일치하지 않습니다. {remaining}번 더 입력할 수 있습니다."
    with pytest.raises(OtpAttemptsExceeded):
        otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=_wrong(code))
    issued.refresh_from_db()
    assert issued.attempts == 5 and issued.voided_at is not None
    with pytest.raises(OtpAttemptsExceeded) as caught:
        otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=code)  # even the right code, now
    assert "5번 잘못 입력하여" in caught.value.message


def test_a_resend_waits_sixty_seconds(db, mailoutbox):
    start = timezone.now()
    _issue(now=start)
    with pytest.raises(OtpResendTooSoon) as caught:
        _issue(now=start + timedelta(seconds=30))
    assert "60초에 한 번만" in caught.value.message and "30초 뒤에" in caught.value.message
    assert len(mailoutbox) == 1
    _issue(now=start + timedelta(seconds=60))
    assert len(mailoutbox) == 2


def test_a_new_code_voids_the_previous_one(db, mailoutbox):
    start = timezone.now()
    first = _issue(now=start)
    _issue(now=start + timedelta(seconds=61))
    old_code, new_code = _code_in(mailoutbox[0].body), _code_in(mailoutbox[1].body)
    first.refresh_from_db()
    assert first.voided_at is not None
    if old_code != new_code:
        with pytest.raises(OtpMismatch):
            otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=old_code, now=start + timedelta(seconds=62))
    otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=new_code, now=start + timedelta(seconds=63))


def test_at_most_five_codes_an_hour_go_to_one_address(db, mailoutbox):
    start = timezone.now()
    for minute in range(5):
        _issue(now=start + timedelta(minutes=minute * 2))
    with pytest.raises(OtpRateLimited) as caught:
        _issue(now=start + timedelta(minutes=20))
    assert "한 시간에 5번까지" in caught.value.message and caught.value.status == 429
    _issue(now=start + timedelta(minutes=61))  # the first has left the hour


def test_one_client_address_may_not_ask_for_codes_to_many_addresses(db, mailoutbox, settings):
    settings.ILJARI_OTP_PER_ADDRESS_HOUR = 3
    for n in range(3):
        _issue(f"person{n}@example.com")
    with pytest.raises(OtpRateLimited) as caught:
        _issue("person9@example.com")
    assert "접속 주소" in caught.value.message
    _issue("person9@example.com", remote_addr="10.0.0.2")


def test_a_code_that_could_not_be_sent_leaves_nothing_behind(db, settings):
    settings.ILJARI_SMS_SENDER = "iljari.core.tests.test_one_time_codes.BrokenSender"
    with pytest.raises(OtpDeliveryFailed) as caught:
        _issue(PHONE)
    assert "보내지 못했습니다" in caught.value.message
    assert OneTimeCode.objects.count() == 0


class BrokenSender:
    def send(self, phone, text):
        raise ConnectionError("gateway down")


def test_text_messages_can_be_turned_off(db, settings, sms_outbox):
    settings.ILJARI_SMS_SENDER = ""
    with pytest.raises(OtpDeliveryFailed) as caught:
        _issue(PHONE)
    assert "전자우편 주소를 입력하십시오" in caught.value.message
    assert sms_outbox == [] and OneTimeCode.objects.count() == 0


def test_no_code_was_sent_to_an_address_that_asks_to_verify(db):
    with pytest.raises(OtpNotIssued) as caught:
        otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code="123456")
    assert caught.value.message == "인증번호를 먼저 받으십시오."


def test_a_code_is_used_once(db, mailoutbox):
    issued = _issue()
    otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=_code_in(mailoutbox[0].body))
    otp_consume(otp_id=issued.pk, purpose=PURPOSE_SIGNUP, destination=EMAIL)
    with pytest.raises(OtpNotIssued):
        otp_consume(otp_id=issued.pk, purpose=PURPOSE_SIGNUP, destination=EMAIL)
    with pytest.raises(OtpNotIssued):
        otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=_code_in(mailoutbox[0].body))


def test_an_unverified_or_other_address_code_cannot_be_used(db, mailoutbox):
    issued = _issue()
    with pytest.raises(OtpNotIssued):
        otp_consume(otp_id=issued.pk, purpose=PURPOSE_SIGNUP, destination=EMAIL)
    otp_verify(purpose=PURPOSE_SIGNUP, destination=EMAIL, code=_code_in(mailoutbox[0].body))
    with pytest.raises(OtpNotIssued):
        otp_consume(otp_id=issued.pk, purpose=PURPOSE_SIGNUP, destination="other@example.com")


def test_the_code_is_in_no_log_line_and_no_error_message(db, mailoutbox, caplog, sms_outbox):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    connection.force_debug_cursor = True
    messages = []
    try:
        _issue(PHONE)
        code = _code_in(sms_outbox[0].text)
        for attempt in (_wrong(code), "12ab56", code):
            try:
                otp_verify(purpose=PURPOSE_SIGNUP, destination=PHONE, code=attempt)
            except ValidationFailed as error:
                messages.append(str(error.as_dict()))
    finally:
        connection.force_debug_cursor = False
    logged = "\n".join(record.getMessage() + str(record.args) for record in caplog.records)
    assert logged  # the SQL was logged, so the check below had something to look at
    assert code not in logged
    assert all(code not in message for message in messages) and len(messages) == 2


def test_the_module_documents_its_contract():
    for name in ("otp_issue", "otp_verify", "otp_consume", "otp_destination"):
        assert name in otp_services.__doc__
