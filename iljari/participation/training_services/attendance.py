"""Monthly attendance (출석): one trainee's month, a course month for all its trainees in one form, or the month's xlsx
sheet; each checked against the training calendar while the month is open; all rows or none."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_month
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.locks import require_month_open
from iljari.core.xlsx import xlsx_rows
from iljari.participation.calendar import holidays_between, month_end, month_start, scheduled_training_days
from iljari.participation.models import AttendanceMonth, Enrolment, TrainingCourse
from iljari.participation.training_selectors import ATTENDANCE_COLUMNS
from iljari.participation.training_services.common import require_records


def _attendance_errors(*, enrolment: Enrolment, month: date, attended_days, holidays: set[date]):
    """({field: messages}, scheduled days) for one trainee's month."""
    scheduled = scheduled_training_days(enrolment=enrolment, month=month, holidays=holidays)
    if scheduled is None:
        return {"month": [f"{month.year}년 {month.month}월은 이 훈련생의 훈련 기간이 아닙니다."]}, None
    if enrolment.status == Enrolment.Status.COMPLETED:
        return {"attended_days": ["수료한 훈련생의 출석은 고칠 수 없습니다."]}, scheduled
    if not isinstance(attended_days, int) or isinstance(attended_days, bool) or attended_days < 0:
        return {"attended_days": ["출석일수는 0 이상의 정수여야 합니다."]}, scheduled
    if attended_days > scheduled:
        message = (
            f"{month.month}월 소정 훈련일은 {scheduled}일입니다(주말·공휴일 제외). 출석일수가 더 많을 수 없습니다."
        )
        return {"attended_days": [message]}, scheduled
    return {}, scheduled


def attendance_set(*, actor, enrolment: Enrolment, month: date, attended_days: int) -> AttendanceMonth:
    require_records(actor, enrolment.course.institute, "이 훈련생의 출석을 입력할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="month")
    holidays = holidays_between(month, month_end(month))
    errors, scheduled = _attendance_errors(
        enrolment=enrolment, month=month, attended_days=attended_days, holidays=holidays
    )
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        record, _ = AttendanceMonth.objects.update_or_create(
            enrolment=enrolment,
            month=month,
            defaults={"scheduled_days": scheduled, "attended_days": attended_days, "entered_by": actor},
        )
    return record


def _month_replace(*, actor, course: TrainingCourse, month: date, records: list[AttendanceMonth]) -> int:
    """The course month's records of these trainees replaced: unchanged ones left alone, the others recorded with
    before and after in one bulk change; trainees not given keep theirs."""
    with history_batch(
        kind="participation.attendance",
        label="출석 일괄 입력",
        subject=f"{month.year}년 {month.month}월 {course.name} 출석",
        actor=actor,
    ):
        history_bulk_replace(
            AttendanceMonth,
            existing=AttendanceMonth.objects.filter(enrolment__course=course, month=month),
            rows=records,
            key=("enrolment_id", "month"),
            fields=("scheduled_days", "attended_days"),
            extra=("entered_by_id",),
            keep_missing=True,
            describe=lambda r: f"훈련생 #{r.enrolment_id} {screen_month(r.month)} 출석",
        )
    return len(records)


def attendance_month_set(*, actor, course: TrainingCourse, month: date, attended: dict) -> int:
    require_records(actor, course.institute, "이 과정의 출석을 입력할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="month")
    enrolments = {e.pk: e for e in Enrolment.objects.filter(course=course).select_related("course", "person")}
    holidays = holidays_between(month, month_end(month))
    field_errors: dict[str, list[str]] = {}
    records: list[AttendanceMonth] = []
    for pk, value in attended.items():
        if value is None:
            continue
        enrolment = enrolments.get(pk)
        if enrolment is None:
            field_errors[f"attended_{pk}"] = ["이 과정의 훈련생이 아닙니다."]
            continue
        errors, scheduled = _attendance_errors(enrolment=enrolment, month=month, attended_days=value, holidays=holidays)
        if errors:
            field_errors[f"attended_{pk}"] = [m for messages in errors.values() for m in messages]
        else:
            records.append(
                AttendanceMonth(
                    enrolment=enrolment, month=month, scheduled_days=scheduled, attended_days=value, entered_by=actor
                )
            )
    if field_errors:
        raise ValidationFailed(
            f"{len(field_errors)}명의 출석에 고칠 곳이 있어 아무것도 저장하지 않았습니다.", field_errors=field_errors
        )
    if not records:
        raise ValidationFailed("저장할 출석일수가 없습니다. 한 명 이상 입력하십시오.")
    return _month_replace(actor=actor, course=course, month=month, records=records)


def attendance_import(*, actor, course: TrainingCourse, month: date, data: bytes) -> int:
    require_records(actor, course.institute, "이 과정의 출석을 입력할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="file")
    rows = xlsx_rows(data=data, columns=ATTENDANCE_COLUMNS, title="출석")
    enrolments = {e.pk: e for e in Enrolment.objects.filter(course=course).select_related("course")}
    holidays = holidays_between(month, month_end(month))
    problems: list[str] = []
    records: list[AttendanceMonth] = []
    seen: set[int] = set()
    for row in rows:
        number = row["_row"]
        enrolment = enrolments.get(row["enrolment"])
        if enrolment is None:
            problems.append(f"{number}행: 이 과정의 훈련생 번호가 아닙니다.")
            continue
        if enrolment.pk in seen:
            problems.append(f"{number}행: 같은 훈련생이 두 번 있습니다.")
            continue
        seen.add(enrolment.pk)
        errors, scheduled = _attendance_errors(
            enrolment=enrolment, month=month, attended_days=row["attended_days"], holidays=holidays
        )
        problems.extend(f"{number}행: {message}" for messages in errors.values() for message in messages)
        if not errors:
            records.append(
                AttendanceMonth(
                    enrolment=enrolment,
                    month=month,
                    scheduled_days=scheduled,
                    attended_days=row["attended_days"],
                    entered_by=actor,
                )
            )
    if problems:
        raise ValidationFailed(
            "엑셀 파일에 고칠 곳이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": problems}
        )
    return _month_replace(actor=actor, course=course, month=month, records=records)
