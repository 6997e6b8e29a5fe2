"""fund's items of the work list (core.worklist): loans with an instalment due within a week and loans behind on
their schedule (연체), for those who keep the fund and for an intermediary (its own loans). Counts and the linked loan
list both come from selectors.loan_todo_list."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_fund_repayments_follow
from iljari.core.worklist import WorkItem, worklist_link
from iljari.fund.selectors import LOAN_DUE_DAYS, loan_todo_list


def fund_work_items(user, today: date):
    if not access_fund_repayments_follow(user):
        return
    yield WorkItem(
        "연체 중인 융자",
        loan_todo_list(user=user, due="overdue", on=today).count(),
        worklist_link("fund:loan_list", on=today, due="overdue"),
        group="재정",
        severity="overdue",
    )
    yield WorkItem(
        f"{LOAN_DUE_DAYS}일 안에 상환일이 오는 융자",
        loan_todo_list(user=user, due="week", on=today).count(),
        worklist_link("fund:loan_list", on=today, due="week"),
        group="재정",
        severity="due",
    )
