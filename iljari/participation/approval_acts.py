"""participation's act that needs an approval line (결재), registered with approvals in ParticipationConfig.ready:
a worksite's month of pay made final (급여 확정). The amount the 전결 rules read is the month's total."""

from __future__ import annotations

import re
from datetime import date

from iljari.approvals.acts import Act, register
from iljari.core.access import access_worksite_records
from iljari.core.errors import NotFound
from iljari.core.roles import Position
from iljari.participation import services
from iljari.participation.models import Worksite

KEY = re.compile(r"(?P<code>.{1,40})/(?P<year>\d{4})-(?P<month>\d{2})")


def _get(key: str) -> services.PayMonth:
    found = KEY.fullmatch(key or "")
    worksite = None
    if found is not None and 1 <= int(found["month"]) <= 12 and 2000 <= int(found["year"]) <= 2100:
        worksite = (
            Worksite.objects.select_related("programme__division", "district", "partner")
            .filter(code=found["code"])
            .first()
        )
    if worksite is None:
        raise NotFound("급여를 확정할 사업장과 달을 찾을 수 없습니다.")
    return services.PayMonth(worksite, date(int(found["year"]), int(found["month"]), 1))


def _amount(target: services.PayMonth) -> int:
    return services.pay_month_totals(worksite=target.worksite, month=target.month)[1]


def _summary(target: services.PayMonth) -> str:
    count, total = services.pay_month_totals(worksite=target.worksite, month=target.month)
    return f"{target.worksite.place_label} · {count:,}명 · 지급 총액 {total:,}원"


def _run(target: services.PayMonth, *, approved_by, request) -> None:
    services.pay_confirm(actor=approved_by, worksite=target.worksite, month=target.month, approval=request)


PAY_CONFIRM = Act(
    code=services.PAY_CONFIRM,
    label="급여 확정",
    get=_get,
    key=lambda target: target.key,
    describe=lambda target: f"{target.label} 확정",
    url=lambda target: f"{target.worksite.get_absolute_url()}?month={target.month:%Y-%m}",
    gate=lambda user, target: access_worksite_records(user, target.worksite),
    run=_run,
    effect="그 달의 급여가 확정됩니다",
    done="급여를 확정했습니다",
    amount=_amount,
    check=lambda target: services.pay_confirm_check(worksite=target.worksite, month=target.month),
    scope=lambda target: (target.worksite.programme.division.path, target.worksite.district_id),
    summary=_summary,
    default_position=Position.TEAM_LEAD,
)


def register_acts() -> None:
    register(PAY_CONFIRM)
