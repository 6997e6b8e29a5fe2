"""participation's items of the work list (core.worklist): the worksites whose work records (근무상황) of last
month are not entered, for those who record them (the programme's division, the district or partner that runs the
worksite). The count and the linked list both come from selectors.worksites_records_missing."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_worksite_records_any
from iljari.core.worklist import WorkItem, month_before, worklist_link
from iljari.participation.selectors import worksites_records_missing


def participation_work_items(user, today: date):
    if not access_worksite_records_any(user):
        return
    month = month_before(today)
    count = worksites_records_missing(user=user, month=month).count()
    yield WorkItem(
        f"{month.month}월 근무상황 미입력 사업장",
        count,
        worklist_link("participation:worksite_list", on=today, records_missing=f"{month:%Y-%m}"),
        group="참여자",
        severity="due",
    )
