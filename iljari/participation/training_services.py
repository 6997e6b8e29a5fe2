"""participation training services — the technical training institutes (기술교육원): institutes, courses, trainees
enrolled from a call's selection, monthly attendance, the training-fee deposit (교육훈련비 예치환불제), completion
and dropout.

Contract:
- institute_set(*, actor, code, programme, name, partner=None, district=None, address="", is_active=True)
      -> TrainingInstitute
- course_set(*, actor, code, institute, name, track, course_type, start_date, end_date, capacity, weekly_hours=35,
             deposit=0, completion_percent=80, quota=None) -> TrainingCourse
      refuses an end before the start, no places (or fewer than the trainees already enrolled), a deposit outside
      0~200,000원, and a quota that is not of a call of the institute's programme or already recruits another course.
- enrolments_from_selection(*, actor, call) -> int
      every selected application of the call whose quota is a course's quota and that is not enrolled yet becomes
      an enrolment in that course from the course's start, with a deposit due (course.deposit) when the course has
      one; set-based; all or nothing: refused when a course would go over its places, or when one of the people
      already trains in another course whose period overlaps. Enrolling confirms the call's selection
      (intake.applications_mark_placed).
- enrolment_create(*, actor, person, course, enrolled_on=None, application=None, note="") -> Enrolment
      one person, registered by staff; the same places, overlap and deposit rules.
- deposit_pay(*, actor, enrolment, paid_on) -> TrainingDeposit                                   (due → held)
- attendance_set(*, actor, enrolment, month, attended_days) -> AttendanceMonth
      the month must be open (월 마감) and inside the course and the enrolment; the scheduled days come from the
      calendar (weekdays that are not public holidays); attended ≤ scheduled.
- attendance_month_set(*, actor, course, month, attended: dict[int, int | None]) -> int
      a course month for all its trainees in one form (enrolment id → days; None leaves a row alone): every row
      checked, errors by row (field "attended_<id>"), nothing saved unless every row passes.
- attendance_import(*, actor, course, month, data: bytes) -> int     (the month's xlsx sheet; all rows or none)
- enrolment_complete(*, actor, enrolment, ended_on=None) -> Enrolment
      only when attended ÷ scheduled over the recorded months reaches the course's completion percent (otherwise a
      message giving both percentages); a deposit held is refunded, one still due is cancelled.
- course_complete(*, actor, course) -> tuple[int, int]
      on the course's last day, completes at once every trainee still enrolled who reaches the percent
      (set-based); (completed, left as they were) — those below it stay enrolled for staff to decide.
- enrolment_drop(*, actor, enrolment, ended_on, reason, note="") -> Enrolment
      a deposit held is forfeited (귀속), except when the trainee left for a job (조기취업: a success), which is
      refunded; one still due is cancelled.
- scheduled_training_days(*, enrolment, month, holidays) -> int | None       (pure: None when outside the period)
- attendance_percent_text(attended, scheduled) -> str                        ("79.9%", rounded down)

Every write runs in a transaction; `actor=None` is the system (demo loader).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from iljari.core.access import access_training_manage, access_training_records, require
from iljari.core.errors import ValidationFailed
from iljari.core.locks import require_month_open
from iljari.core.xlsx import xlsx_rows
from iljari.participation.models import (
    MAX_TRAINING_DEPOSIT,
    AttendanceMonth,
    Enrolment,
    TrainingCourse,
    TrainingDeposit,
    TrainingInstitute,
)
from iljari.participation.services import holidays_between, month_end, month_start
from iljari.people.models import Person

DEPOSIT_MESSAGE = (
    f"예치금은 0원 이상 {MAX_TRAINING_DEPOSIT:,}원 이하의 정수여야 합니다(교육훈련비 예치환불제: 단기과정 20만원 이내)."
)
BATCH = 2000


def _require_manage(actor, programme, message: str) -> None:
    if actor is not None:
        require(access_training_manage(actor, programme.division.path), message)


def _require_records(actor, institute: TrainingInstitute, message: str) -> None:
    if actor is not None:
        require(access_training_records(actor, institute), message)


# --- the calendar ----------------------------------------------------------------------------------------


def scheduled_training_days(*, enrolment: Enrolment, month: date, holidays: set[date]) -> int | None:
    """Weekdays that are not public holidays in the part of `month` inside both the course and the enrolment;
    None when no day of the month is."""
    course = enrolment.course
    first = max(course.start_date, enrolment.enrolled_on, month_start(month))
    last = min(course.end_date, enrolment.last_day, month_end(month))
    if first > last:
        return None
    return sum(
        1
        for offset in range((last - first).days + 1)
        if (day := first + timedelta(days=offset)).weekday() < 5 and day not in holidays
    )


def attendance_percent_text(attended: int, scheduled: int) -> str:
    """attended ÷ scheduled as a percentage to 0.1, rounded down (79.96% is "79.9%", never a misleading "80.0%")."""
    if not scheduled:
        return "-"
    tenths = attended * 1000 // scheduled
    return f"{tenths // 10}.{tenths % 10}%"


# --- institutes and courses ------------------------------------------------------------------------------


def institute_set(
    *,
    actor,
    code: str,
    programme,
    name: str,
    partner=None,
    district=None,
    address: str = "",
    is_active: bool = True,
) -> TrainingInstitute:
    _require_manage(actor, programme, "이 사업의 기술교육원을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (code or "").strip():
        errors["code"] = ["교육원 코드를 입력하십시오."]
    if not (name or "").strip():
        errors["name"] = ["교육원명을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        institute, _ = TrainingInstitute.objects.update_or_create(
            code=code.strip(),
            defaults={
                "programme": programme,
                "name": name.strip(),
                "partner": partner,
                "district": district,
                "address": (address or "").strip()[:200],
                "is_active": is_active,
            },
        )
    return institute


def course_set(
    *,
    actor,
    code: str,
    institute: TrainingInstitute,
    name: str,
    track: str,
    course_type: str,
    start_date: date,
    end_date: date,
    capacity: int,
    weekly_hours: int = 35,
    deposit: int = 0,
    completion_percent: int = 80,
    quota=None,
) -> TrainingCourse:
    _require_manage(actor, institute.programme, "이 기술교육원의 훈련 과정을 바꿀 권한이 없습니다.")
    code = (code or "").strip()
    errors: dict[str, list[str]] = {}
    if not code:
        errors["code"] = ["과정 코드를 입력하십시오."]
    if not (name or "").strip():
        errors["name"] = ["학과·과정명을 입력하십시오."]
    if track not in TrainingCourse.Track.values:
        errors["track"] = ["과정 구분(서울시 과정·국가 과정)을 고르십시오."]
    if course_type not in TrainingCourse.CourseType.values:
        errors["course_type"] = ["과정 유형(정규 주간·정규 야간·단기)을 고르십시오."]
    if end_date < start_date:
        errors["end_date"] = ["훈련 종료일은 시작일보다 빠를 수 없습니다."]
    if not isinstance(capacity, int) or capacity <= 0:
        errors["capacity"] = ["정원은 1명 이상이어야 합니다."]
    if not isinstance(weekly_hours, int) or not 1 <= weekly_hours <= 40:
        errors["weekly_hours"] = ["주 훈련시간은 1시간 이상 40시간 이하입니다."]
    if not isinstance(deposit, int) or not 0 <= deposit <= MAX_TRAINING_DEPOSIT:
        errors["deposit"] = [DEPOSIT_MESSAGE]
    if not isinstance(completion_percent, int) or not 1 <= completion_percent <= 100:
        errors["completion_percent"] = ["수료 기준 출석률은 1~100% 사이여야 합니다."]
    if quota is not None:
        if quota.call.programme_id != institute.programme_id:
            errors["quota"] = ["이 기술교육원의 사업(주요업무) 모집공고의 선발 구분만 연결할 수 있습니다."]
        else:
            other = TrainingCourse.objects.filter(quota=quota).exclude(code=code).first()
            if other is not None:
                errors["quota"] = [f"이 선발 구분은 이미 다른 과정({other.name})의 훈련생을 모집합니다."]
    existing = TrainingCourse.objects.filter(code=code).first() if code else None
    if existing is not None and not errors:
        enrolments = existing.enrolments.exclude(status=Enrolment.Status.DROPPED)
        taken = enrolments.count()
        if capacity < taken:
            errors["capacity"] = [f"이미 {taken:,}명이 등록되어 있어 정원을 그보다 줄일 수 없습니다."]
        if existing.enrolments.filter(Q(enrolled_on__lt=start_date) | Q(enrolled_on__gt=end_date)).exists():
            errors["start_date"] = ["입교일이 새 훈련 기간 밖에 있는 훈련생이 있습니다. 기간을 확인하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        course, _ = TrainingCourse.objects.update_or_create(
            code=code,
            defaults={
                "institute": institute,
                "name": name.strip(),
                "track": track,
                "course_type": course_type,
                "start_date": start_date,
                "end_date": end_date,
                "capacity": capacity,
                "weekly_hours": weekly_hours,
                "deposit": deposit,
                "completion_percent": completion_percent,
                "quota": quota,
            },
        )
    return course


# --- enrolments ------------------------------------------------------------------------------------------


def _busy(rows, course: TrainingCourse) -> bool:
    """Whether a person's enrolments (course_id, status, enrolled_on, last day) stop them from training in
    `course`: any enrolment in the same course, or an ongoing one in another course whose period overlaps."""
    for course_id, status, enrolled_on, last_day in rows:
        if course_id == course.pk:
            return True
        if status == Enrolment.Status.ENROLLED and enrolled_on <= course.end_date and last_day >= course.start_date:
            return True
    return False


def _enrolments_by_person(person_filter: Q) -> dict[int, list[tuple]]:
    rows: dict[int, list[tuple]] = {}
    for person_id, course_id, status, enrolled_on, ended_on, course_end in Enrolment.objects.filter(
        person_filter
    ).values_list("person_id", "course_id", "status", "enrolled_on", "ended_on", "course__end_date"):
        rows.setdefault(person_id, []).append((course_id, status, enrolled_on, ended_on or course_end))
    return rows


def _taken(courses) -> dict[int, int]:
    """Places taken in each course: its trainees, dropouts aside (a dropout's place may be filled again)."""
    return dict(
        Enrolment.objects.filter(course__in=courses)
        .exclude(status=Enrolment.Status.DROPPED)
        .values_list("course_id")
        .annotate(n=Count("pk"))
        .values_list("course_id", "n")
    )


def _deposits_due(enrolment_ids_filter: Q) -> None:
    """A deposit due for each of these enrolments whose course has one and that has none yet (set-based)."""
    rows = (
        Enrolment.objects.filter(enrolment_ids_filter, course__deposit__gt=0, deposit__isnull=True)
        .values_list("pk", "course__deposit")
        .order_by("pk")
    )
    TrainingDeposit.objects.bulk_create(
        [TrainingDeposit(enrolment_id=pk, amount=amount) for pk, amount in rows], batch_size=BATCH
    )


def enrolments_from_selection(*, actor, call) -> int:
    from iljari.intake.models import Application
    from iljari.intake.services import applications_mark_placed

    _require_manage(actor, call.programme, "이 공고의 선발자를 기술교육원에 등록할 권한이 없습니다.")
    with transaction.atomic():
        courses = {
            c.quota_id: c
            for c in TrainingCourse.objects.select_for_update(of=("self",)).filter(quota__call=call).order_by("code")
        }  # locked: two staff enrolling the same call at once cannot both fill the places
        if not courses:
            raise ValidationFailed("이 모집공고의 선발 구분에 연결된 훈련 과정이 없습니다.")
        waiting = Application.objects.filter(
            call=call, status=Application.Status.SELECTED, quota_id__in=list(courses), enrolment__isnull=True
        )
        applications = list(waiting.select_for_update(of=("self",)).only("pk", "person_id", "quota_id").order_by("pk"))
        if not applications:
            return 0
        taken = _taken(list(courses.values()))
        problems = []
        for quota_id, count in sorted(Counter(a.quota_id for a in applications).items()):
            course = courses[quota_id]
            if taken.get(course.pk, 0) + count > course.capacity:
                problems.append(
                    f"'{course.name}' 과정은 정원 {course.capacity:,}명에 이미 {taken.get(course.pk, 0):,}명이 "
                    f"등록되어 있어 선발자 {count:,}명을 더 등록할 수 없습니다."
                )
        existing = _enrolments_by_person(Q(person_id__in=waiting.values("person_id")))
        busy = [a.pk for a in applications if _busy(existing.get(a.person_id, ()), courses[a.quota_id])]
        if busy:
            sample = ", ".join(str(pk) for pk in busy[:5]) + (" 등" if len(busy) > 5 else "")
            problems.append(
                f"선발자 중 {len(busy):,}명이 같은 기간에 다른 훈련 과정에서 훈련 중이거나 이미 그 과정에 "
                f"등록되어 있습니다(신청 번호 {sample})."
            )
        if problems:
            raise ValidationFailed(" ".join([*problems, "아무도 등록하지 않았습니다."]))
        Enrolment.objects.bulk_create(
            [
                Enrolment(
                    person_id=a.person_id,
                    course=courses[a.quota_id],
                    application_id=a.pk,
                    enrolled_on=courses[a.quota_id].start_date,
                    created_by=actor,
                )
                for a in applications
            ],
            batch_size=BATCH,
        )
        _deposits_due(Q(application__call=call))
        applications_mark_placed(call=call, application_ids=[a.pk for a in applications])
    return len(applications)


def enrolment_create(
    *,
    actor,
    person: Person,
    course: TrainingCourse,
    enrolled_on: date | None = None,
    application=None,
    note: str = "",
) -> Enrolment:
    _require_manage(actor, course.institute.programme, "이 과정에 훈련생을 등록할 권한이 없습니다.")
    enrolled_on = enrolled_on or course.start_date
    errors: dict[str, list[str]] = {}
    if not course.start_date <= enrolled_on <= course.end_date:
        errors["enrolled_on"] = [
            f"입교일은 훈련 기간({course.start_date:%Y-%m-%d}~{course.end_date:%Y-%m-%d}) 안이어야 합니다."
        ]
    if application is not None:
        if application.person_id != person.pk or application.quota_id != course.quota_id:
            errors["application"] = ["이 사람이 이 과정의 선발 구분에 낸 신청이 아닙니다."]
        elif application.status != "selected":
            errors["application"] = ["선발된 신청만 등록할 수 있습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        course = TrainingCourse.objects.select_for_update().select_related("institute").get(pk=course.pk)
        if application is not None and Enrolment.objects.filter(application=application).exists():
            raise ValidationFailed("이 신청은 이미 기술교육원에 등록되었습니다.")
        if _taken([course]).get(course.pk, 0) >= course.capacity:
            raise ValidationFailed(f"'{course.name}' 과정의 정원 {course.capacity:,}명이 모두 찼습니다.")
        rows = _enrolments_by_person(Q(person_id=person.pk)).get(person.pk, [])
        if _busy(rows, course):
            message = "이 사람은 이미 이 과정에 등록되었거나 같은 기간에 다른 훈련 과정에서 훈련 중입니다."
            raise ValidationFailed(message, field_errors={"person": [message]})
        enrolment = Enrolment.objects.create(
            person=person,
            course=course,
            application=application,
            enrolled_on=enrolled_on,
            note=(note or "").strip()[:200],
            created_by=actor,
        )
        if course.deposit:
            TrainingDeposit.objects.create(enrolment=enrolment, amount=course.deposit)
        if application is not None:
            from iljari.intake.services import applications_mark_placed

            applications_mark_placed(call=application.call, application_ids=[application.pk])
    return enrolment


# --- the deposit -----------------------------------------------------------------------------------------


def deposit_pay(*, actor, enrolment: Enrolment, paid_on: date) -> TrainingDeposit:
    _require_records(actor, enrolment.course.institute, "이 훈련생의 예치금 납부를 기록할 권한이 없습니다.")
    with transaction.atomic():
        deposit = TrainingDeposit.objects.select_for_update().filter(enrolment=enrolment).first()
        if deposit is None:
            raise ValidationFailed("이 과정에는 교육훈련비 예치금이 없습니다.")
        errors: dict[str, list[str]] = {}
        if deposit.status != TrainingDeposit.Status.DUE:
            errors["paid_on"] = [f"이미 정리된 예치금입니다({deposit.get_status_display()})."]
        elif enrolment.status != Enrolment.Status.ENROLLED:
            errors["paid_on"] = ["수료하거나 중도탈락한 훈련생의 예치금은 납부로 기록할 수 없습니다."]
        elif paid_on > timezone.localdate():
            errors["paid_on"] = ["납부일은 오늘보다 늦을 수 없습니다."]
        elif paid_on > enrolment.course.end_date:
            errors["paid_on"] = ["납부일은 훈련 종료일보다 늦을 수 없습니다."]
        if errors:
            raise ValidationFailed(field_errors=errors)
        deposit.status = TrainingDeposit.Status.HELD
        deposit.paid_on = paid_on
        deposit.save(update_fields=["status", "paid_on", "updated_at"])
    return deposit


def _deposit_settle(*, actor, enrolment: Enrolment, refund: bool, day: date) -> None:
    """At the end of training: a deposit held is refunded or forfeited; one never paid is cancelled."""
    deposit = TrainingDeposit.objects.select_for_update().filter(enrolment=enrolment).first()
    if deposit is None or deposit.status not in (TrainingDeposit.Status.DUE, TrainingDeposit.Status.HELD):
        return
    if deposit.status == TrainingDeposit.Status.HELD:
        deposit.status = TrainingDeposit.Status.REFUNDED if refund else TrainingDeposit.Status.FORFEITED
        deposit.settled_on = max(day, deposit.paid_on)
    else:
        deposit.status = TrainingDeposit.Status.CANCELLED
        deposit.settled_on = day
    deposit.settled_by = actor
    deposit.save(update_fields=["status", "settled_on", "settled_by", "updated_at"])


# --- attendance ------------------------------------------------------------------------------------------


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
    _require_records(actor, enrolment.course.institute, "이 훈련생의 출석을 입력할 권한이 없습니다.")
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


def _month_replace(*, month: date, records: list[AttendanceMonth]) -> int:
    with transaction.atomic():
        AttendanceMonth.objects.filter(enrolment__in=[r.enrolment_id for r in records], month=month).delete()
        AttendanceMonth.objects.bulk_create(records, batch_size=BATCH)
    return len(records)


def attendance_month_set(*, actor, course: TrainingCourse, month: date, attended: dict) -> int:
    _require_records(actor, course.institute, "이 과정의 출석을 입력할 권한이 없습니다.")
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
    return _month_replace(month=month, records=records)


def attendance_import(*, actor, course: TrainingCourse, month: date, data: bytes) -> int:
    from iljari.participation.training_selectors import ATTENDANCE_COLUMNS

    _require_records(actor, course.institute, "이 과정의 출석을 입력할 권한이 없습니다.")
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
    return _month_replace(month=month, records=records)


# --- the end of training ---------------------------------------------------------------------------------


def _end_errors(enrolment: Enrolment, ended_on: date) -> dict[str, list[str]]:
    course = enrolment.course
    if enrolment.status != Enrolment.Status.ENROLLED:
        return {"ended_on": [f"이미 {enrolment.get_status_display()} 처리된 훈련생입니다."]}
    if ended_on < enrolment.enrolled_on:
        return {"ended_on": ["수료·탈락일은 입교일보다 빠를 수 없습니다."]}
    if ended_on > course.end_date:
        return {"ended_on": [f"수료·탈락일은 훈련 종료일({course.end_date:%Y-%m-%d})보다 늦을 수 없습니다."]}
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
    _require_records(actor, course.institute, "이 훈련생의 수료를 기록할 권한이 없습니다.")
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
        _deposit_settle(actor=actor, enrolment=enrolment, refund=True, day=ended_on)
    return enrolment


def course_complete(*, actor, course: TrainingCourse) -> tuple[int, int]:
    """On the course's last day: every trainee still enrolled whose recorded attendance reaches the percent."""
    _require_records(actor, course.institute, "이 과정의 수료를 기록할 권한이 없습니다.")
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
        for start in range(0, len(completed), BATCH):
            ids = completed[start : start + BATCH]
            Enrolment.objects.filter(pk__in=ids).update(status=Enrolment.Status.COMPLETED, ended_on=day)
            deposits = TrainingDeposit.objects.filter(enrolment__in=ids)
            deposits.filter(status=TrainingDeposit.Status.HELD, paid_on__lte=day).update(
                status=TrainingDeposit.Status.REFUNDED, settled_on=day, settled_by=actor
            )
            deposits.filter(status=TrainingDeposit.Status.HELD).update(  # paid after the last day: settled then
                status=TrainingDeposit.Status.REFUNDED, settled_on=F("paid_on"), settled_by=actor
            )
            deposits.filter(status=TrainingDeposit.Status.DUE).update(
                status=TrainingDeposit.Status.CANCELLED, settled_on=day, settled_by=actor
            )
    return len(completed), len(enrolled) - len(completed)


def enrolment_drop(*, actor, enrolment: Enrolment, ended_on: date, reason: str, note: str = "") -> Enrolment:
    _require_records(actor, enrolment.course.institute, "이 훈련생의 중도탈락을 기록할 권한이 없습니다.")
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
        _deposit_settle(
            actor=actor, enrolment=enrolment, refund=reason == Enrolment.DropoutReason.EMPLOYED, day=ended_on
        )
    return enrolment
