"""Technical training institutes (기술교육원) and their courses: places, weekly hours, the training-fee deposit,
the completion percent, and the call quota that recruits each course."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q

from iljari.core.errors import ValidationFailed
from iljari.participation.models import MAX_TRAINING_DEPOSIT, Enrolment, TrainingCourse, TrainingInstitute
from iljari.participation.training_services.common import require_manage

DEPOSIT_MESSAGE = (
    f"예치금은 0원 이상 {MAX_TRAINING_DEPOSIT:,}원 이하의 정수여야 합니다(교육훈련비 예치환불제: 단기과정 20만원 이내)."
)


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
    require_manage(actor, programme, "이 사업의 기술교육원을 바꿀 권한이 없습니다.")
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
    require_manage(actor, institute.programme, "이 기술교육원의 훈련 과정을 바꿀 권한이 없습니다.")
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
