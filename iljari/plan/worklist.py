"""plan's items of the work list (core.worklist): the planned steps (추진일정) overdue and due within two weeks, for
those who mark them done (the office manager every division's, division staff their own division's)."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_figures_enter_any
from iljari.core.worklist import WorkItem, worklist_link
from iljari.plan.selectors import MILESTONE_DUE_DAYS, milestone_todo_list, plan_years


def plan_work_items(user, today: date):
    if not access_figures_enter_any(user):
        return
    years = plan_years()
    if not years:
        return
    year = years[0]
    overdue = milestone_todo_list(user=user, when="overdue", on=today, year=year)
    due = milestone_todo_list(user=user, when="due", on=today, year=year)
    link = "plan:milestone_list"
    yield WorkItem(
        "기한 지난 추진일정",
        len(overdue),
        worklist_link(link, on=today, when="overdue", year=year),
        group="사업 운영",
        severity="overdue",
    )
    yield WorkItem(
        f"{MILESTONE_DUE_DAYS}일 안에 할 추진일정",
        len(due),
        worklist_link(link, on=today, when="due", year=year),
        group="사업 운영",
        severity="due",
    )
