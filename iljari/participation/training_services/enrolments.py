"""Enrolments (입교): a call's selected applicants enrolled in the courses their quotas recruit for, set-based, or one
person registered by staff; the places, overlap and deposit rules of both."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db import transaction
from django.db.models import Count, Q

from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_date
from iljari.core.history import history_batch, history_bulk_created
from iljari.intake.models import Application
from iljari.intake.services import applications_mark_placed
from iljari.participation.models import Enrolment, TrainingCourse, TrainingDeposit
from iljari.participation.training_services.common import BATCH, require_manage
from iljari.people.models import Person


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
    deposits = TrainingDeposit.objects.bulk_create(
        [TrainingDeposit(enrolment_id=pk, amount=amount) for pk, amount in rows], batch_size=BATCH
    )
    history_bulk_created(deposits, describe=lambda d: f"훈련생 #{d.enrolment_id} 보증금")


def enrolments_from_selection(*, actor, call) -> int:
    require_manage(actor, call.programme, "이 공고의 선발자를 기술교육원에 등록할 권한이 없습니다.")
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
        enrolments = Enrolment.objects.bulk_create(
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
        with history_batch(
            kind="participation.enrolments", label="선발자 훈련 등록", subject=f"{call.title} 선발자 등록", actor=actor
        ):
            history_bulk_created(enrolments, describe=lambda e: f"훈련생 #{e.pk} 과정 #{e.course_id}")
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
    require_manage(actor, course.institute.programme, "이 과정에 훈련생을 등록할 권한이 없습니다.")
    enrolled_on = enrolled_on or course.start_date
    errors: dict[str, list[str]] = {}
    if not course.start_date <= enrolled_on <= course.end_date:
        errors["enrolled_on"] = [
            f"입교일은 훈련 기간({screen_date(course.start_date)}~{screen_date(course.end_date)}) 안이어야 합니다."
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
            applications_mark_placed(call=application.call, application_ids=[application.pk])
    return enrolment
