"""The end of training: completion (수료) when the attendance reaches the course's percent, one trainee or a whole
course on its last day, and dropout (중도탈락); each settles the trainee's deposit."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Sum

from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_date
from iljari.core.history import history_batch, history_bulk_updated
from iljari.participation.calendar import (
    attendance_percent_text,
    holidays_between,
    month_end,
    month_start,
    scheduled_training_days,
)
from iljari.participation.models import AttendanceMonth, Enrolment, TrainingCourse, TrainingDeposit
from iljari.participation.training_services.common import BATCH, require_records
from iljari.participation.training_services.deposits import deposit_settle


def _end_errors(enrolment: Enrolment, ended_on: date) -> dict[str, list[str]]:
    course = enrolment.course
    if enrolment.status != Enrolment.Status.ENROLLED:
        return {"ended_on": [f"이미 {enrolment.get_status_display()} 처리된 훈련생입니다."]}
    if ended_on < enrolment.enrolled_on:
        return {"ended_on": ["수료·탈락일은 입교일보다 빠를 수 없습니다."]}
    if ended_on > course.end_date:
        return {"ended_on": [f"수료·탈락일은 훈련 종료일({screen_date(course.end_date)})보다 늦을 수 없습니다."]}
    if enrolment.attendance.filter(month__gt=month_start(ended_on)).exists():
        return {"ended_on": ["그날 뒤의 달에 출석이 기록되어 있습니다. 먼저 확인하십시오."]}
    return {}


def _last_month(enrolment: Enrolment, ended_on: date) -> tuple[AttendanceMonth | None, int, dict]:
    """The record of the month training ends in, with its scheduled days counted again up to that day (the
    record was entered while the trainee was expected to stay to the course's end)."""
    record = enrolment.attendance.filter(month=month_start(ended_on)).first()
    if record is None:
        return None, 0, {}
    ending = Enrolment(course=enrolment.course, enrolled_on=enrolment.enrolled_on, ended_on=ended_on)
    holidays = holidays_between(record.month, month_end(record.month))
    scheduled = scheduled_training_days(enrolment=ending, month=record.month, holidays=holidays) or 0
    if record.attended_days > scheduled:
        message = (
            f"{record.month.month}월 출석일수({record.attended_days}일)가 그날까지의 소정 훈련일({scheduled}일)"
            "보다 많습니다. 출석을 먼저 고치십시오."
        )
        return record, scheduled, {"ended_on": [message]}
    return record, scheduled, {}


def _end(*, enrolment: Enrolment, record: AttendanceMonth | None, scheduled: int, **changes) -> Enrolment:
    """Write the end (inside the caller's transaction): the enrolment row locked and still ongoing, the last
    month's scheduled days recounted."""
    locked = Enrolment.objects.select_for_update().select_related("course__institute").get(pk=enrolment.pk)
    if locked.status != Enrolment.Status.ENROLLED:
        raise ValidationFailed(f"이미 {locked.get_status_display()} 처리된 훈련생입니다.")
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*changes, "updated_at"])
    if record is not None and record.scheduled_days != scheduled:
        record.scheduled_days = scheduled
        record.save(update_fields=["scheduled_days", "updated_at"])
    return locked


def enrolment_complete(*, actor, enrolment: Enrolment, ended_on: date | None = None) -> Enrolment:
    course = enrolment.course
    require_records(actor, course.institute, "이 훈련생의 수료를 기록할 권한이 없습니다.")
    ended_on = ended_on or course.end_date
    errors = _end_errors(enrolment, ended_on)
    record, last_scheduled, more = ({}, 0, {}) if errors else _last_month(enrolment, ended_on)
    errors |= more
    if errors:
        raise ValidationFailed(field_errors=errors)
    totals = enrolment.attendance.aggregate(attended=Sum("attended_days"), scheduled=Sum("scheduled_days"))
    attended, scheduled = totals["attended"] or 0, totals["scheduled"] or 0
    if record is not None:
        scheduled += last_scheduled - record.scheduled_days
    if not scheduled:
        raise ValidationFailed("출석이 기록된 달이 없어 수료 여부를 판단할 수 없습니다. 먼저 출석을 입력하십시오.")
    if attended * 100 < course.completion_percent * scheduled:
        raise ValidationFailed(
            f"출석률이 {attendance_percent_text(attended, scheduled)}(소정 {scheduled}일 중 {attended}일)로 "
            f"수료 기준 {course.completion_percent}%에 못 미쳐 수료 처리할 수 없습니다."
        )
    with transaction.atomic():
        enrolment = _end(
            enrolment=enrolment,
            record=record,
            scheduled=last_scheduled,
            status=Enrolment.Status.COMPLETED,
            ended_on=ended_on,
        )
        deposit_settle(actor=actor, enrolment=enrolment, refund=True, day=ended_on)
    return enrolment


def course_complete(*, actor, course: TrainingCourse) -> tuple[int, int]:
    """On the course's last day: every trainee still enrolled whose recorded attendance reaches the percent."""
    require_records(actor, course.institute, "이 과정의 수료를 기록할 권한이 없습니다.")
    day = course.end_date
    with transaction.atomic():
        enrolled = list(
            Enrolment.objects.select_for_update()
            .filter(course=course, status=Enrolment.Status.ENROLLED)
            .values_list("pk", flat=True)
        )
        totals = (
            AttendanceMonth.objects.filter(enrolment__in=enrolled)
            .values("enrolment_id")
            .annotate(attended=Sum("attended_days"), scheduled=Sum("scheduled_days"))
        )
        completed = sorted(
            row["enrolment_id"]
            for row in totals
            if row["scheduled"] and row["attended"] * 100 >= course.completion_percent * row["scheduled"]
        )
        actor_id = actor.pk if actor is not None else None
        with history_batch(
            kind="participation.completion", label="수료 처리", subject=f"{course.name} 수료", actor=actor
        ):
            for start in range(0, len(completed), BATCH):
                ids = completed[start : start + BATCH]
                history_bulk_updated(
                    Enrolment.objects.filter(pk__in=ids),
                    {"status": Enrolment.Status.COMPLETED, "ended_on": day},
                    describe=lambda row: f"훈련생 #{row['pk']}",
                )
                deposits = TrainingDeposit.objects.filter(enrolment__in=ids)
                settled = {"status": TrainingDeposit.Status.REFUNDED, "settled_by_id": actor_id}
                history_bulk_updated(
                    deposits.filter(status=TrainingDeposit.Status.HELD, paid_on__lte=day),
                    {**settled, "settled_on": day},
                    describe=_deposit_text,
                )
                # paid after the last day: settled then
                late = deposits.filter(status=TrainingDeposit.Status.HELD).values_list("paid_on", flat=True)
                for paid_on in sorted(set(late)):
                    history_bulk_updated(
                        deposits.filter(status=TrainingDeposit.Status.HELD, paid_on=paid_on),
                        {**settled, "settled_on": paid_on},
                        describe=_deposit_text,
                    )
                history_bulk_updated(
                    deposits.filter(status=TrainingDeposit.Status.DUE),
                    {"status": TrainingDeposit.Status.CANCELLED, "settled_on": day, "settled_by_id": actor_id},
                    describe=_deposit_text,
                )
    return len(completed), len(enrolled) - len(completed)


def _deposit_text(row: dict) -> str:
    return f"보증금 #{row['pk']}"


def enrolment_drop(*, actor, enrolment: Enrolment, ended_on: date, reason: str, note: str = "") -> Enrolment:
    require_records(actor, enrolment.course.institute, "이 훈련생의 중도탈락을 기록할 권한이 없습니다.")
    errors = _end_errors(enrolment, ended_on)
    record, last_scheduled, more = ({}, 0, {}) if errors else _last_month(enrolment, ended_on)
    errors |= more
    if reason not in Enrolment.DropoutReason.values:
        errors["reason"] = ["중도탈락 사유를 고르십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        enrolment = _end(
            enrolment=enrolment,
            record=record,
            scheduled=last_scheduled,
            status=Enrolment.Status.DROPPED,
            ended_on=ended_on,
            dropout_reason=reason,
            note=(note or enrolment.note or "").strip()[:200],
        )
        deposit_settle(
            actor=actor, enrolment=enrolment, refund=reason == Enrolment.DropoutReason.EMPLOYED, day=ended_on
        )
    return enrolment
