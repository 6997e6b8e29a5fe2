"""participation's items of the work list (core.worklist): the worksites whose work records (근무상황) of last
month are not entered, for those who record them (the programme's division, the district or partner that runs the
worksite), and the training courses whose attendance (출결) of last month is not entered (the programme's division,
the partner that runs the institute). Each count and its linked list come from one selector
(worksites_records_missing, training_selectors.courses_attendance_missing)."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_training_records_any, access_worksite_records_any
from iljari.core.worklist import WorkItem, month_before, worklist_link
from iljari.participation.selectors import worksites_records_missing
from iljari.participation.training_selectors import courses_attendance_missing


def participation_work_items(user, today: date):
    month = month_before(today)
    if access_worksite_records_any(user):
        yield WorkItem(
            f"{month.month}월 근무상황 미입력 사업장",
            worksites_records_missing(user=user, month=month).count(),
            worklist_link("participation:worksite_list", on=today, records_missing=f"{month:%Y-%m}"),
            group="참여자",
            severity="due",
        )
    if access_training_records_any(user):
        yield WorkItem(
            f"{month.month}월 출결 미입력 훈련과정",
            courses_attendance_missing(user=user, month=month).count(),
            worklist_link("participation:training_figures", on=today, attendance_missing=f"{month:%Y-%m}"),
            group="참여자",
            severity="due",
        )
