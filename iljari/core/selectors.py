"""core selectors — reads of accounts, login records and the change history, scoped by core.access.

Contract:
- user_list(*, user, q="", role="", state="", locked=()) -> QuerySet[User]
      (system admin; each with `second_factor_on`)
- user_get(*, user, pk) -> User                                   (system admin; NotFound otherwise)
- user_security(*, user, account) -> dict   (system admin: forced change, second factor, live tokens, account events)
- login_event_list(*, user, username="", outcome="", date_from=None, date_to=None) -> QuerySet[LoginEvent]
- own_login_event_list(*, user, limit=10) -> list[LoginEvent]      (one's own)
- change_history_list(*, user, actor_id=None, model="", object_pk="", action=None,
                      date_from=None, date_to=None, q="") -> QuerySet[LogEntry]   (auditor, system admin;
  `q` finds the actor's id or name, or a record's text — a person's record only by its number, never by the
  name its masked text hides)
- change_history_get(*, user, pk) -> LogEntry
- change_batch_list(*, user, kind="", actor_id=None, date_from=None, date_to=None, q="") -> QuerySet[ChangeBatch]
  (`q`: a part of the batch's subject or kind)
                                                              (auditor, system admin: the bulk changes, newest first)
- change_batch_get(*, user, pk) -> ChangeBatch
- change_batch_entries(*, user, batch) -> QuerySet[LogEntry]   (the batch's change-history entries, in order)
- change_batch_kind_choices() -> list[tuple[str, str]]          (the kinds recorded so far: code, Korean label)
- tracked_model_choices() -> list[tuple[str, str]]   ("app_label.model", Korean name)
- stored_figures_outside(*, user, limit=200) -> list[StoredOutlier]   (office manager; None: the system)
      figures already stored outside their kind (core.figures), written around the application: to correct
- command_user(*, username="") -> User | None   (the account a command runs as: the named one, or the first
                                                 active office manager)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from iljari.core.access import (
    access_accounts_manage,
    access_change_history_view,
    access_validation_rules_manage,
    require,
)
from iljari.core.errors import NotFound
from iljari.core.figures import ANY_DECIMAL, KINDS, FigureValidator, SafeDecimalField
from iljari.core.history import PERSONAL_APPS
from iljari.core.models import ChangeBatch, LoginEvent, User
from iljari.core.roles import Role
from iljari.core.second_factor import recovery_codes_left, second_factor_enrolled, second_factor_required


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _date_range(queryset: QuerySet, field: str, date_from: date | None, date_to: date | None) -> QuerySet:
    if date_from:
        queryset = queryset.filter(**{f"{field}__gte": _day_start(date_from)})
    if date_to:
        queryset = queryset.filter(**{f"{field}__lt": _day_start(date_to + timedelta(days=1))})
    return queryset


def user_list(*, user: User, q: str = "", role: str = "", state: str = "", locked=()) -> QuerySet[User]:
    """The accounts, searched by name, user name or e-mail, of a role, in a state: "locked" (the user names given in
    `locked`, from core.services.usernames_locked), "must_change" (비밀번호 변경 전), "stopped" (사용 중지)."""
    require(access_accounts_manage(user))
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    queryset = (
        User.objects.select_related("org_unit", "district", "partner")
        .annotate(second_factor_on=Exists(confirmed))
        .order_by("username")
    )
    if q:
        queryset = queryset.filter(Q(username__icontains=q) | Q(display_name__icontains=q) | Q(email__icontains=q))
    if role:
        queryset = queryset.filter(role=role)
    if state == "locked":
        queryset = queryset.filter(username__in=list(locked))
    elif state == "must_change":
        queryset = queryset.filter(must_change_password=True, is_active=True)
    elif state == "stopped":
        queryset = queryset.filter(is_active=False)
    return queryset


ACCOUNT_EVENTS = [
    LoginEvent.Outcome.PASSWORD_RESET,
    LoginEvent.Outcome.PASSWORD_CHANGED,
    LoginEvent.Outcome.UNLOCKED,
    LoginEvent.Outcome.SECOND_FACTOR_ON,
    LoginEvent.Outcome.SECOND_FACTOR_OFF,
    LoginEvent.Outcome.RECOVERY_USED,
    LoginEvent.Outcome.DEACTIVATED,
    LoginEvent.Outcome.ACTIVATED,
]


def user_security(*, user: User, account: User) -> dict:
    """The account page's 계정 보안 section (system admin): the forced change, the second factor, live API tokens
    and the latest account events (resets, changes, unlocks, enrolments, recovery codes used)."""
    require(access_accounts_manage(user))
    now = timezone.now()
    return {
        "must_change_password": account.must_change_password,
        "password_changed_at": account.password_changed_at,
        "second_factor_required": second_factor_required(account),
        "second_factor_role": account.role in settings.ILJARI_SECOND_FACTOR_ROLES,
        "second_factor_exempt": account.second_factor_exempt and settings.ILJARI_SECOND_FACTOR_EXEMPTIONS,
        "second_factor_enrolled": second_factor_enrolled(account),
        "recovery_codes_left": recovery_codes_left(account),
        "tokens": account.api_tokens.filter(revoked_at__isnull=True, expires_at__gt=now).count(),
        "events": list(
            LoginEvent.objects.filter(user=account, outcome__in=ACCOUNT_EVENTS).select_related("actor")[:10]
        ),
        "is_self": account.pk == user.pk,
    }


def command_user(*, username: str = "") -> User | None:
    """The account a management command acts as (a command has no request): the one named, or else the first active
    office manager; None when there is none."""
    if username:
        return User.objects.filter(username=username).first()
    return User.objects.filter(role=Role.OFFICE_MANAGER, is_active=True).order_by("pk").first()


def user_get(*, user: User, pk: int) -> User:
    require(access_accounts_manage(user))
    found = User.objects.select_related("org_unit", "district", "partner").filter(pk=pk).first()
    if found is None:
        raise NotFound("계정을 찾을 수 없습니다.")
    return found


def login_event_list(
    *, user: User, username: str = "", outcome: str = "", date_from: date | None = None, date_to: date | None = None
) -> QuerySet[LoginEvent]:
    require(access_change_history_view(user))
    queryset = LoginEvent.objects.select_related("user", "actor")
    if username:
        queryset = queryset.filter(username__icontains=username)
    if outcome:
        queryset = queryset.filter(outcome=outcome)
    return _date_range(queryset, "at", date_from, date_to)


def own_login_event_list(*, user: User, limit: int = 10) -> list[LoginEvent]:
    return list(LoginEvent.objects.filter(user=user).order_by("-at", "-id")[:limit])


def tracked_model_choices() -> list[tuple[str, str]]:
    models = sorted(auditlog.get_models(), key=lambda m: (m._meta.app_label, m._meta.model_name))
    return [(f"{m._meta.app_label}.{m._meta.model_name}", str(m._meta.verbose_name)) for m in models]


def change_history_list(
    *,
    user: User,
    actor_id: int | None = None,
    model: str = "",
    object_pk: str = "",
    action: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    q: str = "",
) -> QuerySet[LogEntry]:
    require(access_change_history_view(user), "변경이력을 볼 권한이 없습니다.")
    queryset = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-id")
    if q:
        # a person's record is found by its number, never by the name its text masks
        in_words = Q(object_repr__icontains=q) & ~Q(content_type__app_label__in=PERSONAL_APPS)
        by_actor = Q(actor__username__icontains=q) | Q(actor__display_name__icontains=q)
        queryset = queryset.filter(by_actor | in_words)
    if actor_id:
        queryset = queryset.filter(actor_id=actor_id)
    if model:
        app_label, _, model_name = model.partition(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        queryset = queryset.filter(content_type=content_type) if content_type else queryset.none()
    if object_pk:
        queryset = queryset.filter(object_pk=object_pk)
    if action is not None:
        queryset = queryset.filter(action=action)
    return _date_range(queryset, "timestamp", date_from, date_to)


def change_history_get(*, user: User, pk: int) -> LogEntry:
    require(access_change_history_view(user), "변경이력을 볼 권한이 없습니다.")
    entry = LogEntry.objects.select_related("actor", "content_type").filter(pk=pk).first()
    if entry is None:
        raise NotFound("변경이력을 찾을 수 없습니다.")
    return entry


@dataclass(frozen=True)
class StoredOutlier:
    model: str  # the model's Korean name
    label: str  # app_label.model
    pk: object
    field: str  # the field's Korean name
    value: str  # what the database holds, as text
    message: str  # the kind's bounds, in Korean


def _figure_fields():
    """(model, field, kind) of every stored figure whose field declares a kind (a FigureValidator, or a
    SafeDecimalField, which without a kind is held to ANY_DECIMAL)."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            kinds = [KINDS[v.kind] for v in field.validators if isinstance(v, FigureValidator)]
            if not kinds and isinstance(field, SafeDecimalField):
                kinds = [ANY_DECIMAL]
            for kind in kinds[:1]:
                yield model, field, kind


def stored_figures_outside(*, user, limit: int = 200) -> list[StoredOutlier]:
    if user is not None:
        require(access_validation_rules_manage(user), "범위 밖 저장값은 총괄 관리자만 볼 수 있습니다.")
    found: list[StoredOutlier] = []
    for model, field, kind in _figure_fields():
        rows = (
            model._base_manager.exclude(kind.check(field.attname, nullable=field.null))
            .order_by("pk")
            .values_list("pk", field.attname)[: max(limit - len(found), 0)]
        )
        for pk, value in rows:
            found.append(
                StoredOutlier(
                    model=str(model._meta.verbose_name),
                    label=model._meta.label_lower,
                    pk=pk,
                    field=str(field.verbose_name),
                    value=getattr(value, "raw", "") or str(value),
                    message=kind.message,
                )
            )
        if len(found) >= limit:
            break
    return found


def change_batch_list(
    *,
    user: User,
    kind: str = "",
    actor_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    q: str = "",
) -> QuerySet[ChangeBatch]:
    require(access_change_history_view(user), "변경이력을 볼 권한이 없습니다.")
    queryset = ChangeBatch.objects.select_related("actor").order_by("-at", "-id")
    if q:
        queryset = queryset.filter(Q(subject__icontains=q) | Q(kind_label__icontains=q))
    if kind:
        queryset = queryset.filter(kind=kind)
    if actor_id:
        queryset = queryset.filter(actor_id=actor_id)
    return _date_range(queryset, "at", date_from, date_to)


def change_batch_get(*, user: User, pk: int) -> ChangeBatch:
    require(access_change_history_view(user), "변경이력을 볼 권한이 없습니다.")
    batch = ChangeBatch.objects.select_related("actor").filter(pk=pk).first()
    if batch is None:
        raise NotFound("일괄 변경 기록을 찾을 수 없습니다.")
    return batch


def change_batch_entries(*, user: User, batch: ChangeBatch) -> QuerySet[LogEntry]:
    require(access_change_history_view(user), "변경이력을 볼 권한이 없습니다.")
    return LogEntry.objects.select_related("content_type").filter(cid=batch.cid).order_by("action", "id")


def change_batch_kind_choices() -> list[tuple[str, str]]:
    return list(ChangeBatch.objects.order_by("kind").values_list("kind", "kind_label").distinct())
