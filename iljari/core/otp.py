"""One-time codes (인증번호) by e-mail or text message: issue, verify, and use once.

Contract:
- otp_destination(text) -> Destination
      an e-mail address or a mobile number (010-1234-5678, 01012345678), normalised; ValidationFailed otherwise.
- otp_issue(*, purpose, destination, remote_addr, now=None, deliver=True) -> OneTimeCode
      throttles (one code per ILJARI_OTP_RESEND_SECONDS per address, ILJARI_OTP_PER_DESTINATION_HOUR per address
      and ILJARI_OTP_PER_ADDRESS_HOUR per client address an hour), voids the previous code, stores a new one
      (as an HMAC only) and sends it through code_deliver: e-mail through Django's mail backend, text through
      core.sms. `deliver=False` stores it and sends nothing (account recovery for a contact no account has: the
      same limits and the same answers, so nobody learns whether an account exists).
- code_deliver(destination, purpose, code)   the one function that sends a code (to be switched to messaging)
- Purposes: PURPOSE_SIGNUP, PURPOSE_FIND_USERNAME, PURPOSE_PASSWORD_RESET, PURPOSE_UNLOCK (PURPOSE_LABELS).
- otp_verify(*, purpose, destination, code, now=None) -> OneTimeCode
      checks the newest code of that address: expired after ILJARI_OTP_MINUTES, void after
      ILJARI_OTP_MAX_ATTEMPTS wrong tries (each wrong try is counted even though the call raises).
- otp_consume(*, otp_id, purpose, destination, now=None) -> OneTimeCode
      marks a verified code used, inside the caller's transaction (the step it proved rolls it back on failure);
      refuses one verified longer ago than ILJARI_SIGNUP_MINUTES.

Each failure is an OtpError (a ValidationFailed) with its own code and Korean message. The code itself never
appears in a message, a log line, a URL or the database; the text sent carries it, nothing else does.
The throttle counts rows, so two requests in the same instant on PostgreSQL may both pass it: a rate limit,
not a guarantee.
"""

from __future__ import annotations

import hmac
import logging
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from iljari.core.errors import ValidationFailed
from iljari.core.models import OneTimeCode
from iljari.core.sms import sms_sender

logger = logging.getLogger(__name__)

PURPOSE_SIGNUP = "signup"
PURPOSE_FIND_USERNAME = "find_username"
PURPOSE_PASSWORD_RESET = "password_reset"  # nosec B105  # a purpose code, not a password
PURPOSE_UNLOCK = "unlock"
PURPOSE_LABELS = {
    PURPOSE_SIGNUP: "시민 회원가입",
    PURPOSE_FIND_USERNAME: "아이디 찾기",
    PURPOSE_PASSWORD_RESET: "비밀번호 재설정",
    PURPOSE_UNLOCK: "계정 잠금 해제",
}
CODE_DIGITS = 6
MOBILE = re.compile(r"01[016789]\d{7,8}")


class OtpError(ValidationFailed):
    code = "otp_error"
    field = "code"

    def __init__(self, message: str | None = None):
        super().__init__(message, field_errors={self.field: [message or self.default_message]})


class OtpNotIssued(OtpError):
    code = "otp_not_issued"
    default_message = "인증번호를 먼저 받으십시오."


class OtpExpired(OtpError):
    code = "otp_expired"


class OtpMismatch(OtpError):
    code = "otp_mismatch"


class OtpAttemptsExceeded(OtpError):
    code = "otp_attempts_exceeded"


class OtpResendTooSoon(OtpError):
    code = "otp_resend_too_soon"
    field = "destination"


class OtpRateLimited(OtpError):
    code = "otp_rate_limited"
    status = 429
    field = "destination"


class OtpDeliveryFailed(OtpError):
    code = "otp_delivery_failed"
    field = "destination"


@dataclass(frozen=True)
class Destination:
    channel: str  # OneTimeCode.Channel
    value: str  # normalised: lower-case address, or the mobile number's digits

    @property
    def masked(self) -> str:
        """What a page may show back: `ho****@example.com`, `010-****-5678`."""
        if self.channel == OneTimeCode.Channel.EMAIL:
            local, _, domain = self.value.partition("@")
            return f"{local[:2]}{'*' * max(1, len(local) - 2)}@{domain}"
        return f"{self.value[:3]}-****-{self.value[-4:]}"

    @property
    def display(self) -> str:
        if self.channel == OneTimeCode.Channel.EMAIL:
            return self.value
        return f"{self.value[:3]}-{self.value[3:-4]}-{self.value[-4:]}"


def otp_destination(text: str) -> Destination:
    value = (text or "").strip()
    if "@" in value:
        value = value.lower()
        try:
            validate_email(value)
        except ValidationError as exc:
            raise ValidationFailed(field_errors={"destination": ["전자우편 주소 형식이 올바르지 않습니다."]}) from exc
        return Destination(OneTimeCode.Channel.EMAIL, value)
    digits = re.sub(r"[\s-]", "", value)
    if MOBILE.fullmatch(digits):
        return Destination(OneTimeCode.Channel.SMS, digits)
    raise ValidationFailed(
        field_errors={
            "destination": ["전자우편 주소나 휴대전화 번호(예: 010-1234-5678)를 입력하십시오."],
        }
    )


def _destination_digest(destination: Destination) -> str:
    return salted_hmac(
        "iljari.core.otp.destination", destination.value, secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


def _code_digest(salt: str, code: str) -> str:
    return salted_hmac(
        "iljari.core.otp.code", f"{salt}:{code}", secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


def _newest(*, purpose: str, digest: str) -> OneTimeCode | None:
    return (
        OneTimeCode.objects.select_for_update()
        .filter(purpose=purpose, destination_digest=digest)
        .order_by("-created_at", "-id")
        .first()
    )


def _message(purpose: str, code: str) -> str:
    return (
        f"[서울시 일자리] {PURPOSE_LABELS[purpose]} 인증번호는 {code} 입니다. "
        f"{settings.ILJARI_OTP_MINUTES}분 안에 입력하십시오. 다른 사람에게 알려 주지 마십시오."
    )


def code_deliver(destination: Destination, purpose: str, code: str) -> None:
    """The one place a one-time code leaves the system (sign-up, account recovery): e-mail through Django's mail
    backend, a text through core.sms. A notification service (one `message_send` with channels) takes over here by
    changing this function's body alone."""
    text = _message(purpose, code)
    if destination.channel == OneTimeCode.Channel.EMAIL:
        send_mail(
            subject=f"[서울시 일자리] {PURPOSE_LABELS[purpose]} 인증번호",
            message=text,
            from_email=None,
            recipient_list=[destination.value],
            fail_silently=False,
        )
    else:
        sms_sender().send(destination.value, text)


def otp_issue(
    *,
    purpose: str,
    destination: str | Destination,
    remote_addr: str | None,
    now: datetime | None = None,
    deliver: bool = True,
) -> OneTimeCode:
    if purpose not in PURPOSE_LABELS:
        raise ValueError(f"unknown one-time code purpose: {purpose}")
    if not isinstance(destination, Destination):
        destination = otp_destination(destination)
    if destination.channel == OneTimeCode.Channel.SMS and not settings.ILJARI_SMS_SENDER:
        raise OtpDeliveryFailed("휴대전화 문자 인증은 지금 제공하지 않습니다. 전자우편 주소를 입력하십시오.")
    now = now or timezone.now()
    digest = _destination_digest(destination)
    hour_ago = now - timedelta(hours=1)
    with transaction.atomic():
        previous = _newest(purpose=purpose, digest=digest)
        resend = timedelta(seconds=settings.ILJARI_OTP_RESEND_SECONDS)
        if previous is not None and previous.created_at + resend > now:
            wait = math.ceil((previous.created_at + resend - now).total_seconds())
            raise OtpResendTooSoon(
                f"인증번호는 {settings.ILJARI_OTP_RESEND_SECONDS}초에 한 번만 다시 받을 수 있습니다. "
                f"{wait}초 뒤에 다시 요청하십시오."
            )
        sent = OneTimeCode.objects.filter(purpose=purpose, destination_digest=digest, created_at__gt=hour_ago)
        if sent.count() >= settings.ILJARI_OTP_PER_DESTINATION_HOUR:
            raise OtpRateLimited(
                f"같은 곳으로는 한 시간에 {settings.ILJARI_OTP_PER_DESTINATION_HOUR}번까지 인증번호를 받을 수 "
                "있습니다. 한 시간쯤 뒤에 다시 시도하십시오."
            )
        if (
            remote_addr
            and OneTimeCode.objects.filter(remote_addr=remote_addr, created_at__gt=hour_ago).count()
            >= settings.ILJARI_OTP_PER_ADDRESS_HOUR
        ):
            raise OtpRateLimited(
                "이 접속 주소에서 인증번호를 너무 많이 요청했습니다. 한 시간쯤 뒤에 다시 시도하십시오."
            )
        OneTimeCode.objects.filter(
            purpose=purpose, destination_digest=digest, voided_at__isnull=True, used_at__isnull=True
        ).update(voided_at=now)
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        salt = secrets.token_hex(16)
        otp = OneTimeCode.objects.create(
            purpose=purpose,
            channel=destination.channel,
            destination_digest=digest,
            salt=salt,
            code_digest=_code_digest(salt, code),
            remote_addr=remote_addr,
            created_at=now,
            expires_at=now + timedelta(minutes=settings.ILJARI_OTP_MINUTES),
        )
    # Sent after the commit, so that no database lock is held while a mail or SMS server answers. A code that
    # could not be sent is deleted: it counts toward no limit, and the person may ask again at once.
    if not deliver:  # account recovery for a contact with no account: the same row and limits, nothing sent
        return otp
    try:
        code_deliver(destination, purpose, code)
    except Exception as exc:
        OneTimeCode.objects.filter(pk=otp.pk).delete()
        logger.warning("one-time code not delivered (channel %s): %s", destination.channel, type(exc).__name__)
        raise OtpDeliveryFailed(
            "인증번호를 보내지 못했습니다. 주소나 번호를 확인하고 잠시 후 다시 시도하십시오."
        ) from None
    return otp


def otp_verify(*, purpose: str, destination: str | Destination, code: str, now: datetime | None = None) -> OneTimeCode:
    if not isinstance(destination, Destination):
        destination = otp_destination(destination)
    code = re.sub(r"\s", "", code or "")
    if not re.fullmatch(rf"\d{{{CODE_DIGITS}}}", code):
        raise OtpError(f"인증번호 {CODE_DIGITS}자리 숫자를 입력하십시오.")
    now = now or timezone.now()
    limit = settings.ILJARI_OTP_MAX_ATTEMPTS
    void_message = (
        f"인증번호를 {limit}번 잘못 입력하여 이 인증번호는 더 이상 쓸 수 없습니다. 인증번호를 다시 받으십시오."
    )
    # A wrong try must be counted even though we raise, so the transaction ends before the error is raised.
    with transaction.atomic():
        otp = _newest(purpose=purpose, digest=_destination_digest(destination))
        if otp is None:
            failure: OtpError | None = OtpNotIssued()
        elif otp.used_at is not None:
            failure = OtpNotIssued("이미 사용한 인증번호입니다. 인증번호를 다시 받으십시오.")
        elif otp.voided_at is not None:
            failure = OtpAttemptsExceeded(void_message) if otp.attempts >= limit else OtpNotIssued()
        elif otp.expires_at <= now:
            failure = OtpExpired(
                f"인증번호의 유효시간({settings.ILJARI_OTP_MINUTES}분)이 지났습니다. 인증번호를 다시 받으십시오."
            )
        elif not hmac.compare_digest(otp.code_digest, _code_digest(otp.salt, code)):
            otp.attempts += 1
            fields = ["attempts"]
            if otp.attempts >= limit:
                otp.voided_at = now
                fields.append("voided_at")
                failure = OtpAttemptsExceeded(void_message)
            else:
                failure = OtpMismatch(f"인증번호가 일치하지 않습니다. {limit - otp.attempts}번 더 입력할 수 있습니다.")
            otp.save(update_fields=fields)
        else:
            failure = None
            if otp.verified_at is None:
                otp.verified_at = now
                otp.save(update_fields=["verified_at"])
    if failure is not None:
        raise failure
    return otp


def otp_consume(
    *, otp_id: int, purpose: str, destination: str | Destination, now: datetime | None = None
) -> OneTimeCode:
    if not isinstance(destination, Destination):
        destination = otp_destination(destination)
    now = now or timezone.now()
    with transaction.atomic():
        otp = (
            OneTimeCode.objects.select_for_update()
            .filter(pk=otp_id, purpose=purpose, destination_digest=_destination_digest(destination))
            .first()
        )
        if otp is None or otp.verified_at is None or otp.voided_at is not None:
            raise OtpNotIssued("인증번호 확인을 마치지 않았습니다. 처음부터 다시 하십시오.")
        if otp.used_at is not None:
            raise OtpNotIssued("이미 사용한 인증번호입니다. 처음부터 다시 하십시오.")
        if otp.verified_at + timedelta(minutes=settings.ILJARI_SIGNUP_MINUTES) <= now:
            raise OtpExpired(
                f"인증번호를 확인한 지 {settings.ILJARI_SIGNUP_MINUTES}분이 지났습니다. 처음부터 다시 하십시오."
            )
        otp.used_at = now
        otp.save(update_fields=["used_at"])
    return otp
