"""core's own items of the work list: the months to close (월 마감) for the office manager, who signs them off; last
month's access-log review (접속기록 점검) for the auditor, who signs it off; the accounts locked now (잠긴 계정) and
the stopped ones for the system administrator, who unlocks them or starts them again."""

from __future__ import annotations

from datetime import date

from django.conf import settings

from iljari.core.access import access_access_log_review_sign, access_accounts_manage, access_month_lock
from iljari.core.accesslog import access_log_review_missing
from iljari.core.locks import months_to_close
from iljari.core.period import period_newest_year
from iljari.core.services import usernames_locked
from iljari.core.worklist import WorkItem, month_before, worklist_link


def core_work_items(user, today: date):
    if access_accounts_manage(user):
        yield WorkItem(
            "지금 잠긴 계정",
            len(usernames_locked()),
            worklist_link("core:user_list", on=today, state="locked"),
            group="관리",
            severity="overdue",
            detail=f"로그인 {settings.ILJARI_LOGIN_MAX_FAILURES}회 실패로 {settings.ILJARI_LOGIN_LOCK_MINUTES}분 동안",
        )
    if access_access_log_review_sign(user):
        last = month_before(today)
        yield WorkItem(
            f"{last.month}월 접속기록 점검 확인",
            int(access_log_review_missing(year=last.year, month=last.month)),
            worklist_link("core:access_log_review", on=today, month=f"{last:%Y-%m}"),
            group="관리",
            severity="due",
        )
    if not access_month_lock(user):
        return
    year = period_newest_year()
    months = months_to_close(year=year, today=today)
    yield WorkItem(
        "마감할 달",
        len(months),
        worklist_link("core:month_locks", on=today, year=year),
        group="보고",
        severity="due",
        detail=", ".join(f"{month.month}월" for month in months),
    )
