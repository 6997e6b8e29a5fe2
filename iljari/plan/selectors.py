"""plan selectors — the vision and programmes of a year, scoped by iljari.core.access.

Contract:
- plan_get(*, user, year) -> Vision | None           (objectives and core tasks prefetched)
- programme_list(*, user, year, unit_path=None) -> list[Programme]   (facts, milestones, division prefetched)
- programme_get(*, user, code) -> Programme
- overdue_milestone_list(*, user, year, as_of, unit_path=None) -> list[Milestone]
- milestone_todo_list(*, user, when, on, year) -> list[Milestone]
      the planned steps of the year's programmes that are overdue on `on` (when="overdue": due before it) or due
      within MILESTONE_DUE_DAYS from it (when="due"), by due date; division staff their own division's only
      (figures_unit_path). The work list (plan/worklist.py) counts these and links to the page that lists them.
- plan_years() -> list[int]
- milestones_by_state(programme) -> (done, planned)   (its prefetched milestones: no query)
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Prefetch, Q

from iljari.core.access import access_office_figures_view, figures_unit_path, require
from iljari.core.errors import NotFound
from iljari.plan.models import CoreTask, Milestone, Objective, Programme, Vision


def plan_years() -> list[int]:
    return list(Vision.objects.order_by("-year").values_list("year", flat=True))


def plan_get(*, user, year: int) -> Vision | None:
    require(access_office_figures_view(user))
    return (
        Vision.objects.filter(year=year)
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            Prefetch("objectives__core_tasks", queryset=CoreTask.objects.order_by("order")),
        )
        .first()
    )


def _programmes(year: int, unit_path: str | None):
    programmes = Programme.objects.filter(objective__vision__year=year).select_related(
        "objective", "objective__vision", "division"
    )
    if unit_path:
        programmes = programmes.filter(division__path__startswith=unit_path)
    return programmes


def programme_list(*, user, year: int, unit_path: str | None = None) -> list[Programme]:
    require(access_office_figures_view(user))
    return list(
        _programmes(year, unit_path).prefetch_related("facts", "milestones").order_by("objective__number", "number")
    )


def programme_get(*, user, code: str) -> Programme:
    require(access_office_figures_view(user))
    programme = (
        Programme.objects.select_related("objective", "objective__vision", "division")
        .prefetch_related("facts", "milestones", "budget_lines")
        .filter(code=code)
        .first()
    )
    if programme is None:
        raise NotFound("주요업무를 찾을 수 없습니다.")
    return programme


def overdue_milestone_list(*, user, year: int, as_of: date, unit_path: str | None = None) -> list[Milestone]:
    require(access_office_figures_view(user))
    candidates = (
        Milestone.objects.filter(
            programme__objective__vision__year=year, state=Milestone.State.PLANNED, open_ended=False
        )
        .filter(Q(end__lte=as_of) | Q(end__isnull=True, start__lte=as_of))
        .select_related("programme", "programme__division")
        .order_by("programme__objective__number", "programme__number", "order")
    )
    if unit_path:
        candidates = candidates.filter(programme__division__path__startswith=unit_path)
    return [milestone for milestone in candidates if milestone.is_overdue(as_of)]


MILESTONE_DUE_DAYS = 14
MILESTONE_TODO = ("overdue", "due")


def milestone_todo_list(*, user, when: str, on: date, year: int) -> list[Milestone]:
    require(access_office_figures_view(user))
    if when not in MILESTONE_TODO:
        raise ValueError(f"unknown milestone filter: {when}")
    horizon = on + timedelta(days=MILESTONE_DUE_DAYS)
    candidates = (
        Milestone.objects.filter(
            programme__objective__vision__year=year, state=Milestone.State.PLANNED, open_ended=False
        )
        .filter(Q(end__lte=horizon) | Q(end__isnull=True, start__lte=horizon))
        .select_related("programme", "programme__division", "programme__objective")
    )
    unit_path = figures_unit_path(user)
    if unit_path:
        candidates = candidates.filter(programme__division__path__startswith=unit_path)
    if when == "overdue":
        rows = [m for m in candidates if m.due is not None and m.due < on]
    else:
        rows = [m for m in candidates if m.due is not None and on <= m.due <= horizon]
    return sorted(rows, key=lambda m: (m.due, m.programme.objective.number, m.programme.number, m.order))


def milestones_by_state(programme: Programme) -> tuple[list[Milestone], list[Milestone]]:
    """A programme's milestones done (추진현황) and planned (추진계획), in their order, from the prefetched set."""
    milestones = list(programme.milestones.all())
    done = [m for m in milestones if m.state == Milestone.State.DONE]
    planned = [m for m in milestones if m.state == Milestone.State.PLANNED]
    return done, planned
