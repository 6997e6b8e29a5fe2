"""frontline API: consultations (list, record) and the service figures (office); the 취업날개 suit items and
rentals (list; book, pick up, return, cancel by the point's staff); a citizen's room slots and bookings (portal).
The same selectors and services as the pages: scope and permission come from iljari.core.access, mistakes answer
in the one error format with Korean messages; a taken slot or item answers 409."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from ninja import Field, Query, Router, Schema, Status

from iljari.core.access import access_book, access_service_point_work, require
from iljari.core.errors import IljariError, NotFound, ValidationFailed
from iljari.core.figures import (
    CODE_LENGTH,
    COUNT,
    NOTE_LENGTH,
    OFFICE_DATE,
    ROW_ID,
    CodePath,
    CodeQuery,
    DateQuery,
    IdPath,
    SearchQuery,
)
from iljari.frontline import selectors, services

CITIZENS_ONLY = "공간 예약은 시민 회원만 할 수 있습니다."

router = Router(tags=["현장 서비스"])
portal = Router(tags=["시민 포털"])


class ConsultationOut(Schema):
    id: int
    service_point: str
    held_on: date
    channel: str
    service: str
    client: str
    topic: str
    outcome: str
    employer: str
    employed_on: date | None


class ConsultationPage(Schema):
    count: int
    items: list[ConsultationOut]


class ConsultationIn(Schema):
    service_point: str = Field(..., max_length=CODE_LENGTH)
    held_on: OFFICE_DATE.schema()
    channel: str = Field(..., max_length=CODE_LENGTH, description="visit, phone, online, tailored")
    service: str = Field(
        "consultation",
        max_length=CODE_LENGTH,
        description="consultation; management, startup_coaching, growth_support, academy_support (the centres)",
    )
    topic: str = Field(..., max_length=200)
    client_label: str = Field("", max_length=100, description="익명 상담자 호칭 (등록된 사람이 아닐 때)")
    client_birth_year: int | None = Field(None, ge=1900, le=2100)
    notes: str = Field("", max_length=NOTE_LENGTH)
    outcome: str = Field("", max_length=CODE_LENGTH, description="'', employed, referred, case_opened, closed")
    employer: str = Field("", max_length=200)
    employed_on: OFFICE_DATE.schema() | None = None
    referred_to: str = Field("", max_length=200)


class FiguresOut(Schema):
    year: int
    as_of: date
    counselled: int
    employed: int
    programme_sessions: int
    programme_attendees: int
    room_users: int
    study_room_users: int
    other_room_users: int
    ombudsman_consultations: int
    ombudsman_consultings: int
    village_attorneys: int
    advocates: int
    academy_completed: int
    officials_academy_sessions: int
    shelter_daily_users: int
    conversions_done: int
    conversions_remaining: int
    fixed_term_converted: int
    points: dict[str, int | Decimal | None] = Field(
        description="사회적경제지원센터·협동조합지원센터·감정노동보호센터 (selectors.points.point_counts)"
    )
    suits: dict[str, int] = Field(description="취업날개 대여: rentals, returns, late (보고서 인쇄 수치 없음)")


class SlotOut(Schema):
    hour: int
    label: str
    free: bool
    mine: bool
    past: bool


class BookingIn(Schema):
    room: str = Field(..., max_length=CODE_LENGTH)
    day: OFFICE_DATE.schema()
    hour: int = Field(..., ge=0, le=23)
    hours: COUNT.schema() = 1
    headcount: COUNT.schema() = 1
    purpose: str = Field("", max_length=NOTE_LENGTH)


class BookingOut(Schema):
    id: int
    room: str
    day: date
    hour: int
    headcount: int
    status: str


def _consultation(row) -> dict:
    return {
        "id": row.pk,
        "service_point": row.service_point.code,
        "held_on": row.held_on,
        "channel": row.channel,
        "service": row.service,
        "client": row.client_name,
        "topic": row.topic.name,
        "outcome": row.outcome,
        "employer": row.employer,
        "employed_on": row.employed_on,
    }


def _booking(row) -> dict:
    return {
        "id": row.pk,
        "room": row.room.code,
        "day": row.day,
        "hour": row.hour,
        "headcount": row.headcount,
        "status": row.status,
    }


@router.get("/consultations", response=ConsultationPage, summary="상담 목록(최근 100건, 상담 내용 제외)")
def consultation_list(request, q: SearchQuery = "", point: CodeQuery = ""):
    rows = selectors.consultation_list(user=request.auth, query=q[:100], service_point=point[:32])
    return {"count": rows.count(), "items": [_consultation(row) for row in rows[:100]]}


@router.post("/consultations", response={201: ConsultationOut}, summary="상담 기록(창구 직원)")
def consultation_record(request, payload: ConsultationIn):
    points = {p.code: p for p in selectors.service_point_list(user=request.auth)}
    point = points.get(payload.service_point)
    if point is None:
        raise NotFound("그런 창구가 없습니다.")
    require(access_service_point_work(request.auth, point), f"{point.name}의 업무를 기록할 권한이 없습니다.")
    topic = selectors.topic_list().filter(code=payload.topic).first()
    if topic is None:
        raise ValidationFailed(field_errors={"topic": ["상담 주제를 목록에서 고르십시오."]})
    data = payload.dict()
    data.pop("service_point")
    data.pop("topic")
    consultation = services.consultation_record(actor=request.auth, service_point=point, topic=topic, **data)
    return Status(201, _consultation(consultation))


@router.get("/figures", response=FiguresOut, summary="현장 서비스 실적(연초부터 기준일까지)")
def figures(request, as_of: DateQuery, year: int = Query(..., ge=2000, le=2100)):
    if as_of.year != year:
        raise ValidationFailed(field_errors={"as_of": [f"기준일은 {year}년 안의 날짜여야 합니다."]})
    result = selectors.frontline_figures(user=request.auth, year=year, as_of=as_of)
    return {name: getattr(result, name) for name in FiguresOut.model_fields}


@portal.get("/rooms/{code}/slots", response=list[SlotOut], summary="공간의 하루 예약 상황")
def room_slots(request, code: CodePath, day: DateQuery):
    require(access_book(request.auth), CITIZENS_ONLY)
    room = selectors.room_get_public(code=code)
    return [vars(slot) for slot in selectors.room_day(room=room, day=day, user=request.auth)]


@portal.get("/bookings", response=list[BookingOut], summary="내 예약")
def my_bookings(request):
    return [_booking(row) for row in selectors.my_bookings(user=request.auth)]


@portal.post("/bookings", response={201: list[BookingOut]}, summary="공간 예약(1시간 단위, 이미 있으면 409)")
def booking_create(request, payload: BookingIn):
    require(access_book(request.auth), CITIZENS_ONLY)
    room = selectors.room_get_public(code=payload.room)
    data = payload.dict()
    data.pop("room")
    rows = services.booking_create(actor=request.auth, room=room, **data)
    return Status(201, [_booking(row) for row in rows])


@portal.post("/bookings/{pk}/cancel", response=BookingOut, summary="예약 취소")
def booking_cancel(request, pk: IdPath):
    booking = selectors.my_booking_get(user=request.auth, pk=pk)
    return _booking(services.booking_cancel(actor=request.auth, booking=booking))


# --- 취업날개 ---------------------------------------------------------------------------------------------------


class SuitItemOut(Schema):
    code: str
    service_point: str
    kind: str
    size: str
    sex: str
    state: str


class SuitRentalOut(Schema):
    id: int
    service_point: str
    borrower: str
    visit_on: date
    due_on: date
    status: str
    picked_up_on: date | None
    returned_on: date | None
    late: bool
    items: list[str]


class SuitRentalPage(Schema):
    count: int
    items: list[SuitRentalOut]


class SuitRentalIn(Schema):
    service_point: str = Field(..., max_length=CODE_LENGTH)
    visit_on: OFFICE_DATE.schema()
    person: int = Field(..., ge=1, le=int(ROW_ID.high), description="대여자: 등록된 사람 번호")
    items: list[Annotated[str, Field(max_length=CODE_LENGTH)]] = Field(
        ..., min_length=1, max_length=20, description="물품 번호"
    )
    purpose: str = Field("", max_length=100)


class SuitPickupIn(Schema):
    on: OFFICE_DATE.schema()


class SuitReturnIn(Schema):
    returned_on: OFFICE_DATE.schema()
    condition_note: str = Field("", max_length=200)
    repair_items: list[Annotated[str, Field(max_length=CODE_LENGTH)]] = Field(
        [], max_length=20, description="수선이 필요한 물품 번호"
    )


def _suit_item(item) -> dict:
    return {
        "code": item.code,
        "service_point": item.service_point.code,
        "kind": item.kind,
        "size": item.size,
        "sex": item.sex,
        "state": item.state,
    }


def _suit_rental(row) -> dict:
    return {
        "id": row.pk,
        "service_point": row.service_point.code,
        "borrower": row.borrower_name,
        "visit_on": row.visit_on,
        "due_on": row.due_on,
        "status": row.status,
        "picked_up_on": row.picked_up_on,
        "returned_on": row.returned_on,
        "late": row.late,
        "items": [item.code for item in row.items.all()],
    }


def _suit_work(request, point) -> None:
    require(access_service_point_work(request.auth, point), f"{point.name}의 업무를 기록할 권한이 없습니다.")


@router.get("/suit-items", response=list[SuitItemOut], summary="취업날개 대여 물품(최대 500점)")
def suit_item_list(request, q: SearchQuery = "", point: CodeQuery = "", state: CodeQuery = ""):
    rows = selectors.suit_item_list(user=request.auth, query=q[:100], service_point=point[:32], state=state[:12])
    return [_suit_item(item) for item in rows[:500]]


@router.get("/suit-rentals", response=SuitRentalPage, summary="취업날개 대여 목록(최근 100건)")
def suit_rental_list(request, q: SearchQuery = "", point: CodeQuery = "", status: CodeQuery = ""):
    rows = selectors.suit_rental_list(user=request.auth, query=q[:100], service_point=point[:32], status=status[:12])
    return {"count": rows.count(), "items": [_suit_rental(row) for row in rows[:100]]}


@router.post("/suit-rentals", response={201: SuitRentalOut}, summary="취업날개 대여 예약(창구 직원)")
def suit_rental_book(request, payload: SuitRentalIn):
    from iljari.people import selectors as people_selectors

    points = {p.code: p for p in selectors.rental_points(user=request.auth)}
    point = points.get(payload.service_point)
    if point is None:
        raise NotFound("그런 창구가 없습니다.")
    _suit_work(request, point)
    try:
        person = people_selectors.person_get(user=request.auth, pk=payload.person)
    except IljariError:
        raise ValidationFailed(field_errors={"person": ["그 번호의 등록된 사람을 찾을 수 없습니다."]}) from None
    stock = {item.code: item for item in selectors.suit_item_list(user=request.auth, service_point=point.code)}
    unknown = [code for code in payload.items if code not in stock]
    if unknown:
        raise ValidationFailed(field_errors={"items": [f"이 창구에 없는 물품입니다: {', '.join(unknown[:10])}"]})
    rental = services.suit_rental_book(
        actor=request.auth,
        service_point=point,
        visit_on=payload.visit_on,
        items=[stock[code] for code in payload.items],
        person=person,
        purpose=payload.purpose,
    )
    return Status(201, _suit_rental(rental))


@router.post("/suit-rentals/{pk}/pickup", response=SuitRentalOut, summary="취업날개 수령 기록")
def suit_rental_pickup(request, pk: IdPath, payload: SuitPickupIn):
    rental = selectors.suit_rental_get(user=request.auth, pk=pk)
    _suit_work(request, rental.service_point)
    return _suit_rental(services.suit_rental_pickup(actor=request.auth, rental=rental, on=payload.on))


@router.post("/suit-rentals/{pk}/return", response=SuitRentalOut, summary="취업날개 반납 기록(기한 뒤면 연체)")
def suit_rental_return(request, pk: IdPath, payload: SuitReturnIn):
    rental = selectors.suit_rental_get(user=request.auth, pk=pk)
    _suit_work(request, rental.service_point)
    repair = [item for item in rental.items.all() if item.code in set(payload.repair_items)]
    done = services.suit_rental_return(
        actor=request.auth,
        rental=rental,
        returned_on=payload.returned_on,
        condition_note=payload.condition_note,
        repair_items=repair,
    )
    return _suit_rental(done)


@router.post("/suit-rentals/{pk}/cancel", response=SuitRentalOut, summary="취업날개 예약 취소")
def suit_rental_cancel(request, pk: IdPath):
    rental = selectors.suit_rental_get(user=request.auth, pk=pk)
    _suit_work(request, rental.service_point)
    return _suit_rental(services.suit_rental_cancel(actor=request.auth, rental=rental))
