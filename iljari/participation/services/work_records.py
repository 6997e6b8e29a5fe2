"""Monthly work records (근무상황): one placement's month, or a worksite's month from its xlsx sheet; each checked
against the placement's calendar (scheduled days, Sundays, the day's hours) while the month is open."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from iljari.core.access import access_worksite_records, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_month
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.korean import with_topic
from iljari.core.locks import require_month_open
from iljari.core.xlsx import xlsx_rows
from iljari.participation.calendar import daily_hours, holidays_between, month_calendar, month_end, month_start
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.participation.selectors import WORK_RECORD_COLUMNS

RECORD_FIELDS = ("days_worked", "hours_worked", "paid_leave_hours", "full_weeks")
WORK_RECORD_MAX_ROWS = 100_000  # a month sheet (a district's or a large worksite's) of up to this many rows


def _decimal(value, field: str, label: str, errors: dict) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        errors[field] = [f"{with_topic(label)} 숫자여야 합니다."]
        return None
    if number < 0 or number != number.quantize(Decimal("0.01")):
        errors[field] = [f"{with_topic(label)} 0 이상, 소수 둘째 자리까지입니다."]
        return None
    return number


def _record_errors(
    *, placement: Placement, month: date, days_worked, hours_worked, paid_leave_hours, full_weeks, holidays: set[date]
) -> tuple[dict, dict]:
    """(errors, clean values) for one month of one placement, checked against its calendar."""
    errors: dict[str, list[str]] = {}
    span = month_calendar(placement=placement, month=month, holidays=holidays)
    if span.is_empty:
        return {"month": [f"{screen_month(month)}은 이 참여의 기간(시작~종료)이 아닙니다."]}, {}
    hours = _decimal(hours_worked, "hours_worked", "근무시간", errors)
    leave = _decimal(paid_leave_hours or 0, "paid_leave_hours", "유급휴가 시간", errors)
    if not isinstance(days_worked, int) or days_worked < 0:
        errors["days_worked"] = ["근무일수는 0 이상의 정수여야 합니다."]
    elif days_worked > span.scheduled_days:
        errors["days_worked"] = [f"이 달 소정근로일은 {span.scheduled_days}일입니다(공휴일 제외)."]
    if not isinstance(full_weeks, int) or full_weeks < 0:
        errors["full_weeks"] = ["주휴 대상 주 수는 0 이상의 정수여야 합니다."]
    elif full_weeks > span.sundays:
        errors["full_weeks"] = [f"이 달 참여 기간의 주휴일(일요일)은 {span.sundays}일입니다."]
    day_hours = daily_hours(placement.weekly_hours)
    if hours is not None and "days_worked" not in errors and hours > days_worked * day_hours:
        errors["hours_worked"] = [
            f"근무시간은 근무일수 × 1일 소정근로시간({day_hours.normalize()}시간)을 넘을 수 없습니다."
        ]
    if leave is not None and "days_worked" not in errors and leave > (span.scheduled_days - days_worked) * day_hours:
        errors["paid_leave_hours"] = ["유급휴가 시간이 근무하지 않은 소정근로일보다 많습니다."]
    return errors, {
        "days_worked": days_worked,
        "hours_worked": hours,
        "paid_leave_hours": leave,
        "full_weeks": full_weeks,
    }


def work_record_set(
    *,
    actor,
    placement: Placement,
    month: date,
    days_worked: int,
    hours_worked,
    paid_leave_hours=0,
    full_weeks: int,
) -> WorkRecord:
    if actor is not None:
        require(access_worksite_records(actor, placement.worksite), "이 사업장의 근무상황을 입력할 권한이 없습니다.")
    month = month_start(month)
    holidays = holidays_between(month, month_end(month))
    errors, values = _record_errors(
        placement=placement,
        month=month,
        days_worked=days_worked,
        hours_worked=hours_worked,
        paid_leave_hours=paid_leave_hours,
        full_weeks=full_weeks,
        holidays=holidays,
    )
    if errors:
        raise ValidationFailed(field_errors=errors)
    require_month_open(month, field="month")
    with transaction.atomic():
        record, _ = WorkRecord.objects.update_or_create(
            placement=placement, month=month, defaults={**values, "entered_by": actor}
        )
    return record


def work_record_import(*, actor, worksite: Worksite, month: date, data: bytes) -> int:
    if actor is not None:
        require(access_worksite_records(actor, worksite), "이 사업장의 근무상황을 입력할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="file")
    rows = xlsx_rows(data=data, columns=WORK_RECORD_COLUMNS, title="근무상황", max_rows=WORK_RECORD_MAX_ROWS)
    placements = {p.pk: p for p in Placement.objects.filter(worksite=worksite)}
    holidays = holidays_between(month, month_end(month))
    problems: list[str] = []
    records: list[WorkRecord] = []
    seen: set[int] = set()
    for number, row in enumerate(rows, start=4):
        placement = placements.get(row["placement"])
        if placement is None:
            problems.append(f"{number}행: 이 사업장의 참여 번호가 아닙니다.")
            continue
        if placement.pk in seen:
            problems.append(f"{number}행: 같은 참여자가 두 번 있습니다.")
            continue
        seen.add(placement.pk)
        errors, values = _record_errors(
            placement=placement,
            month=month,
            days_worked=row["days_worked"],
            hours_worked=row["hours_worked"],
            paid_leave_hours=row.get("paid_leave_hours") or 0,
            full_weeks=row["full_weeks"],
            holidays=holidays,
        )
        problems.extend(f"{number}행: {message}" for messages in errors.values() for message in messages)
        if not errors:
            records.append(WorkRecord(placement=placement, month=month, entered_by=actor, **values))
    if problems:
        raise ValidationFailed(
            "엑셀 파일에 고칠 곳이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": problems}
        )
    with history_batch(
        kind="participation.work_records",
        label="근무상황 일괄 등록",
        subject=f"{month.year}년 {month.month}월 {worksite.place_label} 근무상황",
        actor=actor,
    ):
        history_bulk_replace(
            WorkRecord,
            existing=WorkRecord.objects.filter(placement__worksite=worksite, month=month),
            keep_missing=True,  # a placement left out of the sheet keeps its record
            rows=records,
            key=("placement_id", "month"),
            fields=RECORD_FIELDS,
            extra=("entered_by_id",),
            describe=lambda record: f"참여 #{record.placement_id} {screen_month(record.month)} 근무상황",
        )
    return len(records)
