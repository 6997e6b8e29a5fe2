"""Account recovery by a one-time code (아이디 찾기, 비밀번호 재설정, 잠긴 계정 풀기) for citizens and organisation
contacts — the accounts of the public roles (core.roles.PUBLIC_ROLES). Staff accounts keep the system
administrator's unlock and reset (core.services.user_unlock, user_password_reset_temporary).

The code goes to the e-mail address or mobile number registered on the account (User.email, User.phone), through
core.otp (its limits: one code a minute and five an hour per address, twenty an hour per client address; five wrong
tries void a code). No account enumeration: asking for a code answers the same whether or not an account has that
contact (and that user name): a code row is stored and counted either way, and sent only when an account matches,
so the next step fails the same way ("인증번호가 일치하지 않습니다") for an address nobody holds.

Contract:
- recovery_accounts(*, destination, username="") -> list[User]
      the active public accounts whose registered e-mail or mobile number is `destination` (and whose user name is
      `username`, when given)
- recovery_code_send(*, purpose, destination, username="", remote_addr) -> Destination
      purpose one of core.otp's PURPOSE_FIND_USERNAME, PURPOSE_PASSWORD_RESET, PURPOSE_UNLOCK; a user name is
      needed for the last two
- recovery_code_verify(*, purpose, destination, code) -> OneTimeCode   core.otp.otp_verify
- recovery_usernames(*, otp_id, destination) -> list[str]   uses the verified code; the user names it proves
- recovery_password_reset(*, otp_id, destination, username, new_password, remote_addr=None) -> User
      uses the verified code; the password rules apply; the account's sessions end (Django checks each against the
      password hash), its API tokens are revoked, its login locks lifted; login event "비밀번호 초기화"
- recovery_unlock(*, otp_id, destination, username, remote_addr=None) -> User
      uses the verified code; lifts the user name's locks at every address; login event "잠금 해제"
Each write runs in one transaction with the code's use: a refused step leaves the code unused. The actor of the
login events is nobody (the holder acted through a code, not an administrator).
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.core.models import LoginEvent, OneTimeCode, User
from iljari.core.otp import (
    PURPOSE_FIND_USERNAME,
    PURPOSE_PASSWORD_RESET,
    PURPOSE_UNLOCK,
    Destination,
    OtpMismatch,
    otp_consume,
    otp_destination,
    otp_issue,
    otp_verify,
)
from iljari.core.roles import PUBLIC_ROLES
from iljari.core.services import _api_tokens_revoke_all, _record

PURPOSES = (PURPOSE_FIND_USERNAME, PURPOSE_PASSWORD_RESET, PURPOSE_UNLOCK)
NEEDS_USERNAME = (PURPOSE_PASSWORD_RESET, PURPOSE_UNLOCK)
NO_MATCH = "인증번호가 일치하지 않습니다. 입력한 아이디와 연락처를 확인하고 인증번호를 다시 받으십시오."


def _as_destination(destination: str | Destination) -> Destination:
    return destination if isinstance(destination, Destination) else otp_destination(destination)


def recovery_accounts(*, destination: str | Destination, username: str = "") -> list[User]:
    destination = _as_destination(destination)
    accounts = User.objects.filter(is_active=True, role__in=PUBLIC_ROLES)
    if destination.channel == OneTimeCode.Channel.EMAIL:
        accounts = accounts.filter(email__iexact=destination.value)
    else:
        digits = destination.value
        spellings = {digits, destination.display, f"{digits[:3]} {digits[3:-4]} {digits[-4:]}"}
        accounts = accounts.filter(phone__in=spellings)
    if username:
        accounts = accounts.filter(username=username.strip())
    return list(accounts.order_by("username"))


def recovery_code_send(
    *, purpose: str, destination: str | Destination, username: str = "", remote_addr: str | None
) -> Destination:
    if purpose not in PURPOSES:
        raise ValueError(f"not an account recovery purpose: {purpose}")
    username = (username or "").strip()
    if purpose in NEEDS_USERNAME and not username:
        raise ValidationFailed(field_errors={"username": ["아이디를 입력하십시오."]})
    destination = _as_destination(destination)
    matched = bool(recovery_accounts(destination=destination, username=username))
    otp_issue(purpose=purpose, destination=destination, remote_addr=remote_addr, deliver=matched)
    return destination


def recovery_code_verify(*, purpose: str, destination: str | Destination, code: str) -> OneTimeCode:
    return otp_verify(purpose=purpose, destination=_as_destination(destination), code=code)


def recovery_usernames(*, otp_id: int, destination: str | Destination) -> list[str]:
    destination = _as_destination(destination)
    with transaction.atomic():
        otp_consume(otp_id=otp_id, purpose=PURPOSE_FIND_USERNAME, destination=destination)
        found = [user.username for user in recovery_accounts(destination=destination)]
        if not found:  # only by guessing a code that was never sent
            raise OtpMismatch(NO_MATCH)
    return found


def _account(*, destination: Destination, username: str) -> User:
    accounts = recovery_accounts(destination=destination, username=username)
    if len(accounts) != 1:
        raise OtpMismatch(NO_MATCH)
    return User.objects.select_for_update().get(pk=accounts[0].pk)


def recovery_password_reset(
    *,
    otp_id: int,
    destination: str | Destination,
    username: str,
    new_password: str,
    remote_addr: str | None = None,
) -> User:
    destination = _as_destination(destination)
    with transaction.atomic():
        user = _account(destination=destination, username=username)
        try:
            password_validation.validate_password(new_password or "", user)
        except ValidationError as exc:
            raise ValidationFailed(field_errors={"new_password": exc.messages}) from exc
        otp_consume(otp_id=otp_id, purpose=PURPOSE_PASSWORD_RESET, destination=destination)
        user.set_password(new_password)
        user.password_changed_at = timezone.now()
        user.must_change_password = False
        user.save(update_fields=["password", "password_changed_at", "must_change_password"])
        _api_tokens_revoke_all(user)
        _record(user=user, username=user.username, outcome=LoginEvent.Outcome.PASSWORD_RESET, remote_addr=remote_addr)
    return user


def recovery_unlock(
    *, otp_id: int, destination: str | Destination, username: str, remote_addr: str | None = None
) -> User:
    destination = _as_destination(destination)
    with transaction.atomic():
        user = _account(destination=destination, username=username)
        otp_consume(otp_id=otp_id, purpose=PURPOSE_UNLOCK, destination=destination)
        _record(user=user, username=user.username, outcome=LoginEvent.Outcome.UNLOCKED, remote_addr=remote_addr)
    return user
