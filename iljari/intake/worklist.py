"""intake's items of the work list (core.worklist): the calls closing within a week (for those who run calls and
register paper applications) and the calls closed whose selection has not run (for those who run calls). Counts
and the linked call list both come from selectors.call_todo_list."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_calls_manage_any, access_people_change
from iljari.core.worklist import WorkItem, worklist_link
from iljari.intake.selectors import CALL_CLOSING_DAYS, call_todo_list


def intake_work_items(user, today: date):
    if access_people_change(user):
        yield WorkItem(
            f"{CALL_CLOSING_DAYS}일 안에 접수 마감하는 모집공고",
            call_todo_list(user=user, todo="closing", on=today).count(),
            worklist_link("intake:call_list", on=today, todo="closing"),
            group="사업 운영",
            severity="due",
        )
    if access_calls_manage_any(user):
        yield WorkItem(
            "선발을 실행할 모집공고",
            call_todo_list(user=user, todo="selection", on=today).count(),
            worklist_link("intake:call_list", on=today, todo="selection"),
            group="사업 운영",
            severity="overdue",
        )
