"""The month close (월 마감) as an act: core's month lock, drafted and approved like every other act (core cannot import
this app, so the approvals app registers the act and core's `month_close` hook itself)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from iljari.approvals.acts import Act, register
from iljari.core.access import access_month_lock
from iljari.core.errors import NotFound, ValidationFailed, field_error
from iljari.core.korean import with_topic
from iljari.core.locks import month_close_approval_register, month_is_locked, month_lock
from iljari.core.roles import Position

CODE = "core.month_close"
KEY = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def label(self) -> str:
        return f"{self.year}년 {self.month}월"


def _get(key: str) -> Month:
    found = KEY.fullmatch(key or "")
    if found is None:
        raise NotFound("마감할 달을 찾을 수 없습니다.")
    year, month = int(found[1]), int(found[2])
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise NotFound("마감할 달을 찾을 수 없습니다.")
    return Month(year, month)


def _check(target: Month) -> None:
    if month_is_locked(date(target.year, target.month, 1)):
        raise ValidationFailed(f"{with_topic(target.label)} 이미 마감되었습니다.")


def _run(target: Month, *, approved_by, request) -> None:
    month_lock(actor=approved_by, year=target.year, month=target.month)


ACT = Act(
    code=CODE,
    label="월 마감",
    get=_get,
    key=lambda target: f"{target.year:04d}-{target.month:02d}",
    describe=lambda target: f"{target.label} 실적 마감",
    url=lambda target: reverse("core:month_locks"),
    gate=lambda user, target: access_month_lock(user),
    run=_run,
    effect="그 달이 마감됩니다",
    done="그 달을 마감했습니다",
    check=_check,
    summary=lambda target: f"{target.label}의 예산 집행·실적·지표를 마감합니다. 마감 뒤에는 해제해야 고칠 수 있습니다.",
    default_position=Position.HEAD,
)


def _draft(*, actor, year: int, month: int) -> str:
    from iljari.approvals.services import approval_draft

    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise field_error("month", "연도와 월을 확인하십시오.")
    request = approval_draft(actor=actor, act=ACT, target=Month(year, month))
    if request.state == request.State.APPROVED:
        return f"{year}년 {month}월을 마감했습니다."  # 전결: the drafter's own position closes it (recorded)
    return f"결재를 올렸습니다 — 결재가 끝나면 {year}년 {month}월이 마감됩니다."


def register_month_close() -> None:
    register(ACT)
    month_close_approval_register(_draft)
