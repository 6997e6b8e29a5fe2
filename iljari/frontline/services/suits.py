"""The 취업날개 desk's writes: a point's suit items and their state, and rentals (book a fitting visit, pick up,
return, cancel).

Contract (`actor=None` is the system: the demo loader; everyone else works at the point,
`access_service_point_work`):
- suit_item_set(*, actor, service_point, code, kind, size, sex, colour="", note="", new=False) -> SuitItem
      a new code (letters, digits, '-') or an existing one of the same point; a 일자리카페 only.
- suit_item_state_set(*, actor, item, state, note="") -> SuitItem
      대여 가능 · 수선 중 · 폐기 (대여 중 is set by the rentals only; an item out on a rental is not changed).
- suit_rental_book(*, actor, service_point, visit_on, items, person=None, user=None, purpose="") -> SuitRental
      a visit on a day the point is open (not a Sunday, a closed day or a public holiday), today or later (the
      system may record past ones); the due day is the point's `rental_days` later (3박4일: 4 days counted with
      the visit day), moved on to the next open day; at least one item, each of this point and neither under
      repair nor retired; no item in another booked or rented rental over overlapping days (the items' rows are
      locked first, so two bookings at once are ordered); at most the point's `rentals_per_year` rentals per
      borrower and year (the borrower's row locked too). A citizen books for themself only.
- suit_rental_pickup(*, actor, rental, on) -> SuitRental       예약 → 대여 중; the items must be in (대여 가능)
- suit_rental_return(*, actor, rental, returned_on, condition_note="", repair_items=()) -> SuitRental
      대여 중 → 반납; `late` when after the due day; the items back to 대여 가능, those in `repair_items` to 수선 중
- suit_rental_cancel(*, actor, rental) -> SuitRental            a booking not yet picked up (the citizen too)
- suit_settings_set(*, actor, service_point, rental_days, rentals_per_year) -> ServicePoint
      a café's rental days (1–30, counted with the visit day) and yearly limit per borrower (1–100): the office
      manager or the point's division's staff (access_frontline_manage); later bookings follow them
Each refuses in Korean and writes nothing on a mistake; every change is in the change history (track).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q

from iljari.core.access import access_book
from iljari.core.errors import Conflict, NotAllowed, ValidationFailed, field_error
from iljari.core.formats import screen_date
from iljari.core.holidays import public_holiday
from iljari.core.korean import with_topic
from iljari.core.locks import row_lock
from iljari.frontline.models import Closure, ServicePoint, SuitItem, SuitRental
from iljari.frontline.services.common import code_errors, require_manage, require_work, today

RENTAL_POINTS = (ServicePoint.Kind.JOB_CAFE,)


def raise_errors(errors: dict[str, list[str]]) -> None:
    """Refuse with every field's errors at once, the first one as the message (shown without a form too)."""
    if errors:
        raise ValidationFailed(next(iter(errors.values()))[0], field_errors=errors)


def _require_desk(point: ServicePoint) -> None:
    if point.kind not in RENTAL_POINTS:
        raise field_error("service_point", f"{with_topic(point.name)} 취업날개 정장을 대여하는 창구가 아닙니다.")


def suit_settings_set(*, actor, service_point: ServicePoint, rental_days: int, rentals_per_year: int) -> ServicePoint:
    require_manage(actor, service_point.division)
    _require_desk(service_point)
    errors: dict[str, list[str]] = {}
    if rental_days is None or not 1 <= rental_days <= 30:
        errors["rental_days"] = ["대여 기간은 1~30일입니다(방문일 포함, 3박4일은 4일)."]
    if rentals_per_year is None or not 1 <= rentals_per_year <= 100:
        errors["rentals_per_year"] = ["1인 연간 대여 한도는 1~100회입니다."]
    raise_errors(errors)
    with transaction.atomic():
        service_point.rental_days, service_point.rentals_per_year = rental_days, rentals_per_year
        service_point.save(update_fields=["rental_days", "rentals_per_year", "updated_at"])
    return service_point


def suit_item_set(
    *,
    actor,
    service_point: ServicePoint,
    code: str,
    kind: str,
    size: str,
    sex: str = SuitItem.Sex.UNISEX,
    colour: str = "",
    note: str = "",
    new: bool = False,
) -> SuitItem:
    require_work(actor, service_point)
    _require_desk(service_point)
    code = (code or "").strip()
    existing = None if new else SuitItem.objects.filter(code=code).first()
    if existing is not None and existing.service_point_id != service_point.pk:
        raise field_error("code", f"물품 번호 {with_topic(code)} 다른 창구의 물품입니다.")
    errors = code_errors(SuitItem, code, new)
    if kind not in SuitItem.Kind.values:
        errors["kind"] = ["물품 종류를 목록에서 고르십시오."]
    if sex not in SuitItem.Sex.values:
        errors["sex"] = ["남성용·여성용·공용 가운데 고르십시오."]
    if not (size or "").strip() or len(size.strip()) > 16:
        errors["size"] = ["치수를 16자까지 입력하십시오(예: 95, 260)."]
    raise_errors(errors)
    with transaction.atomic():
        item, _ = SuitItem.objects.update_or_create(
            code=code,
            defaults={
                "service_point": service_point,
                "kind": kind,
                "size": size.strip(),
                "sex": sex,
                "colour": (colour or "").strip(),
                "note": (note or "").strip(),
            },
        )
    return item


def suit_item_state_set(*, actor, item: SuitItem, state: str, note: str = "") -> SuitItem:
    require_work(actor, item.service_point)
    if state not in {SuitItem.State.AVAILABLE, SuitItem.State.REPAIR, SuitItem.State.RETIRED}:
        raise field_error("state", "상태는 대여 가능·수선 중·폐기 가운데 고르십시오(대여 중은 대여 기록이 정합니다).")
    with transaction.atomic():
        item = row_lock(item)
        if item.state == SuitItem.State.RENTED:
            raise Conflict(f"{item.code} 물품은 대여 중입니다. 반납을 먼저 기록하십시오.")
        item.state = state
        if note.strip():
            item.note = note.strip()[:200]
        item.save(update_fields=["state", "note", "updated_at"])
    return item


def _closed(point: ServicePoint, day: date) -> str | None:
    """Why the point is closed that day, or None when it is open."""
    if point.hours_on(day) is None:
        return "일요일·휴무일"
    if Closure.objects.filter(day=day).filter(Q(service_point=point) | Q(service_point__isnull=True)).exists():
        return "휴관일"
    holiday = public_holiday(day)
    if holiday is not None:
        return f"공휴일({holiday})"
    return None


def suit_rental_due(point: ServicePoint, visit_on: date) -> date:
    """The due day: `rental_days` counted with the visit day (3박4일 → 3 days later), moved on to the point's next
    open day (at most two weeks on)."""
    due = visit_on + timedelta(days=point.rental_days - 1)
    for _ in range(14):
        if _closed(point, due) is None:
            return due
        due += timedelta(days=1)
    return due


def _overlapping(items: list[SuitItem], visit_on: date, due_on: date, exclude=None):
    rentals = SuitRental.objects.filter(
        items__in=items, status__in=SuitRental.HOLDING, visit_on__lte=due_on, due_on__gte=visit_on
    )
    if exclude is not None:
        rentals = rentals.exclude(pk=exclude.pk)
    return rentals


def suit_rental_book(
    *,
    actor,
    service_point: ServicePoint,
    visit_on: date,
    items,
    person=None,
    user=None,
    purpose: str = "",
) -> SuitRental:
    citizen = actor is not None and access_book(actor)
    if citizen:
        if user is None or user.pk != actor.pk or person is not None:
            raise NotAllowed("자기 이름으로만 대여를 예약할 수 있습니다.")
    else:
        require_work(actor, service_point)
    _require_desk(service_point)
    items = list(items or [])
    errors: dict[str, list[str]] = {}
    if person is None and user is None:
        errors["person"] = ["대여자(등록된 사람 번호)를 입력하십시오."]
    if visit_on is None:
        errors["visit_on"] = ["방문·대여일을 입력하십시오."]
    elif actor is not None and visit_on < today():
        errors["visit_on"] = ["지난 날짜로는 예약할 수 없습니다."]
    elif actor is not None and (visit_on - today()).days > 60:
        errors["visit_on"] = ["60일 안의 날짜만 예약할 수 있습니다."]
    else:
        closed = _closed(service_point, visit_on)
        if closed is not None:
            errors["visit_on"] = [
                f"{screen_date(visit_on)}은 {closed}이라 {with_topic(service_point.name)} 문을 열지 않습니다."
            ]
        elif not service_point.opened_by(visit_on):
            errors["visit_on"] = [
                f"{with_topic(service_point.name)} {screen_date(service_point.opened_on)}에 문을 엽니다."
            ]
    if not items:
        errors["items"] = ["대여할 물품을 하나 이상 고르십시오."]
    elif len({item.pk for item in items}) != len(items):
        errors["items"] = ["같은 물품을 두 번 고를 수 없습니다."]
    else:
        other = [item.code for item in items if item.service_point_id != service_point.pk]
        if other:
            errors["items"] = [f"다른 창구의 물품입니다: {', '.join(other)}"]
    raise_errors(errors)
    due_on = suit_rental_due(service_point, visit_on)
    with transaction.atomic():
        locked = [row_lock(item) for item in sorted(items, key=lambda item: item.pk)]  # one order: no deadlock
        unusable = [item.code for item in locked if item.state in {SuitItem.State.REPAIR, SuitItem.State.RETIRED}]
        if unusable:
            raise field_error("items", f"수선 중이거나 폐기한 물품은 대여할 수 없습니다: {', '.join(unusable)}")
        held = SuitItem.objects.filter(
            pk__in=[item.pk for item in locked], rentals__in=_overlapping(locked, visit_on, due_on)
        )
        taken = sorted(set(held.values_list("code", flat=True)))
        if taken:
            raise Conflict(
                f"{screen_date(visit_on)}~{screen_date(due_on)}에 이미 대여(예약)된 물품입니다: {', '.join(taken)}",
                field_errors={"items": [f"이미 대여(예약)된 물품: {', '.join(taken)}"]},
            )
        borrower = row_lock(person) if person is not None else row_lock(user)  # the yearly count, ordered
        mine = SuitRental.objects.filter(visit_on__year=visit_on.year).exclude(status=SuitRental.Status.CANCELLED)
        mine = mine.filter(person=borrower) if person is not None else mine.filter(user=borrower)
        limit = service_point.rentals_per_year
        if mine.count() >= limit:
            raise field_error(
                "person",
                f"한 사람이 한 해에 대여할 수 있는 횟수({limit}회)를 모두 썼습니다. "
                f"{visit_on.year}년에는 더 대여할 수 없습니다.",
            )
        rental = SuitRental.objects.create(
            service_point=service_point,
            person=person,
            user=user,
            visit_on=visit_on,
            due_on=due_on,
            purpose=(purpose or "").strip()[:100],
            recorded_by=actor,
        )
        rental.items.set(locked)
    return rental


def _require_rental_work(actor, rental: SuitRental, *, citizen_may: bool = False) -> None:
    if actor is None:
        return
    if citizen_may and access_book(actor) and rental.user_id == actor.pk:
        return
    require_work(actor, rental.service_point)


def suit_rental_pickup(*, actor, rental: SuitRental, on: date) -> SuitRental:
    _require_rental_work(actor, rental)
    if on is None:
        raise field_error("on", "수령일을 입력하십시오.")
    if actor is not None and on > today():
        raise field_error("on", "수령일은 오늘 이후일 수 없습니다.")
    with transaction.atomic():
        rental = row_lock(rental)
        if rental.status != SuitRental.Status.BOOKED:
            raise Conflict(f"{with_topic(rental.get_status_display())} 대여는 수령을 기록할 수 없습니다.")
        if on < rental.visit_on or on > rental.due_on:
            raise field_error("on", f"수령일은 {screen_date(rental.visit_on)}부터 반납 기한 전이어야 합니다.")
        items = [row_lock(item) for item in rental.items.order_by("pk")]
        out = [item.code for item in items if item.state != SuitItem.State.AVAILABLE]
        if out:
            raise Conflict(f"아직 대여할 수 없는 물품이 있습니다(대여 중·수선 중·폐기): {', '.join(out)}")
        rental.status, rental.picked_up_on = SuitRental.Status.RENTED, on
        rental.save(update_fields=["status", "picked_up_on", "updated_at"])
        for item in items:
            item.state = SuitItem.State.RENTED
            item.save(update_fields=["state", "updated_at"])
    return rental


def suit_rental_return(
    *, actor, rental: SuitRental, returned_on: date, condition_note: str = "", repair_items=()
) -> SuitRental:
    _require_rental_work(actor, rental)
    if returned_on is None:
        raise field_error("returned_on", "반납일을 입력하십시오.")
    if actor is not None and returned_on > today():
        raise field_error("returned_on", "반납일은 오늘 이후일 수 없습니다. 반납된 물품만 기록합니다.")
    repair = {getattr(item, "pk", item) for item in repair_items}
    with transaction.atomic():
        rental = row_lock(rental)
        if rental.status != SuitRental.Status.RENTED:
            raise Conflict(f"{with_topic(rental.get_status_display())} 대여는 반납을 기록할 수 없습니다.")
        if returned_on < (rental.picked_up_on or rental.visit_on):
            raise field_error("returned_on", "반납일은 수령일 이후여야 합니다.")
        items = [row_lock(item) for item in rental.items.order_by("pk")]
        if repair - {item.pk for item in items}:
            raise field_error("repair_items", "이 대여의 물품만 수선으로 보낼 수 있습니다.")
        rental.status, rental.returned_on = SuitRental.Status.RETURNED, returned_on
        rental.late = returned_on > rental.due_on
        rental.condition_note = (condition_note or "").strip()[:200]
        rental.save(update_fields=["status", "returned_on", "late", "condition_note", "updated_at"])
        for item in items:
            item.state = SuitItem.State.REPAIR if item.pk in repair else SuitItem.State.AVAILABLE
            item.save(update_fields=["state", "updated_at"])
    return rental


def suit_rental_cancel(*, actor, rental: SuitRental) -> SuitRental:
    _require_rental_work(actor, rental, citizen_may=True)
    with transaction.atomic():
        rental = row_lock(rental)
        if rental.status != SuitRental.Status.BOOKED:
            if rental.status == SuitRental.Status.CANCELLED:
                raise Conflict("이미 취소한 예약입니다.")
            raise Conflict(
                f"수령하기 전의 예약만 취소할 수 있습니다. 이 대여는 {rental.get_status_display()} 상태입니다."
            )
        rental.status = SuitRental.Status.CANCELLED
        rental.save(update_fields=["status", "updated_at"])
    return rental


__all__ = [
    "suit_item_set",
    "suit_item_state_set",
    "suit_rental_book",
    "suit_rental_cancel",
    "suit_rental_due",
    "suit_rental_pickup",
    "suit_rental_return",
    "suit_settings_set",
]
