"""What the plan's services share: the two gates as refusals, and the checks of a text and a year."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from iljari.core.access import (
    access_plan_manage,
    access_programme_edit,
    require,
)
from iljari.core.errors import field_error
from iljari.core.figures import YEAR
from iljari.core.korean import with_object, with_topic
from iljari.plan.models import (
    Programme,
)

NOT_PLANNER = "비전·추진목표·핵심과제와 주요업무의 신설·폐지는 총괄만 할 수 있습니다."
NOT_EDITOR = "이 부서의 주요업무를 고칠 권한이 없습니다."

PLACE_FIELDS = ("objective", "number", "title", "division", "core_task")
TEXT_FIELDS = ("purposes", "budget", "budget_note")


def require_planner(actor) -> None:
    if actor is not None:
        require(access_plan_manage(actor), NOT_PLANNER)


def require_editor(actor, programme: Programme) -> None:
    if actor is not None:
        require(access_programme_edit(actor, programme.division.path), NOT_EDITOR)


def text_required(value, field: str, label: str, *, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise field_error(field, f"{with_object(label)} 입력하십시오.")
    if len(text) > limit:
        raise field_error(field, f"{with_topic(label)} {limit}자까지 쓸 수 있습니다.")
    return text


def year_checked(year) -> int:
    message = YEAR.problem(year)
    if message:
        raise field_error("year", message)
    return int(year)


def retire_day(on: date | None) -> date:
    return on or timezone.localdate()


def lines_joined(value) -> str:
    if isinstance(value, str):
        value = value.splitlines()
    return "\n".join(line.strip() for line in value or () if line and line.strip())
