"""core services — the writes of accounts, login and API tokens.

Contract (what other apps and the HTTP layer may call):
- account_authenticate(*, username, password, remote_addr, user_agent="", channel="web") -> LoginResult
      checks the limits (below), the password, and records the attempt in the login log. For an account with a
      second factor the result says `code_required` (event "비밀번호 확인", no success yet) and the caller asks for:
- account_second_factor_verify(*, user_id, code, remote_addr, user_agent="", channel="web") -> LoginResult
      an authenticator code or a recovery code (used up; event "복구 코드로 로그인"). A wrong code is a
      "인증 코드 실패" event and counts in the same limits as a wrong password.
- login_limit(*, username, remote_addr, now=None) -> LoginLimit | None   the wait a login must keep, if any
  Both limits are read from the login log (LoginEvent), per address — never per account alone, so that nobody
  can lock a user out from another address:
  · one address and one user name: ILJARI_LOGIN_MAX_FAILURES refused attempts within ILJARI_LOGIN_LOCK_MINUTES
    lock that user name at that address (403 AccountLocked) until fewer remain in the window; a success there
    or the system admin's unlock or password reset starts the count again (a password right but its second
    factor's code still awaited is no success);
  · one address, any user names: ILJARI_LOGIN_ADDRESS_MAX_FAILURES refused attempts within
    ILJARI_LOGIN_ADDRESS_MINUTES refuse every login from it (429 LoginThrottled) until fewer remain.
  Attempts refused by a limit count too, so an address that keeps trying stays refused.
  The lock's message tells a citizen or an organisation (and any user name that is no staff account's) to unlock
  it themselves by a one-time code (core.recovery); a staff account keeps the system administrator's unlock.
- login_locks(*, username, now=None) -> list[(address, until)]   where a user name is locked now
- usernames_locked(*, now=None) -> list[str]   every user name locked now at some address (the system admin's
      work list and the accounts list's 잠김 filter): the names with enough refused attempts in the window (one
      query), each then checked as login_locks does
- account_logout_record(*, user, remote_addr) / account_session_expire(*, user, remote_addr)
- user_create(*, actor, username, password, role, ..., position="", must_change_password=None,
              second_factor_exempt=False) -> User
      an account the system admin makes (actor given) must change its password at the first login
- user_update(*, actor, user, role, ..., is_active=True) -> User   (stopping here works as user_active_set)
      both take the official's position (직위, `core.roles.Position`; approvals' 전결 rules read it); an unknown one
      is refused on the field; user_update's position=None keeps it.
- user_unlock(*, actor, user, remote_addr=None) -> User   lifts the user name's locks at every address ("잠금 해제")
- user_active_set(*, actor, user, is_active, remote_addr=None) -> User   stop (tokens revoked) or let in again
- user_organisation_set(*, user, organisation) -> User   (for enterprises: an organisation account's organisation)
- user_password_change(*, user, old_password, new_password, remote_addr=None) -> User   clears must_change_password
- user_password_change_require(*, user) -> User   the forced change before anything else (issue 25's reset by code)
- user_password_reset(*, actor, user, new_password) -> User   (the demo loader: a given password; also unlocks)
- user_password_reset_temporary(*, actor, user, remote_addr=None) -> (User, password)   the system admin's reset:
      a temporary password shown once, must_change_password, sessions end, tokens revoked, locks lifted
- second_factor_enrol_confirm(*, user, code, remote_addr=None) -> list[str]   the ten recovery codes, shown once
- second_factor_reset(*, actor, user, remote_addr=None) -> User   the system admin removes a lost authenticator
      (and revokes the account's API tokens)
  Each of these account events is a login event (LoginEvent, with the acting admin as `actor`): the auditor's
  login log; changes of the account's fields are in the change history too.
- api_token_sign_in(*, username, password, code="", name="", remote_addr, user_agent="") -> (ApiToken, raw)
      refused (403) while the password must be changed or a required second factor is not enrolled
- api_token_issue(*, user, name="") -> tuple[ApiToken, str]   (the raw token is returned once)
- api_token_revoke(*, user, token_id) -> ApiToken
- api_token_authenticate(*, raw) -> (User, ApiToken) | None   raises PasswordChangeRequired (403) for an account
      that must change its password

Every function opens its own transaction and raises iljari.core.errors on a user's mistake.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from iljari.core.access import (
    access_account_role_set,
    access_accounts_manage,
    account_placement_allowed,
    account_placement_required,
    account_represents_organisation,
    require,
)
from iljari.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    LoginThrottled,
    NotFound,
    PasswordChangeRequired,
    SecondFactorRequired,
    ValidationFailed,
)
from iljari.core.korean import with_object
from iljari.core.models import ApiToken, LoginEvent, User
from iljari.core.roles import Position, Role
from iljari.core.second_factor import (
    RECOVERY_NAME,
    recovery_code_digest,
    recovery_codes_left,
    recovery_codes_make,
    second_factor_check,
    second_factor_enrolled,
    second_factor_required,
)


@dataclass(frozen=True)
class LoginResult:
    user: User
    previous_login: LoginEvent | None
    failures_since_previous: int
    code_required: bool = False  # the password was right; the second factor's code comes next (no login yet)
    recovery_codes_left: int | None = None  # after a login with a recovery code


def _record(*, user, username, outcome, remote_addr, user_agent="", channel="web", actor=None) -> LoginEvent:
    return LoginEvent.objects.create(
        user=user,
        username=username[:150],
        outcome=outcome,
        channel=channel,
        remote_addr=remote_addr,
        user_agent=(user_agent or "")[:300],
        actor=actor,
    )


REFUSED = [
    LoginEvent.Outcome.FAILURE,
    LoginEvent.Outcome.LOCKED,
    LoginEvent.Outcome.THROTTLED,
    LoginEvent.Outcome.CODE_FAILURE,
]
# events after which a user name's count of refused attempts starts again (at any address)
COUNT_RESETS = [LoginEvent.Outcome.UNLOCKED, LoginEvent.Outcome.PASSWORD_RESET]


@dataclass(frozen=True)
class LoginLimit:
    error: type[AuthenticationFailed]  # AccountLocked (this user name here) or LoginThrottled (this address)
    until: datetime

    def raise_it(self, now: datetime, *, self_service: bool = False):
        """`self_service`: the user name is no staff account's (a citizen's, an organisation's, or nobody's — the
        same words either way, so the answer tells nothing about whether the account exists): the message says how
        to unlock it by a one-time code (core.recovery); a staff account keeps the system administrator's way."""
        seconds = max(1, int((self.until - now).total_seconds()) + 1)
        minutes = (seconds + 59) // 60
        if self.error is LoginThrottled:
            error = LoginThrottled(
                "이 주소에서 로그인 실패가 너무 많습니다. "
                f"잠시 후 다시 시도하세요({minutes}분 후 다시 시도할 수 있습니다)."
            )
        else:
            locked = (
                f"로그인에 {settings.ILJARI_LOGIN_MAX_FAILURES}회 연속 실패하여 이 접속 주소에서 계정이 잠겼습니다. "
            )
            if self_service:
                error = AccountLocked(
                    f"{locked}{minutes}분 후 다시 시도하거나, 로그인 화면의 ‘잠긴 계정 풀기’에서 가입할 때 등록한 "
                    "휴대전화나 전자우편으로 인증번호를 받아 직접 잠금을 풀 수 있습니다."
                )
            else:
                error = AccountLocked(
                    f"{locked}{minutes}분 후 다시 시도하거나 시스템관리자에게 잠금 해제를 요청하십시오."
                )
        error.retry_after = seconds
        raise error


def _window_full(events, *, since: datetime, limit: int, minutes: int) -> datetime | None:
    """When the window frees a place, if `limit` refused attempts already fill it."""
    times = list(events.filter(at__gt=since).order_by("-at").values_list("at", flat=True)[:limit])
    if limit > 0 and len(times) >= limit:
        return times[limit - 1] + timedelta(minutes=minutes)
    return None


def _name_locked_until(*, username: str, remote_addr: str | None, now: datetime) -> datetime | None:
    here = {"remote_addr": remote_addr} if remote_addr else {"remote_addr__isnull": True}
    minutes = settings.ILJARI_LOGIN_LOCK_MINUTES
    since = now - timedelta(minutes=minutes)
    reset = (
        LoginEvent.objects.filter(username=username)
        .filter(Q(outcome=LoginEvent.Outcome.SUCCESS, **here) | Q(outcome__in=COUNT_RESETS))
        .aggregate(at=Max("at"))["at"]
    )
    return _window_full(
        LoginEvent.objects.filter(outcome__in=REFUSED, username=username, **here),
        since=max(since, reset) if reset else since,
        limit=settings.ILJARI_LOGIN_MAX_FAILURES,
        minutes=minutes,
    )


def login_limit(*, username: str, remote_addr: str | None, now=None) -> LoginLimit | None:
    now = now or timezone.now()
    if remote_addr:
        minutes = settings.ILJARI_LOGIN_ADDRESS_MINUTES
        until = _window_full(
            LoginEvent.objects.filter(outcome__in=REFUSED, remote_addr=remote_addr),
            since=now - timedelta(minutes=minutes),
            limit=settings.ILJARI_LOGIN_ADDRESS_MAX_FAILURES,
            minutes=minutes,
        )
        if until is not None:
            return LoginLimit(LoginThrottled, until)
    until = _name_locked_until(username=username, remote_addr=remote_addr, now=now)
    return LoginLimit(AccountLocked, until) if until is not None else None


def login_locks(*, username: str, now=None) -> list[tuple[str | None, datetime]]:
    """The addresses at which the user name is locked now, each with the time its lock ends (for the system
    admin's account page)."""
    now = now or timezone.now()
    since = now - timedelta(minutes=settings.ILJARI_LOGIN_LOCK_MINUTES)
    addresses = (
        LoginEvent.objects.filter(username=username, outcome__in=REFUSED, at__gt=since)
        .order_by()
        .values_list("remote_addr", flat=True)
        .distinct()
    )
    locks = [(address, _name_locked_until(username=username, remote_addr=address, now=now)) for address in addresses]
    return sorted(((address, until) for address, until in locks if until), key=lambda lock: lock[1])


def usernames_locked(*, now=None) -> list[str]:
    now = now or timezone.now()
    since = now - timedelta(minutes=settings.ILJARI_LOGIN_LOCK_MINUTES)
    candidates = (
        LoginEvent.objects.filter(outcome__in=REFUSED, at__gt=since)
        .values("username")
        .annotate(n=Count("pk"))
        .filter(n__gte=max(settings.ILJARI_LOGIN_MAX_FAILURES, 1))
        .order_by("username")
        .values_list("username", flat=True)
    )
    return [username for username in candidates if login_locks(username=username, now=now)]


def account_authenticate(
    *, username: str, password: str, remote_addr: str | None, user_agent: str = "", channel: str = "web"
) -> LoginResult:
    username = (username or "").strip()
    if not username or not password:
        raise ValidationFailed(
            "아이디와 비밀번호를 모두 입력하십시오.",
            field_errors={
                **({"username": ["아이디를 입력하십시오."]} if not username else {}),
                **({"password": ["비밀번호를 입력하십시오."]} if not password else {}),
            },
        )
    record = {"username": username, "remote_addr": remote_addr, "user_agent": user_agent, "channel": channel}
    now = timezone.now()
    holder = User.objects.filter(username=username).first()
    self_service = holder is None or holder.is_public
    limit = login_limit(username=username, remote_addr=remote_addr, now=now)
    if limit is not None:
        outcome = LoginEvent.Outcome.THROTTLED if limit.error is LoginThrottled else LoginEvent.Outcome.LOCKED
        _record(user=holder, outcome=outcome, **record)
        limit.raise_it(now, self_service=self_service)

    user = authenticate(username=username, password=password)
    if user is None:
        _record(user=holder, outcome=LoginEvent.Outcome.FAILURE, **record)
        limit = login_limit(username=username, remote_addr=remote_addr, now=now)
        if limit is not None and limit.error is AccountLocked:
            limit.raise_it(now, self_service=self_service)
        raise AuthenticationFailed(
            "아이디 또는 비밀번호가 올바르지 않습니다. "
            f"{settings.ILJARI_LOGIN_MAX_FAILURES}회 연속 실패하면 이 접속 주소에서 계정이 "
            f"{settings.ILJARI_LOGIN_LOCK_MINUTES}분간 잠깁니다."
        )

    if second_factor_enrolled(user):
        # the password alone logs nobody in, and is no success that would start the count of wrong codes again
        _record(user=user, outcome=LoginEvent.Outcome.PASSWORD_OK, **record)
        return LoginResult(user=user, previous_login=None, failures_since_previous=0, code_required=True)
    return _login_success(user, record)


def _login_success(user: User, record: dict, **extra) -> LoginResult:
    with transaction.atomic():
        previous = (
            LoginEvent.objects.filter(user=user, outcome=LoginEvent.Outcome.SUCCESS).order_by("-at", "-id").first()
        )
        failures = LoginEvent.objects.filter(
            user=user,
            outcome__in=[LoginEvent.Outcome.FAILURE, LoginEvent.Outcome.LOCKED, LoginEvent.Outcome.CODE_FAILURE],
        )
        if previous is not None:
            failures = failures.filter(at__gt=previous.at)
        failures = failures.count()
        _record(user=user, outcome=LoginEvent.Outcome.SUCCESS, **record)
    return LoginResult(user=user, previous_login=previous, failures_since_previous=failures, **extra)


def account_second_factor_verify(
    *, user_id: int, code: str, remote_addr: str | None, user_agent: str = "", channel: str = "web"
) -> LoginResult:
    """The second step of a login whose password was right (LoginResult.code_required): an authenticator code or a
    recovery code (used up). Wrong codes count in the login limits like wrong passwords; a recovery code's use is
    its own login event."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise AuthenticationFailed("로그인을 처음부터 다시 하십시오.")
    record = {"username": user.username, "remote_addr": remote_addr, "user_agent": user_agent, "channel": channel}
    if not (code or "").strip():
        raise ValidationFailed(field_errors={"code": ["인증 앱의 6자리 코드나 복구 코드를 입력하십시오."]})
    now = timezone.now()
    limit = login_limit(username=user.username, remote_addr=remote_addr, now=now)
    if limit is not None:
        outcome = LoginEvent.Outcome.THROTTLED if limit.error is LoginThrottled else LoginEvent.Outcome.LOCKED
        _record(user=user, outcome=outcome, **record)
        limit.raise_it(now, self_service=user.is_public)
    with transaction.atomic():
        factor = second_factor_check(user, code)
    if factor is None:
        _record(user=user, outcome=LoginEvent.Outcome.CODE_FAILURE, **record)
        limit = login_limit(username=user.username, remote_addr=remote_addr, now=now)
        if limit is not None:
            limit.raise_it(now, self_service=user.is_public)
        raise ValidationFailed(
            "인증 코드가 올바르지 않습니다.",
            field_errors={"code": ["인증 코드가 올바르지 않습니다. 인증 앱에 지금 보이는 코드를 입력하십시오."]},
        )
    if factor == "recovery":
        _record(user=user, outcome=LoginEvent.Outcome.RECOVERY_USED, **record)
        return _login_success(user, record, recovery_codes_left=recovery_codes_left(user))
    return _login_success(user, record)


def account_logout_record(*, user: User, remote_addr: str | None) -> None:
    _record(user=user, username=user.username, outcome=LoginEvent.Outcome.LOGOUT, remote_addr=remote_addr)


def account_session_expire(*, user: User, remote_addr: str | None) -> None:
    _record(user=user, username=user.username, outcome=LoginEvent.Outcome.TIMEOUT, remote_addr=remote_addr)


# --- accounts --------------------------------------------------------------------------------------------

PLACEMENT_LABELS = {"org_unit": "소속 부서", "district": "소속 자치구", "partner": "소속 기관"}


def _check_placement(*, role: str, org_unit, district, partner) -> dict:
    """A staff account belongs to an org unit, a district officer to a district, a partner user to a
    partner; no account carries a placement its role does not use."""
    given = {"org_unit": org_unit, "district": district, "partner": partner}
    needed = account_placement_required(role)
    errors: dict[str, list[str]] = {}
    if needed and given[needed] is None:
        errors[needed] = [f"이 역할에는 {with_object(PLACEMENT_LABELS[needed])} 지정해야 합니다."]
    for field, value in given.items():
        if value is not None and not account_placement_allowed(role, field):
            errors[field] = [f"이 역할에는 {with_object(PLACEMENT_LABELS[field])} 지정하지 않습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    return given


def _check_position(position: str) -> None:
    if position and position not in Position.values:
        raise ValidationFailed(field_errors={"position": ["알 수 없는 직위입니다."]})


def _validate_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationFailed("비밀번호가 규칙에 맞지 않습니다.", field_errors={"password": exc.messages}) from exc


def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    display_name: str = "",
    email: str = "",
    phone: str = "",
    org_unit=None,
    district=None,
    partner=None,
    must_change_password: bool | None = None,
    second_factor_exempt: bool = False,
    position: str = "",
) -> User:
    """Create an account. `actor=None` only from trusted commands (demo, createsuperuser) and the citizen's own
    sign-up. An account the system admin makes must change its password at the first login (the admin chose it);
    `second_factor_exempt` only from the demo loader and the test personas."""
    if actor is not None:
        require(access_accounts_manage(actor), "계정을 만들 권한이 없습니다.")
    if role not in Role.values:
        raise ValidationFailed(field_errors={"role": ["알 수 없는 역할입니다."]})
    username = (username or "").strip()
    if not username:
        raise ValidationFailed(field_errors={"username": ["아이디를 입력하십시오."]})
    _check_position(position)
    placement = _check_placement(role=role, org_unit=org_unit, district=district, partner=partner)
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise ValidationFailed(field_errors={"username": ["이미 쓰이는 아이디입니다."]})
        user = User(
            username=username,
            role=role,
            display_name=display_name,
            email=email,
            phone=phone,
            position=position,
            is_staff=False,
            is_superuser=False,
            password_changed_at=timezone.now(),
            must_change_password=actor is not None if must_change_password is None else must_change_password,
            second_factor_exempt=second_factor_exempt and actor is None,
            **placement,
        )
        _validate_password(password, user)
        user.set_password(password)
        user.save()
    return user


def user_update(
    *,
    actor: User,
    user: User,
    role: str,
    display_name: str = "",
    email: str = "",
    phone: str = "",
    org_unit=None,
    district=None,
    partner=None,
    is_active: bool = True,
    position: str | None = None,
) -> User:
    """`position` None keeps the account's position."""
    require(access_accounts_manage(actor), "계정을 바꿀 권한이 없습니다.")
    if position is not None:
        _check_position(position)
    if role not in Role.values:
        raise ValidationFailed(field_errors={"role": ["알 수 없는 역할입니다."]})
    if not access_account_role_set(actor, user, role=role, is_active=is_active):
        raise ValidationFailed("자신의 역할을 바꾸거나 자신의 계정을 중지할 수 없습니다.")
    placement = _check_placement(role=role, org_unit=org_unit, district=district, partner=partner)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        was_active = user.is_active
        user.role = role
        user.display_name = display_name
        user.email = email
        user.phone = phone
        user.is_active = is_active
        if position is not None:
            user.position = position
        for field, value in placement.items():
            setattr(user, field, value)
        if not account_represents_organisation(role):
            user.organisation = None  # only an organisation's account represents an organisation
        user.save(
            update_fields=[
                "role",
                "position",
                "display_name",
                "email",
                "phone",
                "is_active",
                "org_unit",
                "district",
                "partner",
                "organisation",
            ]
        )
        if was_active != is_active:  # as user_active_set: a stopped account's tokens go, and the log says who
            if not is_active:
                _api_tokens_revoke_all(user)
            outcome = LoginEvent.Outcome.ACTIVATED if is_active else LoginEvent.Outcome.DEACTIVATED
            _record(user=user, username=user.username, outcome=outcome, remote_addr=None, actor=actor)
    return user


def user_organisation_set(*, user: User, organisation) -> User:
    """Tie an organisation-role account to the organisation it represents (None unties it). Called by
    enterprises' organisation_contact_* services, which check the caller's permission."""
    if organisation is not None and not account_represents_organisation(user.role):
        raise ValidationFailed(field_errors={"user": ["기업·단체 역할의 계정만 기업·단체 담당자가 될 수 있습니다."]})
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.organisation = organisation
        user.save(update_fields=["organisation"])
    return user


def user_unlock(*, actor: User, user: User, remote_addr: str | None = None) -> User:
    require(access_accounts_manage(actor), "계정 잠금을 해제할 권한이 없습니다.")
    _record(
        user=user, username=user.username, outcome=LoginEvent.Outcome.UNLOCKED, remote_addr=remote_addr, actor=actor
    )
    return user


def user_active_set(*, actor: User, user: User, is_active: bool, remote_addr: str | None = None) -> User:
    """Stop an account (its sessions end at their next request: Django's ModelBackend loads no inactive user; its
    API tokens are revoked) or let it in again. Nobody stops their own account."""
    require(access_accounts_manage(actor), "계정을 중지하거나 다시 사용하게 할 권한이 없습니다.")
    if not access_account_role_set(actor, user, role=user.role, is_active=is_active):
        raise ValidationFailed("자신의 계정은 중지할 수 없습니다.")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_active == is_active:
            return user
        user.is_active = is_active
        user.save(update_fields=["is_active"])
        if not is_active:
            _api_tokens_revoke_all(user)
        outcome = LoginEvent.Outcome.ACTIVATED if is_active else LoginEvent.Outcome.DEACTIVATED
        _record(user=user, username=user.username, outcome=outcome, remote_addr=remote_addr, actor=actor)
    return user


def user_password_change(*, user: User, old_password: str, new_password: str, remote_addr: str | None = None) -> User:
    """The holder sets a new password (the forced change after a reset or at the first login too: the temporary
    password is the current one, and the new one must differ from it). Clears `must_change_password`."""
    if not user.check_password(old_password or ""):
        raise ValidationFailed(field_errors={"old_password": ["현재 비밀번호가 올바르지 않습니다."]})
    if old_password == new_password:
        raise ValidationFailed(field_errors={"new_password": ["새 비밀번호는 현재 비밀번호와 달라야 합니다."]})
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise ValidationFailed(field_errors={"new_password": exc.messages}) from exc
    with transaction.atomic():
        user.set_password(new_password)
        user.password_changed_at = timezone.now()
        user.must_change_password = False
        user.save(update_fields=["password", "password_changed_at", "must_change_password"])
        _record(user=user, username=user.username, outcome=LoginEvent.Outcome.PASSWORD_CHANGED, remote_addr=remote_addr)
    return user


def user_password_change_require(*, user: User) -> User:
    """Make the account set its own password before anything else (every page leads to the change page, its API
    tokens are refused). For a password someone else chose or saw: the admin's reset, and a reset by one-time code."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(must_change_password=True)
        user.must_change_password = True
    return user


def user_password_reset(*, actor: User | None, user: User, new_password: str) -> User:
    """Set a given password (and lift any lock): the demo loader (`actor=None`), which keeps its printed
    passwords. The system admin's reset is user_password_reset_temporary."""
    if actor is not None:
        require(access_accounts_manage(actor), "비밀번호를 초기화할 권한이 없습니다.")
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise ValidationFailed(field_errors={"new_password": exc.messages}) from exc
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.set_password(new_password)
        user.password_changed_at = timezone.now()
        user.save(update_fields=["password", "password_changed_at"])
        _record(user=user, username=user.username, outcome=LoginEvent.Outcome.UNLOCKED, remote_addr=None, actor=actor)
    return user


TEMPORARY_ALPHABETS = ("ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789")


def temporary_password_make(length: int = 12) -> str:
    """A password of three character classes (no 0/O, 1/l/I to misread), which the password rules accept."""
    alphabet = "".join(TEMPORARY_ALPHABETS)
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if all(any(char in chars for char in password) for chars in TEMPORARY_ALPHABETS):
            return password


def user_password_reset_temporary(*, actor: User, user: User, remote_addr: str | None = None) -> tuple[User, str]:
    """The system admin's reset: a temporary password, returned once to be shown once (never stored but hashed,
    never logged). The account must change it at its next login, its sessions end (Django checks each session
    against the password hash), its API tokens are revoked and its login locks lifted. Not one's own account (the
    profile's password change is for that)."""
    require(access_accounts_manage(actor), "비밀번호를 초기화할 권한이 없습니다.")
    if user.pk == actor.pk:
        raise ValidationFailed("자신의 비밀번호는 초기화하지 않고 내 정보에서 바꿉니다.")
    password = temporary_password_make()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.set_password(password)
        user.password_changed_at = timezone.now()
        user.must_change_password = True
        user.save(update_fields=["password", "password_changed_at", "must_change_password"])
        _api_tokens_revoke_all(user)
        _record(
            user=user,
            username=user.username,
            outcome=LoginEvent.Outcome.PASSWORD_RESET,
            remote_addr=remote_addr,
            actor=actor,
        )
    return user, password


# --- second factor (the checks and the devices: core.second_factor) ------------------------------------------


def second_factor_enrol_confirm(*, user: User, code: str, remote_addr: str | None = None) -> list[str]:
    """Confirm the authenticator being enrolled with a code it shows; returns the ten recovery codes, to be shown
    once (only their HMACs are kept). Replaces an earlier authenticator and earlier recovery codes."""
    text = re.sub(r"\s", "", code or "")
    if not re.fullmatch(r"\d{6}", text):
        raise ValidationFailed(field_errors={"code": ["인증 앱에 보이는 6자리 숫자를 입력하십시오."]})
    codes = recovery_codes_make()
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
        if device is None:
            raise ValidationFailed("등록을 처음부터 다시 하십시오(등록 화면을 새로 여십시오).")
        if not device.verify_token(text):
            raise ValidationFailed(
                field_errors={
                    "code": ["인증 코드가 맞지 않습니다. 휴대전화의 시각이 맞는지 확인하고 새 코드를 입력하십시오."]
                }
            )
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        StaticDevice.objects.filter(user=user).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        for one in codes:
            recovery.token_set.create(token=recovery_code_digest(one))
        _record(user=user, username=user.username, outcome=LoginEvent.Outcome.SECOND_FACTOR_ON, remote_addr=remote_addr)
    return codes


def second_factor_reset(*, actor: User, user: User, remote_addr: str | None = None) -> User:
    """The system admin removes an account's authenticator and recovery codes (a lost phone) and revokes its API
    tokens: it logs in with its password alone, and enrols again at once where its role requires a second factor."""
    require(access_accounts_manage(actor), "2단계 인증을 초기화할 권한이 없습니다.")
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _api_tokens_revoke_all(user)  # issued with the lost factor's code
        _record(
            user=user,
            username=user.username,
            outcome=LoginEvent.Outcome.SECOND_FACTOR_OFF,
            remote_addr=remote_addr,
            actor=actor,
        )
    return user


# --- API tokens ------------------------------------------------------------------------------------------


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_issue(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    raw = f"ilj_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name[:100], prefix=raw[:12], digest=_digest(raw), expires_at=ApiToken.default_expiry()
        )
    return token, raw


def _api_tokens_revoke_all(user: User) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def api_token_sign_in(
    *, username: str, password: str, code: str = "", name: str = "", remote_addr: str | None, user_agent: str = ""
) -> tuple[ApiToken, str]:
    """POST /api/auth/token: the password, and the second factor's code where the account has one. No token for an
    account that must change its password or enrol the second factor its role requires (403 in Korean)."""
    result = account_authenticate(
        username=username, password=password, remote_addr=remote_addr, user_agent=user_agent, channel="api"
    )
    if result.code_required:
        if not (code or "").strip():
            raise AuthenticationFailed("이 계정은 2단계 인증을 씁니다. 인증 앱의 코드(code)를 함께 보내십시오.")
        result = account_second_factor_verify(
            user_id=result.user.pk, code=code, remote_addr=remote_addr, user_agent=user_agent, channel="api"
        )
    user = result.user
    if user.must_change_password:
        raise PasswordChangeRequired()
    if second_factor_required(user) and not second_factor_enrolled(user):
        raise SecondFactorRequired()
    return api_token_issue(user=user, name=name)


def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
        if token is None:
            raise NotFound("토큰을 찾을 수 없습니다.")
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, raw: str) -> tuple[User, ApiToken] | None:
    if not raw or not raw.startswith("ilj_"):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(raw)).first()
    now = timezone.now()
    # a token carries its own secret: a login lock (a user name at one address) does not touch it; a deactivated
    # account's tokens stop at once, and the holder or the system admin revokes a leaked one
    if token is None or not token.is_active(now) or not token.user.is_active:
        return None
    if token.user.must_change_password:  # reset tokens are revoked; a new account's first change comes first too
        raise PasswordChangeRequired()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, token
