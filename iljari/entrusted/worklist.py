"""entrusted's items of the work list (core.worklist): the contracts that end within a year of the day and the
renewal steps past their due date, for those who keep the facilities (the office manager every facility, the
supervising division's staff their own). The count and the list the link opens come from the same selectors
(contracts_ending, renewal_steps_due with kept=True)."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_entrusted_manage_any
from iljari.core.worklist import WorkItem, worklist_link
from iljari.entrusted.selectors import contracts_ending, renewal_steps_due


def entrusted_work_items(user, today: date):
    if not access_entrusted_manage_any(user):
        return
    yield WorkItem(
        "1년 안에 끝나는 위탁 계약",
        contracts_ending(user=user, on=today, within_days=365, kept=True).count(),
        worklist_link("entrusted:ending_list", on=today, within=365, kept=1),
        group="사업 운영",
        severity="due",
    )
    yield WorkItem(
        "기한 지난 재위탁 절차",
        renewal_steps_due(user=user, on=today, kept=True).count(),
        worklist_link("entrusted:steps_due", on=today, kept=1),
        group="사업 운영",
        severity="overdue",
    )
