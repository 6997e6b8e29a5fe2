"""frontline services — every write of the frontline app.

Contract (`actor=None` is the system: the demo loader):
- consultation_record(*, actor, service_point, held_on, channel, topic, person=None, client_label="",
      client_birth_year=None, notes="", outcome="", employer="", employed_on=None, referred_to="") -> Consultation
      by the point's own staff (access_service_point_work); a registered person or an anonymous label.
- indicators_sync(*, year, as_of=None) -> dict[str, int]
      the office indicators the records feed (IND-06, ombudsmen's consultations), through performance's service;
      run after every consultation recorded (performance is the one module above org/people/plan frontline uses)
- consultation_outcome_set(*, actor, consultation, outcome, employer="", employed_on=None, referred_to="")
- follow_up_add(*, actor, consultation, due_on, note="") -> FollowUp;  follow_up_done(*, actor, follow_up, done_on)
- case_open(*, actor, service_point, claimant, respondent, claim, opened_on, claim_amount=0,
      legal_aid_granted=False, consultation=None) -> LabourCase
- case_step_add(*, actor, case, title, on=None, deadline=None) -> CaseStep
- case_close(*, actor, case, result, closed_on, amount_recovered=0) -> LabourCase
- visit_record(*, actor, service_point, workplace, visited_on, employees=0, findings="", checks=None,
      findings_resolved=None) -> WorkplaceVisit        a done visit is never in the future
- booking_create(*, actor, room, day, hour, hours=1, headcount=1, purpose="") -> list[Booking]
      a citizen's booking of consecutive one-hour slots, inside the point's opening hours, not on a closed day,
      within the room's capacity and the per-person daily limit; a taken slot is refused (the database's
      booking_one_per_slot constraint decides between concurrent requests).
- booking_wait(*, actor, room, day, hour) -> Booking     the waiting list of a taken slot
- booking_cancel(*, actor, booking) -> Booking           the first waiting booking of the slot takes it
- booking_attendance(*, actor, booking, attended: bool)  check-in or no-show, by the point's staff
- registration_create(*, actor, session, participant="") -> Registration
      a citizen on the portal (or the programme's staff for a named participant); never over capacity (one
      conditional UPDATE of the session's counter, with a CheckConstraint behind it).
- registration_cancel(*, actor, registration);  attendance_record(*, actor, registration, attended)
- satisfaction_record(*, actor, registration, score)     the citizen, after attending
- shelter_count_record(*, actor, shelter, day, users) -> ShelterDailyCount
- conversion_record(*, actor, kind, group, planned, done=0, done_on=None, institution=None, institution_label="")
- screening_request(*, actor, institution, unit, reason, headcount, months, budget, requested_on)
- screening_decide(*, actor, screening, decision, decided_on, approved_headcount=None, committee_note="")
- working_hours_record(*, actor, institution, year, hours) -> WorkingHours
- labour_check_record(*, actor, institution, kind, checked_on, compliant, max_weekly_hours=None, findings="")
- service_point_set / topic_set / closure_set / room_set / programme_set / session_set / shelter_set
      (*, actor, code-or-key, **fields): keep the set-up records (the office manager or the division's staff;
      the demo loader as the system). room_set / programme_set / shelter_set take new=True for a new code (a
      taken code is refused); each checks its fields (capacity at least 1, per-person limit 1–24 hours, HH:MM
      shelter hours) and writes nothing on a mistake. session_set(..., session=None) edits one session when
      given; a session of a point's programme starts inside the point's opening hours on a day it is open.
      A closure of one point is its division's; a closure of every point the office manager's.
- service_point_hours_set(*, actor, service_point, weekday_opens, weekday_closes, saturday_opens, saturday_closes)
      opening before closing, both or neither; closure_delete(*, actor, closure)
"""

from __future__ import annotations

import re
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from iljari.core.access import (
    access_book,
    access_frontline_manage,
    access_service_point_work,
    access_shelter_counts,
    require,
)
from iljari.core.errors import Conflict, NotAllowed, ValidationFailed
from iljari.frontline.models import (
    Booking,
    CaseStep,
    Closure,
    Consultation,
    ConsultationTopic,
    Conversion,
    FixedTermScreening,
    FollowUp,
    LabourCase,
    LabourCheck,
    Programme,
    ProgrammeSession,
    Registration,
    Room,
    ServicePoint,
    Shelter,
    ShelterDailyCount,
    WorkingHours,
    WorkplaceVisit,
)

LABOUR_POLICY = "/SEOUL/JOBS/LABOUR-POLICY/"


def _today() -> date:
    return timezone.localdate()


def _fail(field: str, message: str):
    raise ValidationFailed(field_errors={field: [message]})


def _require_work(actor, point: ServicePoint) -> None:
    if actor is not None:
        require(access_service_point_work(actor, point), f"{point.name}의 업무를 기록할 권한이 없습니다.")


def _not_future(value: date | None, field: str, label: str) -> None:
    if value is not None and value > _today():
        _fail(field, f"{label}은(는) 오늘 이후일 수 없습니다. 이미 한 일만 기록합니다.")


# --- consultations ------------------------------------------------------------------------------------------


def _outcome_errors(outcome: str, employer: str, employed_on, referred_to: str, held_on) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if outcome not in Consultation.Outcome.values:
        errors["outcome"] = ["상담 결과를 목록에서 고르십시오."]
    if outcome == Consultation.Outcome.EMPLOYED:
        if not employer.strip():
            errors["employer"] = ["취업한 경우 취업처를 입력하십시오."]
        if employed_on is None:
            errors["employed_on"] = ["취업한 경우 취업일을 입력하십시오."]
        elif employed_on > _today():
            errors["employed_on"] = ["취업일은 오늘 이후일 수 없습니다."]
        elif held_on is not None and employed_on < held_on.replace(year=held_on.year - 1):
            errors["employed_on"] = ["취업일이 상담일보다 1년 넘게 앞섭니다. 날짜를 확인하십시오."]
    if outcome == Consultation.Outcome.REFERRED and not referred_to.strip():
        errors["referred_to"] = ["연계한 기관을 입력하십시오."]
    return errors


def consultation_record(
    *,
    actor,
    service_point: ServicePoint,
    held_on: date,
    channel: str,
    topic,
    person=None,
    client_label: str = "",
    client_birth_year: int | None = None,
    notes: str = "",
    outcome: str = "",
    employer: str = "",
    employed_on: date | None = None,
    referred_to: str = "",
) -> Consultation:
    _require_work(actor, service_point)
    errors: dict[str, list[str]] = {}
    if channel not in Consultation.Channel.values:
        errors["channel"] = ["상담 방법(방문·전화·온라인)을 고르십시오."]
    if held_on is None:
        errors["held_on"] = ["상담일을 입력하십시오."]
    elif held_on > _today():
        errors["held_on"] = ["상담일은 오늘 이후일 수 없습니다."]
    if topic is None or not topic.is_active:
        errors["topic"] = ["상담 주제를 목록에서 고르십시오."]
    if person is None and not client_label.strip():
        errors["client_label"] = ["등록된 상담자를 고르거나, 익명 상담자의 호칭(예: 익명-1)을 입력하십시오."]
    if client_birth_year is not None and not 1900 <= client_birth_year <= _today().year:
        errors["client_birth_year"] = ["출생연도를 확인하십시오."]
    errors.update(_outcome_errors(outcome, employer, employed_on, referred_to, held_on))
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        consultation = Consultation.objects.create(
            service_point=service_point,
            held_on=held_on,
            channel=channel,
            topic=topic,
            person=person,
            client_label="" if person is not None else client_label.strip(),
            client_birth_year=None if person is not None else client_birth_year,
            advisor=actor,
            notes=notes.strip(),
            outcome=outcome,
            employer=employer.strip() if outcome == Consultation.Outcome.EMPLOYED else "",
            employed_on=employed_on if outcome == Consultation.Outcome.EMPLOYED else None,
            referred_to=referred_to.strip() if outcome == Consultation.Outcome.REFERRED else "",
        )
        transaction.on_commit(lambda: indicators_sync(year=held_on.year))
    return consultation


def indicators_sync(*, year: int, as_of: date | None = None) -> dict[str, int]:
    """The office indicators these records feed (시민명예노동옴부즈만 상담건수, IND-06), recorded through performance's
    service as of `as_of` (default: today, or the year's last day for a past year). Runs after every consultation
    is recorded, so the indicator follows the consultations without anyone copying a number."""
    from iljari.frontline.selectors import indicator_actuals
    from iljari.performance.services import indicator_actual_derive

    as_of = as_of or min(_today(), date(year, 12, 31))
    actuals = indicator_actuals(year=year, as_of=as_of)
    for code, value in actuals.items():
        indicator_actual_derive(code=code, year=year, value=value, as_of=as_of)
    return actuals


def consultation_outcome_set(
    *, actor, consultation: Consultation, outcome: str, employer: str = "", employed_on=None, referred_to: str = ""
) -> Consultation:
    _require_work(actor, consultation.service_point)
    errors = _outcome_errors(outcome, employer, employed_on, referred_to, consultation.held_on)
    if errors:
        raise ValidationFailed(field_errors=errors)
    employed = outcome == Consultation.Outcome.EMPLOYED
    with transaction.atomic():
        consultation.outcome = outcome
        consultation.employer = employer.strip() if employed else ""
        consultation.employed_on = employed_on if employed else None
        consultation.referred_to = referred_to.strip() if outcome == Consultation.Outcome.REFERRED else ""
        consultation.save(update_fields=["outcome", "employer", "employed_on", "referred_to", "updated_at"])
    return consultation


def follow_up_add(*, actor, consultation: Consultation, due_on: date, note: str = "") -> FollowUp:
    _require_work(actor, consultation.service_point)
    if due_on is None:
        _fail("due_on", "사후 관리 예정일을 입력하십시오.")
    if due_on < consultation.held_on:
        _fail("due_on", "사후 관리 예정일은 상담일 이후여야 합니다.")
    with transaction.atomic():
        return FollowUp.objects.create(consultation=consultation, due_on=due_on, note=note.strip())


def follow_up_done(*, actor, follow_up: FollowUp, done_on: date) -> FollowUp:
    _require_work(actor, follow_up.consultation.service_point)
    _not_future(done_on, "done_on", "사후 관리한 날")
    with transaction.atomic():
        follow_up.done_on = done_on
        follow_up.save(update_fields=["done_on", "updated_at"])
    return follow_up


# --- cases ----------------------------------------------------------------------------------------------------


def case_open(
    *,
    actor,
    service_point: ServicePoint,
    claimant: str,
    respondent: str,
    claim: str,
    opened_on: date,
    claim_amount: int = 0,
    legal_aid_granted: bool = False,
    consultation: Consultation | None = None,
) -> LabourCase:
    _require_work(actor, service_point)
    errors: dict[str, list[str]] = {}
    for field, value, label in (
        ("claimant", claimant, "신청인"),
        ("respondent", respondent, "상대방"),
        ("claim", claim, "청구 내용"),
    ):
        if not (value or "").strip():
            errors[field] = [f"{label}을(를) 입력하십시오."]
    if claim_amount is None or claim_amount < 0:
        errors["claim_amount"] = ["청구 금액은 0원 이상이어야 합니다."]
    if opened_on is None or opened_on > _today():
        errors["opened_on"] = ["수임일을 오늘 이전의 날짜로 입력하십시오."]
    if consultation is not None and consultation.service_point_id != service_point.pk:
        errors["consultation"] = ["다른 창구의 상담으로 사건을 열 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        case = LabourCase.objects.create(
            service_point=service_point,
            consultation=consultation,
            advocate=actor,
            claimant=claimant.strip(),
            respondent=respondent.strip(),
            claim=claim.strip(),
            claim_amount=claim_amount,
            opened_on=opened_on,
            legal_aid_granted=legal_aid_granted,
        )
        if consultation is not None and consultation.outcome != Consultation.Outcome.CASE_OPENED:
            consultation.outcome = Consultation.Outcome.CASE_OPENED
            consultation.save(update_fields=["outcome", "updated_at"])
    return case


def case_step_add(*, actor, case: LabourCase, title: str, on: date | None = None, deadline: date | None = None):
    _require_work(actor, case.service_point)
    if not (title or "").strip():
        _fail("title", "단계 이름을 입력하십시오.")
    _not_future(on, "on", "단계를 진행한 날")
    if deadline is not None and deadline < case.opened_on:
        _fail("deadline", "기한은 수임일 이후여야 합니다.")
    with transaction.atomic():
        return CaseStep.objects.create(case=case, title=title.strip(), on=on, deadline=deadline)


def case_close(*, actor, case: LabourCase, result: str, closed_on: date, amount_recovered: int = 0) -> LabourCase:
    _require_work(actor, case.service_point)
    if result not in {LabourCase.Result.WON, LabourCase.Result.SETTLED, LabourCase.Result.LOST}:
        _fail("result", "결과(승소·합의·패소)를 고르십시오.")
    if closed_on is None or closed_on < case.opened_on:
        _fail("closed_on", "종결일은 수임일 이후여야 합니다.")
    _not_future(closed_on, "closed_on", "종결일")
    if amount_recovered is None or amount_recovered < 0:
        _fail("amount_recovered", "회수 금액은 0원 이상이어야 합니다.")
    with transaction.atomic():
        case.result = result
        case.closed_on = closed_on
        case.amount_recovered = amount_recovered
        case.save(update_fields=["result", "closed_on", "amount_recovered", "updated_at"])
    return case


# --- workplace visits ----------------------------------------------------------------------------------------


def visit_record(
    *,
    actor,
    service_point: ServicePoint,
    workplace: str,
    visited_on: date,
    employees: int = 0,
    findings: str = "",
    checks: WorkplaceVisit | None = None,
    findings_resolved: bool | None = None,
) -> WorkplaceVisit:
    _require_work(actor, service_point)
    errors: dict[str, list[str]] = {}
    if checks is None and not (workplace or "").strip():
        errors["workplace"] = ["사업장 이름을 입력하십시오."]
    if visited_on is None:
        errors["visited_on"] = ["방문일을 입력하십시오."]
    elif visited_on > _today():
        errors["visited_on"] = ["방문일은 오늘 이후일 수 없습니다. 다녀온 방문만 기록합니다."]
    if employees is None or employees < 0:
        errors["employees"] = ["상시 근로자 수는 0명 이상이어야 합니다."]
    if service_point.kind == ServicePoint.Kind.VILLAGE_LABOUR_ATTORNEY and (employees or 0) > 9:
        errors["employees"] = ["마을노무사는 상시 근로자 9인 이하 사업장만 컨설팅합니다."]
    if checks is not None:
        if checks.service_point_id != service_point.pk:
            errors["checks"] = ["다른 창구의 방문은 점검할 수 없습니다."]
        elif visited_on is not None and visited_on <= checks.visited_on:
            errors["visited_on"] = ["점검 방문은 처음 방문한 날 이후여야 합니다."]
        if findings_resolved is None:
            errors["findings_resolved"] = ["지적사항이 개선되었는지 표시하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return WorkplaceVisit.objects.create(
            service_point=service_point,
            workplace=(checks.workplace if checks is not None else workplace).strip(),
            employees=employees or 0,
            visited_on=visited_on,
            consultant=actor,
            findings=findings.strip(),
            checks=checks,
            findings_resolved=findings_resolved if checks is not None else None,
        )


# --- rooms and bookings ----------------------------------------------------------------------------------------


def _slot_errors(room: Room, day: date, hour: int, hours: int) -> dict[str, list[str]]:
    point = room.service_point
    if day is None:
        return {"day": ["날짜를 고르십시오."]}
    if day < _today():
        return {"day": ["지난 날짜는 예약할 수 없습니다."]}
    if (day - _today()).days > 90:
        return {"day": ["90일 안의 날짜만 예약할 수 있습니다."]}
    if (
        Closure.objects.filter(day=day).filter(service_point__isnull=True).exists()
        or point.closures.filter(day=day).exists()
    ):
        return {"day": [f"{day:%Y-%m-%d}은(는) 휴관일입니다."]}
    opening = point.hours_on(day)
    if opening is None:
        return {"day": [f"{point.name}은(는) {day:%Y-%m-%d}에 문을 열지 않습니다(일요일·공휴일 휴관)."]}
    opens, closes = opening
    if hours is None or hours < 1:
        return {"hours": ["이용 시간은 1시간 이상이어야 합니다."]}
    if hour is None or hour < opens or hour + hours > closes:
        return {"hour": [f"운영 시간({opens:02d}:00~{closes:02d}:00) 안에서만 예약할 수 있습니다."]}
    return {}


def booking_create(
    *, actor, room: Room, day: date, hour: int, hours: int = 1, headcount: int = 1, purpose: str = ""
) -> list[Booking]:
    if actor is not None:
        require(access_book(actor), "공간 예약은 시민 회원만 할 수 있습니다.")
    if not room.is_active:
        raise ValidationFailed("지금은 예약을 받지 않는 공간입니다.")
    errors = _slot_errors(room, day, hour, hours)
    if headcount is None or headcount < 1:
        errors["headcount"] = ["이용 인원은 1명 이상이어야 합니다."]
    elif headcount > room.capacity:
        errors["headcount"] = [f"{room.name}의 정원은 {room.capacity}명입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if actor is not None:
            held = Booking.objects.filter(
                booked_by=actor, day=day, status__in=Booking.ACTIVE, room__kind=room.kind
            ).count()
            if held + hours > room.max_hours_per_day:
                _fail(
                    "hours",
                    f"{room.get_kind_display()}은(는) 한 사람이 하루 {room.max_hours_per_day}시간까지 "
                    f"예약할 수 있습니다(이미 {held}시간 예약).",
                )
        rows = [
            Booking(
                room=room,
                day=day,
                hour=hour + offset,
                booked_by=actor,
                headcount=headcount,
                purpose=(purpose or "").strip()[:100],
            )
            for offset in range(hours)
        ]
        try:
            with transaction.atomic():
                Booking.objects.bulk_create(rows)
        except IntegrityError:
            raise Conflict(
                f"{room.name} {day:%Y-%m-%d} {hour:02d}:00~{hour + hours:02d}:00에는 이미 예약이 있습니다. "
                "다른 시간을 고르거나 대기 신청을 하십시오."
            ) from None
    return rows


def booking_wait(*, actor, room: Room, day: date, hour: int) -> Booking:
    if actor is not None:
        require(access_book(actor), "공간 예약은 시민 회원만 할 수 있습니다.")
    errors = _slot_errors(room, day, hour, 1)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if not Booking.objects.filter(room=room, day=day, hour=hour, status__in=Booking.ACTIVE).exists():
            raise ValidationFailed("이 시간은 비어 있습니다. 대기하지 않고 바로 예약하십시오.")
        if Booking.objects.filter(
            room=room, day=day, hour=hour, booked_by=actor, status=Booking.Status.WAITING
        ).exists():
            raise ValidationFailed("이미 이 시간의 대기자로 신청했습니다.")
        return Booking.objects.create(room=room, day=day, hour=hour, booked_by=actor, status=Booking.Status.WAITING)


def booking_cancel(*, actor, booking: Booking) -> Booking:
    if actor is not None and booking.booked_by_id != actor.pk:
        raise NotAllowed("본인의 예약만 취소할 수 있습니다.")
    if booking.status not in {Booking.Status.BOOKED, Booking.Status.WAITING}:
        raise ValidationFailed("이용했거나 이미 취소된 예약은 취소할 수 없습니다.")
    if booking.day < _today():
        raise ValidationFailed("지난 예약은 취소할 수 없습니다.")
    with transaction.atomic():
        was_active = booking.status == Booking.Status.BOOKED
        booking.status = Booking.Status.CANCELLED
        booking.save(update_fields=["status", "updated_at"])
        if was_active:
            first = (
                Booking.objects.select_for_update()
                .filter(room_id=booking.room_id, day=booking.day, hour=booking.hour, status=Booking.Status.WAITING)
                .order_by("created_at", "id")
                .first()
            )
            if first is not None:
                first.status = Booking.Status.BOOKED
                first.save(update_fields=["status", "updated_at"])
    return booking


def booking_attendance(*, actor, booking: Booking, attended: bool) -> Booking:
    _require_work(actor, booking.room.service_point)
    if booking.status not in Booking.ACTIVE:
        raise ValidationFailed("취소되었거나 대기 중인 예약은 이용 여부를 기록할 수 없습니다.")
    if booking.day > _today():
        raise ValidationFailed("아직 오지 않은 날의 예약은 이용 여부를 기록할 수 없습니다.")
    with transaction.atomic():
        booking.status = Booking.Status.CHECKED_IN if attended else Booking.Status.NO_SHOW
        booking.save(update_fields=["status", "updated_at"])
    return booking


# --- programmes: registration, attendance, satisfaction --------------------------------------------------------


def registration_create(*, actor, session: ProgrammeSession, participant: str = "") -> Registration:
    programme = session.programme
    staff = actor is not None and access_frontline_manage(actor, programme.division.path)
    if actor is not None and not staff:
        require(access_book(actor), "프로그램 신청은 시민 회원만 할 수 있습니다.")
        if not programme.public:
            raise ValidationFailed("이 프로그램은 포털에서 신청을 받지 않습니다.")
    if session.day < _today() and actor is not None:
        raise ValidationFailed("이미 지난 회차는 신청할 수 없습니다.")
    if staff and not participant.strip():
        _fail("participant", "참가자 이름을 입력하십시오.")
    with transaction.atomic():
        if (
            actor is not None
            and not staff
            and Registration.objects.filter(session=session, user=actor, cancelled=False).exists()
        ):
            raise ValidationFailed("이미 이 회차에 신청했습니다.")
        # One conditional UPDATE: two requests for the last place cannot both pass (the row lock orders them).
        taken = ProgrammeSession.objects.filter(pk=session.pk, registered__lt=F("capacity")).update(
            registered=F("registered") + 1
        )
        if not taken:
            raise Conflict(f"{programme.title} {session.title}은(는) 정원({session.capacity}명)이 다 찼습니다.")
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    session=session,
                    user=None if staff else actor,
                    participant=participant.strip() or (actor.name if actor is not None else ""),
                )
        except IntegrityError:
            raise ValidationFailed("이미 이 회차에 신청했습니다.") from None
    session.refresh_from_db(fields=["registered"])
    return registration


def registration_cancel(*, actor, registration: Registration) -> Registration:
    if actor is not None and registration.user_id != actor.pk:
        raise NotAllowed("본인의 신청만 취소할 수 있습니다.")
    if registration.cancelled:
        raise ValidationFailed("이미 취소한 신청입니다.")
    if registration.attended is not None:
        raise ValidationFailed("출석이 기록된 신청은 취소할 수 없습니다.")
    with transaction.atomic():
        registration.cancelled = True
        registration.save(update_fields=["cancelled", "updated_at"])
        ProgrammeSession.objects.filter(pk=registration.session_id).update(registered=F("registered") - 1)
    return registration


def attendance_record(*, actor, registration: Registration, attended: bool) -> Registration:
    programme = registration.session.programme
    if actor is not None:
        require(access_frontline_manage(actor, programme.division.path), "이 프로그램의 출석을 기록할 권한이 없습니다.")
    if registration.cancelled:
        raise ValidationFailed("취소된 신청입니다.")
    if registration.session.day > _today():
        raise ValidationFailed("아직 열리지 않은 회차의 출석은 기록할 수 없습니다.")
    with transaction.atomic():
        registration.attended = attended
        registration.save(update_fields=["attended", "updated_at"])
    return registration


def satisfaction_record(*, actor, registration: Registration, score: int) -> Registration:
    if actor is not None and registration.user_id != actor.pk:
        raise NotAllowed("본인의 신청에만 만족도를 남길 수 있습니다.")
    if not registration.attended:
        raise ValidationFailed("참석한 회차에만 만족도를 남길 수 있습니다.")
    if score is None or not 1 <= score <= 5:
        _fail("score", "만족도는 1~5점으로 고르십시오.")
    with transaction.atomic():
        registration.satisfaction = score
        registration.save(update_fields=["satisfaction", "updated_at"])
    return registration


# --- shelters -------------------------------------------------------------------------------------------------


def shelter_count_record(*, actor, shelter: Shelter, day: date, users: int) -> ShelterDailyCount:
    if actor is not None:
        require(access_shelter_counts(actor, shelter), f"{shelter.name}의 이용자 수를 입력할 권한이 없습니다.")
    if day is None:
        _fail("day", "날짜를 입력하십시오.")
    _not_future(day, "day", "이용 날짜")
    if day < shelter.opened_on:
        _fail("day", f"{shelter.name}은(는) {shelter.opened_on:%Y-%m-%d}에 문을 열었습니다.")
    if users is None or users < 0:
        _fail("users", "이용자 수는 0명 이상이어야 합니다.")
    with transaction.atomic():
        count, _ = ShelterDailyCount.objects.update_or_create(shelter=shelter, day=day, defaults={"users": users})
    return count


# --- public-sector labour programmes ---------------------------------------------------------------------------


def _require_labour_policy(actor) -> None:
    if actor is not None:
        require(access_frontline_manage(actor, LABOUR_POLICY), "공공부문 노동 자료를 기록할 권한이 없습니다.")


def conversion_record(
    *,
    actor,
    kind: str,
    group: str,
    planned: int,
    done: int = 0,
    done_on: date | None = None,
    institution=None,
    institution_label: str = "",
) -> Conversion:
    _require_labour_policy(actor)
    errors: dict[str, list[str]] = {}
    if kind not in Conversion.Kind.values:
        errors["kind"] = ["전환 구분을 고르십시오."]
    if not (group or "").strip():
        errors["group"] = ["전환 대상을 입력하십시오."]
    if institution is None and not institution_label.strip():
        errors["institution"] = ["기관을 고르거나 기관명을 입력하십시오."]
    if planned is None or planned < 1:
        errors["planned"] = ["전환 계획 인원은 1명 이상이어야 합니다."]
    elif done is None or done < 0 or done > planned:
        errors["done"] = ["전환 완료 인원은 0명 이상, 계획 인원 이하여야 합니다."]
    if done and done_on is None:
        errors["done_on"] = ["전환한 날을 입력하십시오."]
    elif done_on is not None and done_on > _today():
        errors["done_on"] = ["전환일은 오늘 이후일 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return Conversion.objects.create(
            kind=kind,
            institution=institution,
            institution_label=institution_label.strip(),
            group=group.strip(),
            planned=planned,
            done=done,
            done_on=done_on if done else None,
        )


def screening_request(
    *, actor, reason: str, headcount: int, months: int, budget: int, requested_on: date, institution=None, unit=None
) -> FixedTermScreening:
    _require_labour_policy(actor)
    errors: dict[str, list[str]] = {}
    if institution is None and unit is None:
        errors["institution"] = ["요청한 기관이나 부서를 고르십시오."]
    if not (reason or "").strip():
        errors["reason"] = ["채용 사유를 입력하십시오."]
    if headcount is None or headcount < 1:
        errors["headcount"] = ["인원은 1명 이상이어야 합니다."]
    if months is None or not 1 <= months <= 24:
        errors["months"] = ["기간제 근로 기간은 1~24개월입니다."]
    if budget is None or budget < 0:
        errors["budget"] = ["예산은 0원 이상이어야 합니다."]
    if requested_on is None:
        errors["requested_on"] = ["요청일을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return FixedTermScreening.objects.create(
            institution=institution,
            unit=unit,
            reason=reason.strip(),
            headcount=headcount,
            months=months,
            budget=budget,
            requested_on=requested_on,
        )


def screening_decide(
    *,
    actor,
    screening: FixedTermScreening,
    decision: str,
    decided_on: date,
    approved_headcount=None,
    committee_note: str = "",
) -> FixedTermScreening:
    _require_labour_policy(actor)
    if screening.decision != FixedTermScreening.Decision.PENDING:
        raise ValidationFailed("이미 심사한 요청입니다.")
    if decision not in {"approved", "reduced", "rejected"}:
        _fail("decision", "심사 결과(적정·조정·부적정)를 고르십시오.")
    if decided_on is None or decided_on < screening.requested_on:
        _fail("decided_on", "심사일은 요청일 이후여야 합니다.")
    _not_future(decided_on, "decided_on", "심사일")
    if decision == "reduced" and (approved_headcount is None or not 0 < approved_headcount < screening.headcount):
        _fail("approved_headcount", "조정한 경우 인정 인원은 1명 이상, 요청 인원보다 적어야 합니다.")
    with transaction.atomic():
        screening.decision = decision
        screening.decided_on = decided_on
        screening.approved_headcount = {
            "approved": screening.headcount,
            "reduced": approved_headcount,
            "rejected": 0,
        }[decision]
        screening.committee_note = committee_note.strip()
        screening.save(update_fields=["decision", "decided_on", "approved_headcount", "committee_note", "updated_at"])
    return screening


def working_hours_record(*, actor, institution, year: int, hours: int) -> WorkingHours:
    _require_labour_policy(actor)
    if year is None or not 2000 <= year <= _today().year:
        _fail("year", "연도를 확인하십시오(올해까지).")
    if hours is None or not 1 <= hours <= 8784:
        _fail("hours", "연간 노동시간은 1~8,784시간입니다.")
    with transaction.atomic():
        record, _ = WorkingHours.objects.update_or_create(institution=institution, year=year, defaults={"hours": hours})
    return record


def labour_check_record(
    *, actor, institution, kind: str, checked_on: date, compliant: bool, max_weekly_hours=None, findings: str = ""
) -> LabourCheck:
    _require_labour_policy(actor)
    errors: dict[str, list[str]] = {}
    if kind not in LabourCheck.Kind.values:
        errors["kind"] = ["점검 구분을 고르십시오."]
    if checked_on is None:
        errors["checked_on"] = ["점검일을 입력하십시오."]
    elif checked_on > _today():
        errors["checked_on"] = ["점검일은 오늘 이후일 수 없습니다. 마친 점검만 기록합니다."]
    if kind == LabourCheck.Kind.WEEK_52 and max_weekly_hours is not None and max_weekly_hours > 52 and compliant:
        errors["compliant"] = ["최장 주당 노동시간이 52시간을 넘으면 적합으로 기록할 수 없습니다."]
    if not compliant and not (findings or "").strip():
        errors["findings"] = ["부적합이면 지적사항을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return LabourCheck.objects.create(
            institution=institution,
            kind=kind,
            checked_on=checked_on,
            compliant=compliant,
            max_weekly_hours=max_weekly_hours,
            findings=(findings or "").strip(),
        )


# --- set-up records -------------------------------------------------------------------------------------------


def _require_manage(actor, division) -> None:
    if actor is not None:
        require(access_frontline_manage(actor, division.path), "현장 서비스의 기본 자료를 바꿀 권한이 없습니다.")


def service_point_set(*, actor, code: str, division, **fields) -> ServicePoint:
    _require_manage(actor, division)
    with transaction.atomic():
        point, _ = ServicePoint.objects.update_or_create(code=code, defaults={"division": division, **fields})
    return point


def topic_set(*, actor, code: str, name: str, sort_order: int = 0) -> ConsultationTopic:
    if actor is not None:
        require(access_frontline_manage(actor, "/"), "상담 주제 목록을 바꿀 권한이 없습니다.")
    with transaction.atomic():
        topic, _ = ConsultationTopic.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": sort_order}
        )
    return topic


def _code_errors(model, code: str, new: bool) -> dict[str, list[str]]:
    """A new record's code: letters, digits and '-', not taken (an existing record keeps its code)."""
    code = (code or "").strip()
    if not code or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,31}", code):
        return {"code": ["코드는 영문·숫자·하이픈(-)으로 32자까지 입력하십시오."]}
    if new and model.objects.filter(code=code).exists():
        return {"code": [f"코드 {code}은(는) 이미 쓰고 있습니다. 다른 코드를 입력하십시오."]}
    return {}


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationFailed(field_errors=errors)


def service_point_hours_set(
    *,
    actor,
    service_point: ServicePoint,
    weekday_opens=None,
    weekday_closes=None,
    saturday_opens=None,
    saturday_closes=None,
) -> ServicePoint:
    """A point's opening hours (whole hours 0–24; both empty: closed that day)."""
    _require_manage(actor, service_point.division)
    errors: dict[str, list[str]] = {}
    for label, prefix, opens, closes in (
        ("평일", "weekday", weekday_opens, weekday_closes),
        ("토요일", "saturday", saturday_opens, saturday_closes),
    ):
        if (opens is None) != (closes is None):
            errors[f"{prefix}_closes"] = [f"{label} 여는 시각과 닫는 시각을 함께 입력하거나 함께 비우십시오."]
        elif opens is not None and not 0 <= opens < closes <= 24:
            errors[f"{prefix}_closes"] = [f"{label} 닫는 시각은 여는 시각보다 늦어야 합니다(0~24시)."]
    _raise(errors)
    with transaction.atomic():
        service_point.weekday_opens, service_point.weekday_closes = weekday_opens, weekday_closes
        service_point.saturday_opens, service_point.saturday_closes = saturday_opens, saturday_closes
        service_point.save(
            update_fields=["weekday_opens", "weekday_closes", "saturday_opens", "saturday_closes", "updated_at"]
        )
    return service_point


def closure_set(*, actor, day: date, reason: str, service_point: ServicePoint | None = None) -> Closure:
    """A closed day for one point (its division's staff or the office manager) or for every point (the office
    manager)."""
    if actor is not None:
        path = service_point.division.path if service_point is not None else "/"
        require(access_frontline_manage(actor, path), "휴관일을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if day is None:
        errors["day"] = ["휴관일을 입력하십시오."]
    if not (reason or "").strip():
        errors["reason"] = ["휴관 사유를 입력하십시오(예: 추석)."]
    _raise(errors)
    with transaction.atomic():
        closure, _ = Closure.objects.update_or_create(
            day=day, service_point=service_point, defaults={"reason": reason.strip()}
        )
    return closure


def closure_delete(*, actor, closure: Closure) -> None:
    if actor is not None:
        path = closure.service_point.division.path if closure.service_point_id else "/"
        require(access_frontline_manage(actor, path), "휴관일을 바꿀 권한이 없습니다.")
    with transaction.atomic():
        closure.delete()


def room_set(*, actor, code: str, service_point: ServicePoint, new: bool = False, **fields) -> Room:
    """A room (new=True: a new code, refused when taken); its capacity at least 1, the per-person limit 1–24
    hours."""
    _require_manage(actor, service_point.division)
    existing = None if new else Room.objects.filter(code=code).select_related("service_point__division").first()
    if existing is not None and existing.service_point_id != service_point.pk:
        _require_manage(actor, existing.service_point.division)
    errors = _code_errors(Room, code, new)
    if "name" in fields and not (fields["name"] or "").strip():
        errors["name"] = ["공간 이름을 입력하십시오."]
    if "kind" in fields and fields["kind"] not in Room.Kind.values:
        errors["kind"] = ["공간 구분을 고르십시오."]
    if "capacity" in fields and (fields["capacity"] is None or not 1 <= fields["capacity"] <= 1000):
        errors["capacity"] = ["정원은 1명 이상 1,000명 이하여야 합니다."]
    if "max_hours_per_day" in fields and (
        fields["max_hours_per_day"] is None or not 1 <= fields["max_hours_per_day"] <= 24
    ):
        errors["max_hours_per_day"] = ["1인 1일 최대 이용 시간은 1~24시간입니다."]
    _raise(errors)
    with transaction.atomic():
        room, _ = Room.objects.update_or_create(code=code, defaults={"service_point": service_point, **fields})
    return room


def programme_set(*, actor, code: str, division, new: bool = False, **fields) -> Programme:
    """A programme (new=True: a new code, refused when taken); its point, when it has one, belongs to the
    division."""
    _require_manage(actor, division)
    existing = None if new else Programme.objects.filter(code=code).select_related("division").first()
    if existing is not None and existing.division_id != division.pk:
        _require_manage(actor, existing.division)
    errors = _code_errors(Programme, code, new)
    if "title" in fields and not (fields["title"] or "").strip():
        errors["title"] = ["프로그램 이름을 입력하십시오."]
    if "kind" in fields and fields["kind"] not in Programme.Kind.values:
        errors["kind"] = ["프로그램 구분을 고르십시오."]
    point = fields.get("service_point")
    if point is not None and actor is not None and not access_frontline_manage(actor, point.division.path):
        errors["service_point"] = [f"{point.name}은(는) 담당하지 않는 창구입니다."]
    if "sessions_to_complete" in fields and (
        fields["sessions_to_complete"] is None or not 1 <= fields["sessions_to_complete"] <= 100
    ):
        errors["sessions_to_complete"] = ["수료 기준 출석 회차는 1~100회입니다."]
    _raise(errors)
    with transaction.atomic():
        programme, _ = Programme.objects.update_or_create(code=code, defaults={"division": division, **fields})
    return programme


def _session_errors(programme: Programme, day, starts, capacity) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if capacity is None or capacity < 1:
        errors["capacity"] = ["정원은 1명 이상이어야 합니다."]
    if day is None:
        errors["day"] = ["날짜를 입력하십시오."]
    if starts is None or not 0 <= starts <= 23:
        errors["starts"] = ["시작 시각은 0~23시입니다."]
    point = programme.service_point
    if point is not None and day is not None and "starts" not in errors:
        hours = point.hours_on(day)
        if (
            hours is None
            or Closure.objects.filter(day=day).filter(Q(service_point=point) | Q(service_point__isnull=True)).exists()
        ):
            errors["day"] = [f"{point.name}은(는) {day:%Y-%m-%d}에 문을 열지 않습니다."]
        elif not hours[0] <= starts < hours[1]:
            errors["starts"] = [f"시작 시각이 {point.name}의 운영시간({hours[0]}~{hours[1]}시) 밖입니다."]
    return errors


def session_set(
    *, actor, programme: Programme, title: str, day: date, starts: int, capacity: int, session=None, new: bool = False
) -> ProgrammeSession:
    """A programme's session by title (new=True: refused when the title is taken; or `session` to edit that
    one, title included): capacity at least 1 and
    never below those registered, the day and start inside the programme's point's opening hours (not on a
    closed day)."""
    _require_manage(actor, programme.division)
    errors = _session_errors(programme, day, starts, capacity)
    title = (title or "").strip()
    if not title:
        errors["title"] = ["회차 이름을 입력하십시오(예: 3회차)."]
    elif (new or session is not None) and programme.sessions.filter(title=title).exclude(
        pk=getattr(session, "pk", None)
    ).exists():
        errors["title"] = [f"{title}은(는) 이미 있는 회차입니다. 다른 이름을 입력하십시오."]
    _raise(errors)
    with transaction.atomic():
        if session is None:
            session, created = ProgrammeSession.objects.select_for_update().get_or_create(
                programme=programme, title=title, defaults={"day": day, "starts": starts, "capacity": capacity}
            )
        else:
            session = ProgrammeSession.objects.select_for_update().get(pk=session.pk)
            created = False
        if not created and (session.title, session.day, session.starts, session.capacity) != (
            title,
            day,
            starts,
            capacity,
        ):
            if capacity < session.registered:
                _fail("capacity", f"이미 {session.registered}명이 신청하여 정원을 그보다 줄일 수 없습니다.")
            session.title, session.day, session.starts, session.capacity = title, day, starts, capacity
            session.save(update_fields=["title", "day", "starts", "capacity", "updated_at"])
    return session


def shelter_set(*, actor, code: str, division, new: bool = False, **fields) -> Shelter:
    """A shelter (new=True: a new code, refused when taken); hours as HH:MM (an overnight shelter closes the
    next morning, so closing may be earlier than opening but not the same)."""
    _require_manage(actor, division)
    existing = None if new else Shelter.objects.filter(code=code).select_related("division").first()
    if existing is not None and existing.division_id != division.pk:
        _require_manage(actor, existing.division)
    errors = _code_errors(Shelter, code, new)
    for field, message in (("name", "쉼터 이름을 입력하십시오."), ("target_workers", "주 이용 대상을 입력하십시오.")):
        if field in fields and not (fields[field] or "").strip():
            errors[field] = [message]
    for field in ("opens", "closes"):
        if field in fields and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d|24:00", fields[field] or ""):
            errors[field] = ["시각은 18:00처럼 시:분으로 입력하십시오."]
    if "opens" in fields and "closes" in fields and fields["opens"] == fields["closes"] and "opens" not in errors:
        errors["closes"] = ["닫는 시각은 여는 시각과 달라야 합니다."]
    if "size_m2" in fields and (fields["size_m2"] is None or fields["size_m2"] < 1):
        errors["size_m2"] = ["규모는 1㎡ 이상이어야 합니다."]
    if "staff" in fields and (fields["staff"] is None or fields["staff"] < 0):
        errors["staff"] = ["운영 인력은 0명 이상이어야 합니다."]
    if "opened_on" in fields and fields["opened_on"] is None:
        errors["opened_on"] = ["개소일을 입력하십시오."]
    _raise(errors)
    with transaction.atomic():
        shelter, _ = Shelter.objects.update_or_create(code=code, defaults={"division": division, **fields})
    return shelter
