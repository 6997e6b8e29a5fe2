"""frontline events API, mounted at /api/frontline/events: the events (list, one with its sessions, tallies,
committees, guests, visits, documents and a contest's entries), each kind's counts as of a date, and the writes of
the event's division's staff (a tally, a guest, a contest's entry and its next stage). The same selectors and
services as the pages (frontline/selectors/events.py, frontline/services/events.py): scope and permission from
iljari.core.access, mistakes in the one error format."""

from __future__ import annotations

from datetime import date

from ninja import Field, Query, Router, Schema, Status

from iljari.core.access import access_frontline_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.figures import (
    COUNT,
    MONEY,
    OFFICE_DATE,
    CodePath,
    CodeQuery,
    DateQuery,
    IdPath,
    OptionalYearQuery,
    SearchQuery,
)
from iljari.frontline.lists_events import attendees
from iljari.frontline.models import EventEntry, EventGuest, EventTally
from iljari.frontline.selectors import events as selectors
from iljari.frontline.services import events as services

router = Router(tags=["행사·캠페인"])
NOT_ALLOWED = "이 행사를 관리할 권한이 없습니다."


class EventOut(Schema):
    code: str
    kind: str
    kind_label: str
    title: str
    programme: str
    division: str
    organisers: str
    partner: str | None
    starts_on: date
    ends_on: date
    place: str
    capacity: int | None
    state: str
    counting: str
    attendees: int | None


class EventListOut(Schema):
    count: int
    items: list[EventOut]


class EventSessionOut(Schema):
    title: str
    day: date
    starts: int
    capacity: int
    registered: int
    attended: int


class EventTallyOut(Schema):
    day: date
    place: str
    count: int
    method: str


class EventCommitteeOut(Schema):
    name: str
    formed_on: date
    members: int | None


class EventGuestOut(Schema):
    name: str
    kind: str
    country: str
    affiliation: str
    invited_on: date | None
    reply: str


class EventVisitOut(Schema):
    organisation: str
    visited_on: date
    participants: int
    article: str | None


class EventDocumentOut(Schema):
    id: int
    kind: str
    title: str
    issued_on: date


class EventEntryOut(Schema):
    id: int
    title: str
    proposer: str
    proposed_on: date
    stage: str
    selected_on: date | None
    awarded_on: date | None
    pledged: int | None


class EventEntryIn(Schema):
    title: str = Field(..., max_length=200)
    proposer: str = Field("", max_length=200)
    proposed_on: OFFICE_DATE.schema()
    pledged: MONEY.schema() | None = None
    note: str = Field("", max_length=300)


class EventEntryAdvanceIn(Schema):
    stage: str = Field(..., max_length=12, description="selected, awarded")
    on: OFFICE_DATE.schema()


class EventDetailOut(EventOut):
    sessions: list[EventSessionOut]
    tallies: list[EventTallyOut]
    committees: list[EventCommitteeOut]
    guests: list[EventGuestOut]
    visits: list[EventVisitOut]
    documents: list[EventDocumentOut]
    entries: list[EventEntryOut]


class EventKindSummaryOut(Schema):
    kind: str
    label: str
    events: int
    sessions: int
    attendees: int
    tallied: int


class EventTallyIn(Schema):
    day: OFFICE_DATE.schema()
    place: str = Field(..., max_length=120)
    count: COUNT.schema()
    method: str = Field(..., max_length=16, description="gate, sign_in, estimate")
    note: str = Field("", max_length=300)


class EventGuestIn(Schema):
    name: str = Field(..., max_length=200)
    kind: str = Field(..., max_length=16, description="city, international, organisation, expert")
    country: str = Field("", max_length=60)
    affiliation: str = Field("", max_length=200)
    invited_on: OFFICE_DATE.schema() | None = None
    reply: str = Field("invited", max_length=16, description="invited, accepted, declined")


def _event(row) -> dict:
    return {
        "code": row.code,
        "kind": row.kind,
        "kind_label": row.get_kind_display(),
        "title": row.title,
        "programme": row.programme.code,
        "division": row.division.code,
        "organisers": row.organisers,
        "partner": row.partner.code if row.partner_id else None,
        "starts_on": row.starts_on,
        "ends_on": row.ends_on,
        "place": row.place,
        "capacity": row.capacity,
        "state": row.state,
        "counting": row.counting,
        "attendees": attendees(row),
    }


def _tally(row: EventTally) -> dict:
    return {"day": row.day, "place": row.place, "count": row.count, "method": row.method}


def _guest(row: EventGuest) -> dict:
    return {
        "name": row.name,
        "kind": row.kind,
        "country": row.country,
        "affiliation": row.affiliation,
        "invited_on": row.invited_on,
        "reply": row.reply,
    }


def _entry(row: EventEntry) -> dict:
    return {
        "id": row.pk,
        "title": row.title,
        "proposer": row.proposer,
        "proposed_on": row.proposed_on,
        "stage": row.stage,
        "selected_on": row.selected_on,
        "awarded_on": row.awarded_on,
        "pledged": row.pledged,
    }


def _managed(request, code: str):
    event = selectors.event_get(user=request.auth, code=code)
    require(access_frontline_manage(request.auth, event.division.path), NOT_ALLOWED)
    return event


@router.get("", response=EventListOut, summary="행사 목록(최근 100건)")
def event_list(request, q: SearchQuery = "", kind: CodeQuery = "", year: OptionalYearQuery = None):
    rows = selectors.event_list(user=request.auth, query=q[:100], kind=kind, year=year).order_by("-starts_on", "code")
    return {"count": rows.count(), "items": [_event(row) for row in rows[:100]]}


@router.get("/summary", response=list[EventKindSummaryOut], summary="구분별 행사·회차·참여 인원(연초부터 기준일까지)")
def event_summary(request, as_of: DateQuery, year: int = Query(..., ge=2000, le=2100)):
    if as_of.year != year:
        raise ValidationFailed(field_errors={"as_of": [f"기준일은 {year}년 안의 날짜여야 합니다."]})
    return [vars(row) for row in selectors.event_summary(user=request.auth, year=year, as_of=as_of)]


@router.get("/{code}", response=EventDetailOut, summary="행사 한 건(회차, 집계, 위원회, 초청, 방문, 문서)")
def event_get(request, code: CodePath):
    event = selectors.event_get(user=request.auth, code=code)
    page = selectors.event_page(event=event)
    return {
        **_event(event),
        "sessions": [
            {
                "title": s.title,
                "day": s.day,
                "starts": s.starts,
                "capacity": s.capacity,
                "registered": s.registered,
                "attended": s.attended,
            }
            for s in page.sessions
        ],
        "tallies": [_tally(t) for t in page.tallies],
        "committees": [{"name": c.name, "formed_on": c.formed_on, "members": c.members} for c in page.committees],
        "guests": [_guest(g) for g in page.guests],
        "visits": [
            {
                "organisation": v.organisation.name,
                "visited_on": v.visited_on,
                "participants": v.participants,
                "article": v.article.title if v.article_id else None,
            }
            for v in page.visits
        ],
        "documents": [{"id": d.pk, "kind": d.kind, "title": d.title, "issued_on": d.issued_on} for d in page.documents],
        "entries": [_entry(e) for e in page.entries],
    }


@router.post("/{code}/tallies", response={201: EventTallyOut}, summary="참여 인원 집계 기록(행사 담당 부서)")
def event_tally_record(request, code: CodePath, payload: EventTallyIn):
    event = _managed(request, code)
    tally = services.event_tally_record(actor=request.auth, event=event, **payload.dict())
    return Status(201, _tally(tally))


@router.post("/{code}/guests", response={201: EventGuestOut}, summary="초청 대상 기록(행사 담당 부서)")
def event_guest_set(request, code: CodePath, payload: EventGuestIn):
    event = _managed(request, code)
    guest = services.event_guest_set(actor=request.auth, event=event, **payload.dict())
    return Status(201, _guest(guest))


@router.post("/{code}/entries", response={201: EventEntryOut}, summary="공모 제안사업 기록(행사 담당 부서)")
def event_entry_set(request, code: CodePath, payload: EventEntryIn):
    event = _managed(request, code)
    data = payload.dict()
    if data["pledged"] is not None:
        data["pledged"] = int(data["pledged"])
    entry = services.event_entry_set(actor=request.auth, event=event, **data)
    return Status(201, _entry(entry))


@router.post("/{code}/entries/{entry_id}/advance", response=EventEntryOut, summary="제안사업 다음 단계(선정·시상) 기록")
def event_entry_advance(request, code: CodePath, entry_id: IdPath, payload: EventEntryAdvanceIn):
    event = _managed(request, code)
    entry = selectors.event_entry_get(event=event, pk=entry_id)
    return _entry(services.event_entry_advance(actor=request.auth, entry=entry, **payload.dict()))
