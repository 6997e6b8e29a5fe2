"""The vision, objectives and core tasks of a year."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from iljari.core.errors import field_error
from iljari.core.history import history_bulk_replace
from iljari.plan.models import (
    CoreTask,
    Objective,
    Vision,
)
from iljari.plan.services.common import require_planner, retire_day, text_required, year_checked


def vision_set(*, actor, year: int, statement: str) -> Vision:
    require_planner(actor)
    year = year_checked(year)
    statement = text_required(statement, "statement", "비전", limit=200)
    with transaction.atomic():
        vision = Vision.objects.select_for_update().filter(year=year).first()
        if vision is None:
            return Vision.objects.create(year=year, statement=statement)
        if vision.statement != statement:
            vision.statement = statement
            vision.save(update_fields=["statement", "updated_at"])
    return vision


def _objective_number(vision: Vision, number, *, exclude: int | None = None) -> int:
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99:
        raise field_error("number", "추진목표 번호는 1부터 99까지의 숫자여야 합니다.")
    taken = vision.objectives.filter(number=number).exclude(pk=exclude)
    if taken.exists():
        raise field_error("number", f"{vision.year}년에 {number}번 추진목표가 이미 있습니다.")
    return number


def objective_create(*, actor, vision: Vision, number: int, title: str) -> Objective:
    require_planner(actor)
    title = text_required(title, "title", "추진목표", limit=200)
    with transaction.atomic():
        number = _objective_number(vision, number)
        return Objective.objects.create(vision=vision, number=number, title=title)


def objective_update(*, actor, objective: Objective, number: int, title: str) -> Objective:
    require_planner(actor)
    title = text_required(title, "title", "추진목표", limit=200)
    with transaction.atomic():
        objective = Objective.objects.select_for_update().select_related("vision").get(pk=objective.pk)
        objective.number = _objective_number(objective.vision, number, exclude=objective.pk)
        objective.title = title
        objective.save(update_fields=["number", "title", "updated_at"])
    return objective


def objective_retire(*, actor, objective: Objective, on: date | None = None) -> Objective:
    require_planner(actor)
    with transaction.atomic():
        objective = Objective.objects.select_for_update().get(pk=objective.pk)
        if objective.retired_on is None:
            objective.retired_on = retire_day(on)
            objective.save(update_fields=["retired_on", "updated_at"])
    return objective


def core_task_create(*, actor, objective: Objective, title: str) -> CoreTask:
    require_planner(actor)
    title = text_required(title, "title", "핵심과제", limit=200)
    if objective.is_retired:
        raise field_error("objective", "폐지된 추진목표에는 핵심과제를 더할 수 없습니다.")
    with transaction.atomic():
        Objective.objects.select_for_update().get(pk=objective.pk)  # two new tasks do not take one order
        last = objective.core_tasks.aggregate(last=Max("order"))["last"] or 0
        return CoreTask.objects.create(objective=objective, order=last + 1, title=title)


def core_task_update(*, actor, core_task: CoreTask, title: str) -> CoreTask:
    require_planner(actor)
    title = text_required(title, "title", "핵심과제", limit=200)
    with transaction.atomic():
        core_task = CoreTask.objects.select_for_update().get(pk=core_task.pk)
        core_task.title = title
        core_task.save(update_fields=["title", "updated_at"])
    return core_task


def core_task_retire(*, actor, core_task: CoreTask, on: date | None = None) -> CoreTask:
    require_planner(actor)
    with transaction.atomic():
        core_task = CoreTask.objects.select_for_update().get(pk=core_task.pk)
        if core_task.retired_on is None:
            core_task.retired_on = retire_day(on)
            core_task.save(update_fields=["retired_on", "updated_at"])
    return core_task


def objective_set(*, actor, vision: Vision, number: int, title: str, core_tasks: list[str]) -> Objective:
    require_planner(actor)
    with transaction.atomic():
        objective, _ = Objective.objects.update_or_create(vision=vision, number=number, defaults={"title": title})
        history_bulk_replace(
            CoreTask,
            existing=objective.core_tasks.all(),
            rows=[CoreTask(objective=objective, order=order, title=task) for order, task in enumerate(core_tasks, 1)],
            key=("objective_id", "order"),
            fields=("title",),
        )
    return objective
