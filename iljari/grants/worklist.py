"""grants' items of the work list (core.worklist): the district projects whose monthly monitoring of last month is
not entered (the district officer their own district's, the programme's division every district's), and the signed
agreements whose period has ended without a settlement (정산), for the staff who keep the programme's grants."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_district_monitoring_enter_any, access_grants_manage_any
from iljari.core.worklist import WorkItem, month_before, worklist_link
from iljari.grants.district_selectors import district_monitoring_missing
from iljari.grants.selectors import agreements_to_settle


def grants_work_items(user, today: date):
    if access_district_monitoring_enter_any(user):
        month = month_before(today)
        yield WorkItem(
            f"{month.month}월 모니터링 미제출 시-구 협력사업",
            district_monitoring_missing(user=user, month=month).count(),
            worklist_link("grants:district_project_list", on=today, monitoring_missing=f"{month:%Y-%m}"),
            group="참여자",
            severity="due",
        )
    if access_grants_manage_any(user):
        yield WorkItem(
            "정산할 보조금 협약",
            agreements_to_settle(user=user, on=today).count(),
            worklist_link("grants:agreement_list", on=today, settle_due=today),
            group="재정",
            severity="overdue",
        )
