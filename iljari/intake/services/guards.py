"""The two checks that several of a call's steps make: who runs the call (its programme's division, through
core.access), and whether its selection is confirmed (then neither the review's cut nor the ranking changes)."""

from __future__ import annotations

from django.utils import timezone

from iljari.core.access import access_calls_manage, require
from iljari.core.errors import ValidationFailed
from iljari.intake.models import Call


def call_manage_check(*, actor, call: Call) -> None:
    """Refuses (NotAllowed) who may not run the call: its eligibility check, review, selection and waiting list.
    A page checks it before it queues one of the call's batches."""
    if actor is not None:
        require(access_calls_manage(actor, call.programme.division.path), "이 공고를 관리할 권한이 없습니다.")


def selection_rerun_check(*, call: Call) -> None:
    """Refuses a call whose selection is confirmed (a page checks it before it queues a selection)."""
    if call.selection_confirmed:
        confirmed = timezone.localtime(call.selection_confirmed_at)
        raise ValidationFailed(f"선발 결과가 확정되어({confirmed:%Y-%m-%d %H:%M}) 다시 선발할 수 없습니다.")
