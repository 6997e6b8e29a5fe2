"""The checks that several of a call's steps make: who runs the call (its programme's division, through
core.access), whether its selection is confirmed (then neither the review's cut nor the ranking changes), and
whether its 접수 has closed (a selection runs and is confirmed only after the application period's end)."""

from __future__ import annotations

from django.utils import timezone

from iljari.core.access import access_calls_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_datetime
from iljari.intake.models import Call


def call_manage_check(*, actor, call: Call) -> None:
    """Refuses (NotAllowed) who may not run the call: its eligibility check, review, selection and waiting list.
    A page checks it before it queues one of the call's batches."""
    if actor is not None:
        require(access_calls_manage(actor, call.programme.division.path), "이 공고를 관리할 권한이 없습니다.")


def selection_rerun_check(*, call: Call) -> None:
    """Refuses a call whose selection is confirmed (a page checks it before it queues a selection)."""
    if call.selection_confirmed:
        confirmed = screen_datetime(call.selection_confirmed_at)
        raise ValidationFailed(f"선발 결과가 확정되어({confirmed}) 다시 선발할 수 없습니다.")


def selection_wait_message(*, call: Call, doing: str = "선발할", now=None) -> str | None:
    """While the call still receives applications, when its selection may run or be confirmed; None once its
    접수 has closed (the end of its application period has passed)."""
    now = now or timezone.now()
    if now >= call.closes_at:
        return None
    return f"접수가 끝난 뒤({screen_datetime(call.closes_at)} 이후)에 {doing} 수 있습니다."


def selection_closed_check(*, call: Call, doing: str = "선발할", now=None) -> None:
    """Refuses a selection step (run, confirm) on a call that still receives applications."""
    message = selection_wait_message(call=call, doing=doing, now=now)
    if message is not None:
        raise ValidationFailed(message)
