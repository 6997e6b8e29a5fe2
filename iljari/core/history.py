"""Change history: who changed which record, when, from where, and the values before and after.

Recorded by django-auditlog for every model registered here (each app registers its own in AppConfig.ready
through `track`). The actor and address come from the request (ChangeHistoryMiddleware); an API call
authenticated by token sets its actor once the token is checked (`history_set_actor`). Commands run
without a request are recorded with no actor (the system).
"""

from __future__ import annotations

from auditlog.context import auditlog_value
from auditlog.registry import auditlog

ALWAYS_EXCLUDED = ("created_at", "updated_at")


def track(model, *, exclude: tuple[str, ...] = ()) -> None:
    """Record every create, update and delete of `model` (timestamps aside: the entry has its own)."""
    if not auditlog.contains(model):
        auditlog.register(model, exclude_fields=[*ALWAYS_EXCLUDED, *exclude])


def history_set_actor(user) -> None:
    """Name `user` as the actor of the changes the current request makes (token-authenticated API)."""
    try:
        context = auditlog_value.get()
    except LookupError:
        return
    context["actor"] = user


def register_core_models() -> None:
    from iljari.core.models import MonthLock, User

    track(MonthLock, exclude=("changed_at",))
    track(User, exclude=("password", "last_login", "failed_login_count", "locked_until", "password_changed_at"))
