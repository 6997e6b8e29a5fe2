"""plan services — the writes of the vision, objectives, core tasks, programmes and milestones.

Contract:
- vision_set(*, actor, year, statement) -> Vision
- objective_set(*, actor, vision, number, title, core_tasks: list[str]) -> Objective
- programme_set(*, actor, objective, number, code, title, division, purposes, budget, budget_note,
                facts: list[dict], milestones: list[dict]) -> Programme     (replaces facts and milestones)
- milestone_complete(*, actor, milestone, done_on) -> Milestone
      monthly figure: the programme's division staff or the office manager; refused in a locked month
      or for a date outside the programme's year.

`actor=None` is the system (the demo loader).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.access import access_figures_enter, access_org_structure_change, require
from iljari.core.errors import ValidationFailed
from iljari.core.locks import require_month_open
from iljari.plan.models import CoreTask, Milestone, Objective, Programme, ProgrammeFact, Vision


def _require_planner(actor) -> None:
    if actor is not None:
        require(access_org_structure_change(actor), "비전과 주요업무를 바꿀 권한이 없습니다.")


def vision_set(*, actor, year: int, statement: str) -> Vision:
    _require_planner(actor)
    if not (statement or "").strip():
        raise ValidationFailed(field_errors={"statement": ["비전을 입력하십시오."]})
    with transaction.atomic():
        vision, _ = Vision.objects.update_or_create(year=year, defaults={"statement": statement.strip()})
    return vision


def objective_set(*, actor, vision: Vision, number: int, title: str, core_tasks: list[str]) -> Objective:
    _require_planner(actor)
    with transaction.atomic():
        objective, _ = Objective.objects.update_or_create(vision=vision, number=number, defaults={"title": title})
        objective.core_tasks.all().delete()
        CoreTask.objects.bulk_create(
            [CoreTask(objective=objective, order=order, title=task) for order, task in enumerate(core_tasks, 1)]
        )
    return objective


MILESTONE_FIELDS = ("title", "state", "start", "end", "precision", "open_ended", "label", "details")


def _milestone(programme: Programme, order: int, row: dict) -> Milestone:
    values = {field: row.get(field) for field in MILESTONE_FIELDS}
    values["details"] = "\n".join(row.get("details") or [])
    values["label"] = values["label"] or ""
    values["open_ended"] = bool(values["open_ended"])
    milestone = Milestone(programme=programme, order=order, **values)
    if milestone.state == Milestone.State.DONE:
        milestone.done_on = milestone.end or milestone.start
    return milestone


def programme_set(
    *,
    actor,
    objective: Objective,
    number: int,
    code: str,
    title: str,
    division,
    purposes: list[str],
    budget: int | None,
    budget_note: str = "",
    facts: list[dict] = (),
    milestones: list[dict] = (),
) -> Programme:
    _require_planner(actor)
    if budget is not None and budget < 0:
        raise ValidationFailed(field_errors={"budget": ["소요예산은 0 이상이어야 합니다."]})
    with transaction.atomic():
        programme, _ = Programme.objects.update_or_create(
            code=code,
            defaults={
                "objective": objective,
                "number": number,
                "title": title,
                "division": division,
                "purposes": "\n".join(purposes),
                "budget": budget,
                "budget_note": budget_note,
            },
        )
        programme.facts.all().delete()
        ProgrammeFact.objects.bulk_create(
            [
                ProgrammeFact(
                    programme=programme,
                    order=order,
                    label=fact["label"],
                    value=fact.get("value", ""),
                    notes="\n".join(fact.get("notes") or []),
                )
                for order, fact in enumerate(facts, 1)
            ]
        )
        programme.milestones.all().delete()
        Milestone.objects.bulk_create([_milestone(programme, order, row) for order, row in enumerate(milestones, 1)])
    return programme


def milestone_complete(*, actor, milestone: Milestone, done_on: date) -> Milestone:
    programme = milestone.programme
    if actor is not None:
        require(access_figures_enter(actor, programme.division.path), "이 부서의 추진일정을 고칠 권한이 없습니다.")
    year = programme.objective.vision.year
    if done_on is None:
        raise ValidationFailed(field_errors={"done_on": ["완료일을 입력하십시오."]})
    if done_on.year != year:
        raise ValidationFailed(field_errors={"done_on": [f"완료일은 {year}년 안의 날짜여야 합니다."]})
    require_month_open(done_on, field="done_on")
    with transaction.atomic():
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        milestone.state = Milestone.State.DONE
        milestone.done_on = done_on
        milestone.save(update_fields=["state", "done_on", "updated_at"])
    return milestone
