"""The rooms and programmes desk's writes: bookings (with the waiting list and check-in), registrations (with
attendance and satisfaction), and the set-up of service points (hours), closed days, rooms, programmes and sessions."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from iljari.core.access import access_book, access_frontline_closure_change, access_frontline_manage, require
from iljari.core.errors import Conflict, NotAllowed, ValidationFailed, field_error
from iljari.core.formats import screen_date
from iljari.core.holidays import public_holiday
from iljari.core.korean import with_subject, with_topic
from iljari.core.locks import row_lock
from iljari.frontline.models import Booking, Closure, Programme, ProgrammeSession, Registration, Room, ServicePoint
from iljari.frontline.services.common import code_errors, now, raise_errors, require_manage, require_work, today
from iljari.frontline.services.messages import (
    booking_cancelled_notify,
    booking_confirmed_notify,
    registration_notify,
)

# --- rooms and bookings ----------------------------------------------------------------------------------------


def _slot_errors(room: Room, day: date, hour: int, hours: int) -> dict[str, list[str]]:
    point = room.service_point
    if day is None:
        return {"day": ["날짜를 고르십시오."]}
    if day < today():
        return {"day": ["지난 날짜는 예약할 수 없습니다."]}
    if (day - today()).days > 90:
        return {"day": ["90일 안의 날짜만 예약할 수 있습니다."]}
    if (
        Closure.objects.filter(day=day).filter(service_point__isnull=True).exists()
        or point.closures.filter(day=day).exists()
    ):
        return {"day": [f"{screen_date(day)}은 휴관일입니다."]}  # a day is read "…일": 은
    holiday = public_holiday(day)
    if holiday is not None:
        return {"day": [f"{screen_date(day)}은 공휴일({holiday})이라 문을 열지 않습니다."]}
    opening = point.hours_on(day)
    if opening is None:
        return {"day": [f"{with_topic(point.name)} {screen_date(day)}에 문을 열지 않습니다(일요일·공휴일 휴관)."]}
    opens, closes = opening
    if hours is None or hours < 1:
        return {"hours": ["이용 시간은 1시간 이상이어야 합니다."]}
    if hours > room.max_hours_per_day:
        return {"hours": [f"{room.name}의 이용 시간은 한 번에 {room.max_hours_per_day}시간까지입니다."]}
    if hour is None or hour < opens or hour + hours > closes:
        return {"hour": [f"운영 시간({opens:02d}:00~{closes:02d}:00) 안에서만 예약할 수 있습니다."]}
    if day == today() and hour <= now().hour:
        return {
            "hour": [f"이미 시작한 시간은 예약할 수 없습니다. 오늘은 {now().hour + 1:02d}:00부터 예약할 수 있습니다."]
        }
    return {}


def _span(hour: int, hours: int) -> str:
    return f"{hour:02d}:00~{hour + hours:02d}:00"


def _taken(room: Room, day: date, hour: int, hours: int) -> Conflict:
    return Conflict(
        f"{room.name} {screen_date(day)} {_span(hour, hours)}에는 이미 예약이 있습니다. "
        "다른 시간을 고르거나 대기 신청을 하십시오."
    )


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
            # the person's row orders their requests: a second booking (another room, the same day, or the same
            # slot again from a double click) waits for the first to commit and then sees its hours
            row_lock(actor)
        taken = list(
            Booking.objects.filter(
                room=room, day=day, hour__in=range(hour, hour + hours), status__in=Booking.ACTIVE
            ).values_list("booked_by_id", flat=True)
        )
        if actor is not None and actor.pk in taken:
            # the person's own slot asked again: said as such, not as the daily limit
            raise Conflict(
                f"{room.name} {screen_date(day)} {_span(hour, hours)}에 이미 예약된 시간이 있습니다(내 예약)."
            )
        if taken:
            raise _taken(room, day, hour, hours)
        if actor is not None:
            held = Booking.objects.filter(
                booked_by=actor, day=day, status__in=Booking.ACTIVE, room__kind=room.kind
            ).count()
            if held + hours > room.max_hours_per_day:
                already = f"(이미 {held}시간 예약)" if held else ""
                raise field_error(
                    "hours",
                    f"{with_topic(room.get_kind_display())} 한 사람이 하루 {room.max_hours_per_day}시간까지 "
                    f"예약할 수 있습니다{already}.",
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
            raise _taken(room, day, hour, hours) from None
        if actor is not None:
            booking_confirmed_notify(bookings=rows)
    return rows


def booking_wait(*, actor, room: Room, day: date, hour: int) -> Booking:
    if actor is not None:
        require(access_book(actor), "공간 예약은 시민 회원만 할 수 있습니다.")
    errors = _slot_errors(room, day, hour, 1)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if actor is not None:
            row_lock(actor)  # one waiting entry per person and slot, even for a double click
        if not Booking.objects.filter(room=room, day=day, hour=hour, status__in=Booking.ACTIVE).exists():
            raise ValidationFailed("이 시간은 비어 있습니다. 대기하지 않고 바로 예약하십시오.")
        if Booking.objects.filter(
            room=room, day=day, hour=hour, booked_by=actor, status=Booking.Status.WAITING
        ).exists():
            raise ValidationFailed("이미 이 시간의 대기자로 신청했습니다.")
        return Booking.objects.create(room=room, day=day, hour=hour, booked_by=actor, status=Booking.Status.WAITING)


def _block(booking: Booking) -> list[Booking]:
    """The booking with the person's other hours of the same room, day and status next to it (one request of
    several hours, or requests that follow one another), locked, in hour order."""
    if booking.booked_by_id is None:
        return [row_lock(booking)]
    rows = {
        row.hour: row
        for row in Booking.objects.select_for_update()
        .filter(room_id=booking.room_id, day=booking.day, booked_by_id=booking.booked_by_id, status=booking.status)
        .order_by("hour", "id")
    }
    if booking.hour not in rows:
        return [row_lock(booking)]
    first = last = booking.hour
    while first - 1 in rows:
        first -= 1
    while last + 1 in rows:
        last += 1
    return [rows[hour] for hour in range(first, last + 1)]


def booking_cancel(*, actor, booking: Booking) -> Booking:
    """Cancels the booking with the hours next to it that the same person booked (a 2-hour booking is one
    booking on the screen: one 취소 cancels both hours); each freed hour goes to its first waiting person."""
    if actor is not None and booking.booked_by_id != actor.pk:
        raise NotAllowed("본인의 예약만 취소할 수 있습니다.")
    with transaction.atomic():
        # the booking as it is now, locked: a second cancel of it (a double click, two tabs) waits and is refused,
        # instead of promoting a second waiting person into the slot
        booking.status = row_lock(booking).status
        if booking.status not in {Booking.Status.BOOKED, Booking.Status.WAITING}:
            raise ValidationFailed("이용했거나 이미 취소된 예약은 취소할 수 없습니다.")
        if booking.day < today():
            raise ValidationFailed("지난 예약은 취소할 수 없습니다.")
        was_active = booking.status == Booking.Status.BOOKED
        block = _block(booking)
        for row in block:
            row.status = Booking.Status.CANCELLED
            row.save(update_fields=["status", "updated_at"])
            if row.pk == booking.pk:
                booking.status = row.status
            if was_active:
                first = (
                    Booking.objects.select_for_update()
                    .filter(room_id=row.room_id, day=row.day, hour=row.hour, status=Booking.Status.WAITING)
                    .order_by("created_at", "id")
                    .first()
                )
                if first is not None:
                    first.status = Booking.Status.BOOKED
                    first.save(update_fields=["status", "updated_at"])
                    if actor is not None:
                        booking_confirmed_notify(bookings=[first])  # the waiting person has the slot now
        if actor is not None:
            booking_cancelled_notify(booking=booking)
    return booking


def booking_attendance(*, actor, booking: Booking, attended: bool) -> Booking:
    require_work(actor, booking.room.service_point)
    if booking.status not in Booking.ACTIVE:
        raise ValidationFailed("취소되었거나 대기 중인 예약은 이용 여부를 기록할 수 없습니다.")
    if booking.day > today():
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
    if session.day < today() and actor is not None:
        raise ValidationFailed("이미 지난 회차는 신청할 수 없습니다.")
    if staff and not participant.strip():
        raise field_error("participant", "참가자 이름을 입력하십시오.")
    with transaction.atomic():
        if actor is not None and not staff:
            row_lock(actor)  # the person's requests one after another: two sessions at one time cannot both pass
            mine = Registration.objects.filter(user=actor, cancelled=False)
            if mine.filter(session=session).exists():
                raise ValidationFailed("이미 이 회차에 신청했습니다.")
            # a session has a day and a start hour (no recorded length): two sessions starting at the same hour of
            # the same day overlap, and a person attends one of them
            clash = (
                mine.filter(session__day=session.day, session__starts=session.starts)
                .select_related("session__programme")
                .first()
            )
            if clash is not None:
                other = clash.session
                raise ValidationFailed(
                    f"같은 시간({screen_date(session.day)} {session.starts:02d}:00)에 신청한 "
                    f"{other.programme.title} {with_subject(other.title)} 있어 신청할 수 없습니다. "
                    "그 신청을 취소한 뒤 신청하십시오."
                )
        # One conditional UPDATE: two requests for the last place cannot both pass (the row lock orders them).
        taken = ProgrammeSession.objects.filter(pk=session.pk, registered__lt=F("capacity")).update(
            registered=F("registered") + 1
        )
        if not taken:
            raise Conflict(f"{programme.title} {with_topic(session.title)} 정원({session.capacity}명)이 다 찼습니다.")
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    session=session,
                    user=None if staff else actor,
                    participant=participant.strip() or (actor.name if actor is not None else ""),
                )
        except IntegrityError:
            raise ValidationFailed("이미 이 회차에 신청했습니다.") from None
        if actor is not None:
            registration_notify(registration=registration)
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
    if registration.session.day > today():
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
        raise field_error("score", "만족도는 1~5점으로 고르십시오.")
    with transaction.atomic():
        registration.satisfaction = score
        registration.save(update_fields=["satisfaction", "updated_at"])
    return registration


# --- set-up records -------------------------------------------------------------------------------------------


def service_point_set(*, actor, code: str, division, **fields) -> ServicePoint:
    require_manage(actor, division)
    with transaction.atomic():
        point, _ = ServicePoint.objects.update_or_create(code=code, defaults={"division": division, **fields})
    return point


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
    require_manage(actor, service_point.division)
    errors: dict[str, list[str]] = {}
    for label, prefix, opens, closes in (
        ("평일", "weekday", weekday_opens, weekday_closes),
        ("토요일", "saturday", saturday_opens, saturday_closes),
    ):
        if (opens is None) != (closes is None):
            errors[f"{prefix}_closes"] = [f"{label} 여는 시각과 닫는 시각을 함께 입력하거나 함께 비우십시오."]
        elif opens is not None and not 0 <= opens < closes <= 24:
            errors[f"{prefix}_closes"] = [f"{label} 닫는 시각은 여는 시각보다 늦어야 합니다(0~24시)."]
    raise_errors(errors)
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
        require(access_frontline_closure_change(actor, service_point), "휴관일을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if day is None:
        errors["day"] = ["휴관일을 입력하십시오."]
    if not (reason or "").strip():
        errors["reason"] = ["휴관 사유를 입력하십시오(예: 추석)."]
    raise_errors(errors)
    with transaction.atomic():
        closure, _ = Closure.objects.update_or_create(
            day=day, service_point=service_point, defaults={"reason": reason.strip()}
        )
    return closure


def closure_delete(*, actor, closure: Closure) -> None:
    if actor is not None:
        require(access_frontline_closure_change(actor, closure.service_point), "휴관일을 바꿀 권한이 없습니다.")
    with transaction.atomic():
        closure.delete()


def room_set(*, actor, code: str, service_point: ServicePoint, new: bool = False, **fields) -> Room:
    """A room (new=True: a new code, refused when taken); its capacity at least 1, the per-person limit 1–24
    hours."""
    require_manage(actor, service_point.division)
    existing = None if new else Room.objects.filter(code=code).select_related("service_point__division").first()
    if existing is not None and existing.service_point_id != service_point.pk:
        require_manage(actor, existing.service_point.division)
    errors = code_errors(Room, code, new)
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
    raise_errors(errors)
    with transaction.atomic():
        room, _ = Room.objects.update_or_create(code=code, defaults={"service_point": service_point, **fields})
    return room


def programme_set(*, actor, code: str, division, new: bool = False, **fields) -> Programme:
    """A programme (new=True: a new code, refused when taken); its point, when it has one, belongs to the
    division."""
    require_manage(actor, division)
    existing = None if new else Programme.objects.filter(code=code).select_related("division").first()
    if existing is not None and existing.division_id != division.pk:
        require_manage(actor, existing.division)
    errors = code_errors(Programme, code, new)
    if "title" in fields and not (fields["title"] or "").strip():
        errors["title"] = ["프로그램 이름을 입력하십시오."]
    if "kind" in fields and fields["kind"] not in Programme.Kind.values:
        errors["kind"] = ["프로그램 구분을 고르십시오."]
    point = fields.get("service_point")
    if point is not None and actor is not None and not access_frontline_manage(actor, point.division.path):
        errors["service_point"] = [f"{with_topic(point.name)} 담당하지 않는 창구입니다."]
    if "sessions_to_complete" in fields and (
        fields["sessions_to_complete"] is None or not 1 <= fields["sessions_to_complete"] <= 100
    ):
        errors["sessions_to_complete"] = ["수료 기준 출석 회차는 1~100회입니다."]
    raise_errors(errors)
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
            or public_holiday(day) is not None
        ):
            errors["day"] = [f"{with_topic(point.name)} {screen_date(day)}에 문을 열지 않습니다."]
        elif not point.opened_by(day):
            errors["day"] = [
                f"{with_topic(point.name)} {screen_date(point.opened_on)}에 문을 엽니다. 그 전의 회차는 둘 수 없습니다."
            ]
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
    require_manage(actor, programme.division)
    errors = _session_errors(programme, day, starts, capacity)
    title = (title or "").strip()
    if not title:
        errors["title"] = ["회차 이름을 입력하십시오(예: 3회차)."]
    elif (new or session is not None) and programme.sessions.filter(title=title).exclude(
        pk=getattr(session, "pk", None)
    ).exists():
        errors["title"] = [f"{with_topic(title)} 이미 있는 회차입니다. 다른 이름을 입력하십시오."]
    raise_errors(errors)
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
                raise field_error("capacity", f"이미 {session.registered}명이 신청하여 정원을 그보다 줄일 수 없습니다.")
            session.title, session.day, session.starts, session.capacity = title, day, starts, capacity
            session.save(update_fields=["title", "day", "starts", "capacity", "updated_at"])
    return session
