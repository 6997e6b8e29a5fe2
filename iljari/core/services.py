"""core services — the writes of accounts, login and API tokens.

Contract (what other apps and the HTTP layer may call):
- account_authenticate(*, username, password, remote_addr, user_agent="", channel="web") -> LoginResult
      checks the limits (below), the password, and records the attempt in the login log.
- login_limit(*, username, remote_addr, now=None) -> LoginLimit | None   the wait a login must keep, if any
  Both limits are read from the login log (LoginEvent), per address — never per account alone, so that nobody
  can lock a user out from another address:
  · one address and one user name: ILJARI_LOGIN_MAX_FAILURES refused attempts within ILJARI_LOGIN_LOCK_MINUTES
    lock that user name at that address (403 AccountLocked) until fewer remain in the window; a success there
    or the system admin's unlock starts the count again;
  · one address, any user names: ILJARI_LOGIN_ADDRESS_MAX_FAILURES refused attempts within
    ILJARI_LOGIN_ADDRESS_MINUTES refuse every login from it (429 LoginThrottled) until fewer remain.
  Attempts refused by a limit count too, so an address that keeps trying stays refused.
- login_locks(*, username, now=None) -> list[(address, until)]   where a user name is locked now
- account_logout_record(*, user, remote_addr) / account_session_expire(*, user, remote_addr)
- user_create(*, actor, username, password, role, ...) -> User
- user_update(*, actor, user, role, ...) -> User
      both take the official's position (직위, `core.roles.Position`; approvals' 전결 rules read it); an unknown one
      is refused on the field; user_update's position=None keeps it.
- user_unlock(*, actor, user) -> User   lifts the user name's locks at every address (an "unlocked" login event)
- user_organisation_set(*, user, organisation) -> User   (for enterprises: an organisation account's organisation)
- user_password_change(*, user, old_password, new_password) -> User
- user_password_reset(*, actor, user, new_password) -> User   (system admin; also unlocks)
- api_token_issue(*, user, name="") -> tuple[ApiToken, str]   (the raw token is returned once)
- api_token_revoke(*, user, token_id) -> ApiToken
- api_token_authenticate(*, raw) -> User | None

Every function opens its own transaction and raises iljari.core.errors on a user's mistake.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from iljari.core.access import (
    access_account_role_set,
    access_accounts_manage,
    account_placement_allowed,
    account_placement_required,
    account_represents_organisation,
    require,
)
from iljari.core.errors import AccountLocked, AuthenticationFailed, LoginThrottled, NotFound, ValidationFailed
from iljari.core.korean import with_object
from iljari.core.models import ApiToken, LoginEvent, User
from iljari.core.roles import Position, Role


@dataclass(frozen=True)
class LoginResult:
    user: User
    previous_login: LoginEvent | None
    failures_since_previous: int


def _record(*, user, username, outcome, remote_addr, user_agent="", channel="web") -> LoginEvent:
    return LoginEvent.objects.create(
        user=user,
        username=username[:150],
        outcome=outcome,
        channel=channel,
        remote_addr=remote_addr,
        user_agent=(user_agent or "")[:300],
    )


REFUSED = [LoginEvent.Outcome.FAILURE, LoginEvent.Outcome.LOCKED, LoginEvent.Outcome.THROTTLED]


@dataclass(frozen=True)
class LoginLimit:
    error: type[AuthenticationFailed]  # AccountLocked (this user name here) or LoginThrottled (this address)
    until: datetime

    def raise_it(self, now: datetime):
        seconds = max(1, int((self.until - now).total_seconds()) + 1)
        minutes = (seconds + 59) // 60
        if self.error is LoginThrottled:
            error = LoginThrottled(
                "이 주소에서 로그인 실패가 너무 많습니다. "
                f"잠시 후 다시 시도하세요({minutes}분 후 다시 시도할 수 있습니다)."
            )
        else:
            error = AccountLocked(
                f"로그인에 {settings.ILJARI_LOGIN_MAX_FAILURES}회 연속 실패하여 이 접속 주소에서 계정이 잠겼습니다. "
                f"{minutes}분 후 다시 시도하거나 시스템관리자에게 잠금 해제를 요청하십시오."
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
        .filter(Q(outcome=LoginEvent.Outcome.SUCCESS, **here) | Q(outcome=LoginEvent.Outcome.UNLOCKED))
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
    limit = login_limit(username=username, remote_addr=remote_addr, now=now)
    if limit is not None:
        outcome = LoginEvent.Outcome.THROTTLED if limit.error is LoginThrottled else LoginEvent.Outcome.LOCKED
        _record(user=User.objects.filter(username=username).first(), outcome=outcome, **record)
        limit.raise_it(now)

    user = authenticate(username=username, password=password)
    if user is None:
        _record(user=User.objects.filter(username=username).first(), outcome=LoginEvent.Outcome.FAILURE, **record)
        limit = login_limit(username=username, remote_addr=remote_addr, now=now)
        if limit is not None and limit.error is AccountLocked:
            limit.raise_it(now)
        raise AuthenticationFailed(
            "아이디 또는 비밀번호가 올바르지 않습니다. "
            f"{settings.ILJARI_LOGIN_MAX_FAILURES}회 연속 실패하면 이 접속 주소에서 계정이 "
            f"{settings.ILJARI_LOGIN_LOCK_MINUTES}분간 잠깁니다."
        )

    with transaction.atomic():
        previous = (
            LoginEvent.objects.filter(user=user, outcome=LoginEvent.Outcome.SUCCESS).order_by("-at", "-id").first()
        )
        failures = LoginEvent.objects.filter(
            user=user,
            outcome__in=[LoginEvent.Outcome.FAILURE, LoginEvent.Outcome.LOCKED],
        )
        if previous is not None:
            failures = failures.filter(at__gt=previous.at)
        failures = failures.count()
        _record(user=user, outcome=LoginEvent.Outcome.SUCCESS, **record)
    return LoginResult(user=user, previous_login=previous, failures_since_previous=failures)


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
    position: str = "",
) -> User:
    """Create an account. `actor=None` only from trusted commands (demo, createsuperuser)."""
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


def user_unlock(*, actor: User, user: User) -> User:
    require(access_accounts_manage(actor), "계정 잠금을 해제할 권한이 없습니다.")
    _record(user=user, username=user.username, outcome=LoginEvent.Outcome.UNLOCKED, remote_addr=None)
    return user


def user_password_change(*, user: User, old_password: str, new_password: str) -> User:
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
        user.save(update_fields=["password", "password_changed_at"])
    return user


def user_password_reset(*, actor: User | None, user: User, new_password: str) -> User:
    """Set a new password for someone who forgot theirs (and lift any lock). `actor=None`: the demo."""
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
        _record(user=user, username=user.username, outcome=LoginEvent.Outcome.UNLOCKED, remote_addr=None)
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
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, token
