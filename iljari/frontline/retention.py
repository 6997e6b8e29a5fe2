"""Retention of the front line's personal records (frontline's kinds for core.retention).

- `frontline.consultation` (3 years from the consultation): the notes and the follow-ups' notes are cleared, an
  anonymous client's label and the employer become "(파기)", the consultation is marked and its person anonymised
  unless something else still holds them. The rows stay with their point, day, channel, topic and outcome, so the
  counts (상담 건수, 취업 연계) do not change.
- `frontline.booking` (1 year from the day booked): the booker and the purpose are removed; the room, day, hour,
  headcount and status stay (이용 인원).
- `frontline.registration` (1 year from the end of the session's year): the account and the participant's name
  are replaced by a pseudonym that is the same for the same person within one run and kept nowhere, so that
  the figures that count distinct people (포럼 신청, 아카데미 수료) stay; attendance and satisfaction stay. The
  period runs from the end of the year because the figures are yearly: one year's rows are destroyed together.

- `frontline.labour_case` (5 years from the case's closing; an open case never expires): the claimant's name becomes
  "(파기)" and the claim's text is cleared; the point, dates, legal aid, result and amounts stay (사건 수, 회수 금액).
  The advocate's workplace visits name businesses, not people, and are kept as the office's records.

- `frontline.suit_rental` (1 year from the visit day; a rental still out never expires): the borrower's account,
  the purpose and the note on the return are removed and the borrower (a person) anonymised unless something else
  still holds them; the point, days, items, status and lateness stay (대여·반납·연체 건수).

Every kind also deletes the change history of the rows it destroys (it holds the old values).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from iljari.core.retention import Destroyed, retention_kind_register
from iljari.frontline.models import Booking, Consultation, FollowUp, LabourCase, Registration, SuitRental
from iljari.people.retention import DESTROYED_NAME, person_anonymise_expired

CHUNK = 2000


def _chunks(items: list) -> list[list]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _history_delete(model, ids: list[int]) -> None:
    content_type = ContentType.objects.get_for_model(model)
    for chunk in _chunks(ids):
        LogEntry.objects.filter(content_type=content_type, object_pk__in=[str(pk) for pk in chunk]).delete()


def consultations_destroy(*, cutoff, now) -> Destroyed:
    last_day = timezone.localtime(cutoff).date()
    rows = list(
        Consultation.objects.filter(personal_data_destroyed_at__isnull=True, held_on__lt=last_day)
        .order_by("pk")
        .values_list("pk", "person_id")
    )
    if not rows:
        return Destroyed()
    ids = [pk for pk, _ in rows]
    for chunk in _chunks(ids):
        FollowUp.objects.filter(consultation_id__in=chunk).update(note="")
        consultations = Consultation.objects.filter(pk__in=chunk)
        consultations.update(notes="", personal_data_destroyed_at=now, updated_at=now)
        consultations.exclude(client_label="").update(client_label=DESTROYED_NAME)
        consultations.exclude(employer="").update(employer=DESTROYED_NAME)
    _history_delete(Consultation, ids)
    _history_delete(FollowUp, list(FollowUp.objects.filter(consultation_id__in=ids).values_list("pk", flat=True)))
    people = person_anonymise_expired(person_ids=[p for _, p in rows if p is not None], now=now)
    return Destroyed(record_ids=ids, people=people)


def bookings_destroy(*, cutoff, now) -> Destroyed:
    last_day = timezone.localtime(cutoff).date()
    ids = list(
        Booking.objects.filter(personal_data_destroyed_at__isnull=True, day__lt=last_day)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for chunk in _chunks(ids):
        Booking.objects.filter(pk__in=chunk).update(
            booked_by=None, purpose="", personal_data_destroyed_at=now, updated_at=now
        )
    _history_delete(Booking, ids)
    return Destroyed(record_ids=ids)


def registrations_destroy(*, cutoff, now) -> Destroyed:
    # a session's registrations expire a year (the rule's years) after the end of the session's year
    last_year = timezone.localtime(cutoff).year - 1
    rows = list(
        Registration.objects.filter(personal_data_destroyed_at__isnull=True, session__day__lt=date(last_year + 1, 1, 1))
        .order_by("pk")
        .values_list("pk", "user_id", "participant")
    )
    if not rows:
        return Destroyed()
    key = secrets.token_bytes(32)  # this run's, never stored: the pseudonyms cannot be traced back

    def pseudonym(user_id, participant) -> str:
        who = f"u{user_id}" if user_id is not None else f"p{participant}"
        return "가명-" + hmac.new(key, who.encode(), hashlib.sha256).hexdigest()[:12]

    by_name: dict[str, list[int]] = {}
    for pk, user_id, participant in rows:
        by_name.setdefault(pseudonym(user_id, participant), []).append(pk)
    for name, pks in by_name.items():
        for chunk in _chunks(pks):
            Registration.objects.filter(pk__in=chunk).update(
                user=None, participant=name, personal_data_destroyed_at=now, updated_at=now
            )
    ids = [pk for pk, _, _ in rows]
    _history_delete(Registration, ids)
    return Destroyed(record_ids=ids)


def labour_cases_destroy(*, cutoff, now) -> Destroyed:
    last_day = timezone.localtime(cutoff).date()
    ids = list(
        LabourCase.objects.filter(closed_on__isnull=False, closed_on__lt=last_day)
        .exclude(claimant=DESTROYED_NAME)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for chunk in _chunks(ids):
        LabourCase.objects.filter(pk__in=chunk).update(claimant=DESTROYED_NAME, claim="", updated_at=now)
    _history_delete(LabourCase, ids)
    return Destroyed(record_ids=ids)


def suit_rentals_destroy(*, cutoff, now) -> Destroyed:
    last_day = timezone.localtime(cutoff).date()
    rows = list(
        SuitRental.objects.filter(personal_data_destroyed_at__isnull=True, visit_on__lt=last_day)
        .exclude(status=SuitRental.Status.RENTED)
        .order_by("pk")
        .values_list("pk", "person_id")
    )
    if not rows:
        return Destroyed()
    ids = [pk for pk, _ in rows]
    for chunk in _chunks(ids):
        SuitRental.objects.filter(pk__in=chunk).update(
            user=None, purpose="", condition_note="", personal_data_destroyed_at=now, updated_at=now
        )
    _history_delete(SuitRental, ids)
    people = person_anonymise_expired(person_ids=[p for _, p in rows if p is not None], now=now)
    return Destroyed(record_ids=ids, people=people)


def register() -> None:
    retention_kind_register(
        "frontline.consultation",
        label="상담 기록",
        default_years=3,
        basis="상담한 날부터",
        method=(
            "상담 내용·후속 조치 메모 삭제, 익명 상담자 표기와 취업처 파기, 상담자 익명화"
            "(상담 건수·결과는 통계용으로 남김)"
        ),
        destroy=consultations_destroy,
    )
    retention_kind_register(
        "frontline.booking",
        label="공간 대관 예약",
        default_years=1,
        basis="이용일부터",
        method="예약자와 이용 목적 삭제(공간·일시·이용 인원은 통계용으로 남김)",
        destroy=bookings_destroy,
    )
    retention_kind_register(
        "frontline.registration",
        label="프로그램 참가 신청",
        default_years=1,
        basis="회차가 열린 해가 끝난 날부터",
        method="신청 계정과 참가자 이름을 추적할 수 없는 가명으로 바꿈(출석·만족도·인원 집계는 남김)",
        destroy=registrations_destroy,
    )
    retention_kind_register(
        "frontline.labour_case",
        label="권리구제 사건",
        default_years=5,
        basis="사건이 종결된 날부터(진행 중인 사건은 파기하지 않음)",
        method="신청인 이름 파기와 청구 내용 삭제(창구·일자·결과·금액은 통계용으로 남김)",
        destroy=labour_cases_destroy,
    )
    retention_kind_register(
        "frontline.suit_rental",
        label="취업날개 정장 대여",
        default_years=1,
        basis="방문·대여일부터(대여 중인 것은 파기하지 않음)",
        method="대여자 계정·용도·반납 메모 삭제, 대여자 익명화(창구·일자·물품·연체 여부는 통계용으로 남김)",
        destroy=suit_rentals_destroy,
    )
