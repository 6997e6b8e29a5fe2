"""Retention of participants (participation's kind for core.retention).

- `participation.participant`: a placement, kept 5 years after it ended (the day it ended, or its planned last
  day) by default. Destroying it clears the dropout note, marks the placement and its application
  `personal_data_destroyed_at`, and anonymises the person unless something else still holds them. The placement,
  its months and its pay stay, so the office's figures (participants, employment rate, pay) do not change.
- `participation.trainee`: a training enrolment, kept 5 years after it ended (the day it was completed or
  dropped, or the course's last day) by default. Destroying it clears the note, marks the enrolment and its
  application, and anonymises the person unless something else still holds them. The enrolment's course, dates,
  status and dropout reason, its attendance and deposit stay, so the training figures (trainees, completion,
  dropouts) do not change.
"""

from __future__ import annotations

from django.db.models.functions import Coalesce
from django.utils import timezone

from iljari.core.retention import Destroyed, retention_kind_register
from iljari.intake.models import Application
from iljari.intake.retention import applications_destroy
from iljari.participation.models import Enrolment, Placement
from iljari.people.retention import person_anonymise_expired


def participants_destroy(*, cutoff, now) -> Destroyed:
    last_day = timezone.localtime(cutoff).date()
    expired = (
        Placement.objects.filter(personal_data_destroyed_at__isnull=True)
        .annotate(finished=Coalesce("ended_on", "end_date"))
        .filter(finished__lt=last_day)
        .order_by("pk")
    )
    rows = list(expired.values_list("pk", "person_id", "application_id"))
    if not rows:
        return Destroyed()
    ids = [pk for pk, _, _ in rows]
    Placement.objects.filter(pk__in=ids).update(personal_data_destroyed_at=now, dropout_note="")
    applications = [a for _, _, a in rows if a is not None]
    files = 0
    if applications:
        pending = list(
            Application.objects.filter(pk__in=applications, personal_data_destroyed_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        files, _ = applications_destroy(ids=pending, now=now)
    people = person_anonymise_expired(person_ids=[p for _, p, _ in rows], now=now)
    return Destroyed(record_ids=ids, people=people, files=files)


def trainees_destroy(*, cutoff, now) -> Destroyed:
    last_day = timezone.localtime(cutoff).date()
    expired = (
        Enrolment.objects.filter(personal_data_destroyed_at__isnull=True)
        .annotate(finished=Coalesce("ended_on", "course__end_date"))
        .filter(finished__lt=last_day)
        .order_by("pk")
    )
    rows = list(expired.values_list("pk", "person_id", "application_id"))
    if not rows:
        return Destroyed()
    ids = [pk for pk, _, _ in rows]
    Enrolment.objects.filter(pk__in=ids).update(personal_data_destroyed_at=now, note="", updated_at=now)
    applications = [a for _, _, a in rows if a is not None]
    files = 0
    if applications:
        pending = list(
            Application.objects.filter(pk__in=applications, personal_data_destroyed_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        files, _ = applications_destroy(ids=pending, now=now)
    people = person_anonymise_expired(person_ids=[p for _, p, _ in rows], now=now)
    return Destroyed(record_ids=ids, people=people, files=files)


def register() -> None:
    retention_kind_register(
        "participation.participant",
        label="참여자(사업장 배치)",
        default_years=5,
        basis="참여가 끝난 날부터",
        method="참여자 식별 정보 익명화, 중도 포기 메모 삭제(참여 기간·근무·급여는 통계용으로 남김)",
        destroy=participants_destroy,
    )
    retention_kind_register(
        "participation.trainee",
        label="훈련생(기술교육원 입교)",
        default_years=5,
        basis="수료·탈락한 날(없으면 과정이 끝난 날)부터",
        method="훈련생 식별 정보 익명화, 메모 삭제(과정·기간·수료 여부·출석·예치금은 통계용으로 남김)",
        destroy=trainees_destroy,
    )
