"""Opening a year ("2019년 준비"): the next year's definitions made from a chosen year's, in one confirmed step.

Each app that keeps definitions by year registers a step in its AppConfig.ready (core imports no app above it):

    year_step_register("finance", label="예산 사업", preview=preview, open=open_year)
    year_step_register("plan", label="비전·주요업무", preview=preview, open=open_year, after=("finance",))

- `preview(from_year, to_year) -> list[PreviewPart]`: for each kind of row, the rows it would create (described in
  Korean) and the rows of to_year already there (left alone). Reads only.
- `open(from_year, to_year, actor, batch) -> dict[str, int]`: creates what the preview says, set-based (bulk_create
  and history_bulk_created: a fixed number of queries whatever the number of rows), inside the batch's transaction;
  returns the number of rows created per kind (Korean label → count). It must create only what is missing, so that
  a second run creates nothing.
Steps run in dependency order (`after` names the steps that must run first: finance's budget lines, then plan's
vision, objectives, core tasks and continuing programmes with their budget-line links mapped by code, then
performance's job-target rows without figures).

Contract:
- year_step_register(name, *, label, preview, open, after=()) ; year_steps() -> list[YearStep] (in order)
- PreviewPart(label, create: list[str], existing: list[str], note="", informational=False)
- year_preview(*, user, from_year, to_year) -> YearPreview        (office manager; reads only)
- year_open(*, actor, to_year, from_year) -> YearOpening           (office manager; actor=None: the system)
      one transaction and one core.history ChangeBatch ("2019년 준비"); creates only the missing parts of to_year
      (a year half made by hand is completed, nothing of it is changed); when nothing is missing it raises
      ValidationFailed on `to_year`: "2019년은 이미 준비되어 있습니다." (or, when from_year has nothing to carry,
      "2016년에는 가져올 자료가 없습니다."), so a second run writes nothing and says so. to_year must come after
      from_year and lie within the office's years (core.figures YEAR).
- year_sources() -> list[int]: the years a year may be opened from (those some step has rows of: core.period's
  plan years).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import IntegrityError

from iljari.core.access import access_year_open, require
from iljari.core.errors import ValidationFailed
from iljari.core.figures import YEAR
from iljari.core.history import history_batch
from iljari.core.korean import with_object, with_topic
from iljari.core.period import period_years


class PreviewPart(NamedTuple):
    label: str  # the kind of row, in Korean ("예산 사업", "주요업무", …)
    create: list[str]  # the rows the opening would create, each described in Korean
    existing: list[str]  # the rows of the new year already there (left as they are)
    note: str = ""  # what the user should know (e.g. "3개 지표는 2019년 목표가 아직 없습니다.")
    informational: bool = False  # lists what the new year already has from elsewhere; the opening makes none


@dataclass(frozen=True)
class YearStep:
    name: str
    label: str
    preview: Callable[[int, int], list[PreviewPart]]
    open: Callable[..., dict[str, int]]
    after: tuple[str, ...] = ()


_STEPS: dict[str, YearStep] = {}


def year_step_register(
    name: str,
    *,
    label: str,
    preview: Callable[[int, int], list[PreviewPart]],
    open: Callable[..., dict[str, int]],  # noqa: A002 - the step's verb
    after: tuple[str, ...] = (),
) -> None:
    _STEPS[name] = YearStep(name=name, label=label, preview=preview, open=open, after=tuple(after))


def year_steps() -> list[YearStep]:
    """The registered steps, each after the steps it names in `after` (then in the order they registered)."""
    ordered: list[YearStep] = []
    placed: set[str] = set()
    pending = list(_STEPS.values())
    while pending:
        ready = [step for step in pending if all(name in placed or name not in _STEPS for name in step.after)]
        if not ready:
            raise RuntimeError(f"연도 준비 단계의 순서가 돌고 있습니다: {[s.name for s in pending]}")
        for step in ready:
            ordered.append(step)
            placed.add(step.name)
            pending.remove(step)
    return ordered


@dataclass
class YearPreview:
    from_year: int
    to_year: int
    steps: list[tuple[YearStep, list[PreviewPart]]]

    @property
    def to_create(self) -> int:
        return sum(len(part.create) for _, parts in self.steps for part in parts)

    @property
    def already_there(self) -> int:
        return sum(len(part.existing) for _, parts in self.steps for part in parts if not part.informational)


@dataclass
class YearOpening:
    from_year: int
    to_year: int
    created: list[tuple[str, int]] = field(default_factory=list)  # (Korean label, rows created), in step order
    batch_id: int | None = None

    @property
    def total(self) -> int:
        return sum(count for _, count in self.created)


def _check_years(from_year, to_year) -> None:
    errors: dict[str, list[str]] = {}
    for name, value, label in (("from_year", from_year, "가져올 연도"), ("to_year", to_year, "준비할 연도")):
        if not isinstance(value, int) or isinstance(value, bool):
            errors[name] = [f"{with_object(label)} 숫자로 입력하십시오."]
        elif YEAR.problem(value):
            errors[name] = [f"{with_topic(label)} {int(YEAR.low)}~{int(YEAR.high)}년 사이여야 합니다."]
    if not errors and to_year <= from_year:
        errors["to_year"] = [f"준비할 연도는 가져올 연도({from_year}년)보다 뒤여야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)


def _preview(from_year: int, to_year: int) -> YearPreview:
    return YearPreview(
        from_year=from_year,
        to_year=to_year,
        steps=[(step, step.preview(from_year, to_year)) for step in year_steps()],
    )


def year_preview(*, user, from_year: int, to_year: int) -> YearPreview:
    if user is not None:
        require(access_year_open(user), "새 연도는 총괄만 준비할 수 있습니다.")
    _check_years(from_year, to_year)
    return _preview(from_year, to_year)


def nothing_to_open(preview: YearPreview) -> str:
    """The Korean reason nothing would be created ("" when something would)."""
    if preview.to_create:
        return ""
    if preview.already_there:
        return f"{preview.to_year}년은 이미 준비되어 있습니다(새로 만들 것이 없습니다)."
    return f"{preview.from_year}년에는 가져올 자료가 없습니다."


def year_open(*, actor, to_year: int, from_year: int) -> YearOpening:
    if actor is not None:
        require(access_year_open(actor), "새 연도는 총괄만 준비할 수 있습니다.")
    _check_years(from_year, to_year)
    opening = YearOpening(from_year=from_year, to_year=to_year)
    try:
        with history_batch(
            kind="core.year_open",
            label=f"{to_year}년 준비",
            subject=f"{from_year}년에서 {to_year}년 준비",
            actor=actor,
        ) as batch:
            for step in year_steps():
                counts = step.open(from_year, to_year, actor, batch)
                opening.created += [(label, count) for label, count in counts.items()]
            if opening.total == 0:
                message = nothing_to_open(_preview(from_year, to_year)) or f"{to_year}년은 이미 준비되어 있습니다."
                raise ValidationFailed(message, field_errors={"to_year": [message]})
            opening.batch_id = batch.pk
    except IntegrityError:  # another opening of the same year committed first
        message = f"{to_year}년은 이미 준비되어 있습니다(같은 연도를 다른 사용자가 방금 준비했습니다)."
        raise ValidationFailed(message, field_errors={"to_year": [message]}) from None
    return opening


def year_sources() -> list[int]:
    return period_years()
