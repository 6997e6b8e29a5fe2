"""committees API (/api/committees): the committees, their members and meetings read as the pages read them
(core.access.access_committees_view), written through the same services (the committee's keepers)."""

from datetime import date

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from iljari.committees import selectors, services
from iljari.committees.models import AgendaItem, Committee, Decision, Meeting, Member
from iljari.core.api import Pages
from iljari.core.errors import NotFound
from iljari.core.figures import OFFICE_DATE, ROW_ID, SEARCH_LENGTH, CodePath, IdPath

router = Router(tags=["위원회"])


class CommitteeOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    legal_basis: str
    supervising_division: str | None = None
    appointed_seats: int | None
    ex_officio_seats: int | None
    term_months: int | None
    cadence: str
    established_on: date | None

    @staticmethod
    def resolve_supervising_division(obj) -> str | None:
        return obj.supervising_division.name if obj.supervising_division_id else None


class CommitteeFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    kind: Committee.Kind | None = None


class MemberOut(Schema):
    id: int
    name: str
    affiliation: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    role: str
    role_label: str = Field(..., alias="get_role_display")
    term_start: date
    term_end: date | None


class KindCountOut(Schema):
    kind: str
    label: str
    serving: int
    seats: int | None


class MeetingOut(Schema):
    id: int
    number: int
    held_on: date
    kind: str
    state: str
    state_label: str = Field(..., alias="get_state_display")
    place: str
    title: str
    has_minutes: bool

    @staticmethod
    def resolve_has_minutes(obj) -> bool:
        return bool(obj.minutes)


class CommitteeDetailOut(Schema):
    committee: CommitteeOut
    as_of: date
    total: int
    counts: list[KindCountOut]
    members: list[MemberOut]
    meetings: list[MeetingOut]


class CommitteeDecisionOut(Schema):
    result: str
    result_label: str
    text: str
    decided_on: date
    subject_type: str
    subject_id: int | None
    subject_label: str
    subject_text: str
    subject_url: str


class AgendaItemOut(Schema):
    id: int
    order: int
    title: str
    kind: str
    decision: CommitteeDecisionOut | None


class AttendanceOut(Schema):
    member_id: int
    member: str
    present: bool
    allowance: int
    paid: bool


class MeetingDetailOut(Schema):
    meeting: MeetingOut
    committee: str
    items: list[AgendaItemOut]
    attendance: list[AttendanceOut]
    present: int
    allowance_total: int
    allowance_paid: int


class MemberIn(Schema):
    name: str = Field(..., max_length=60)
    affiliation: str = Field("", max_length=120)
    kind: Member.Kind
    role: Member.Role = Member.Role.MEMBER
    term_start: OFFICE_DATE.schema()
    term_end: OFFICE_DATE.schema() | None = None


class MeetingIn(Schema):
    held_on: OFFICE_DATE.schema()
    kind: Meeting.Kind = Meeting.Kind.REGULAR
    state: Meeting.State = Meeting.State.PLANNED
    place: str = Field("", max_length=120)
    title: str = Field("", max_length=160)
    number: int | None = Field(None, ge=1, le=9999)


class AgendaItemIn(Schema):
    title: str = Field(..., max_length=200)
    kind: AgendaItem.Kind = AgendaItem.Kind.DELIBERATION


class CommitteeDecisionIn(Schema):
    item_id: int = Field(..., ge=1, le=int(ROW_ID.high))
    result: Decision.Result
    text: str = Field("", max_length=5000)
    decided_on: OFFICE_DATE.schema() | None = None
    subject_type: str = Field("", max_length=40)
    subject_id: int | None = Field(None, ge=1, le=int(ROW_ID.high))


class AttendanceIn(Schema):
    member_id: int = Field(..., ge=1, le=int(ROW_ID.high))
    present: bool = True
    allowance: int = Field(0, ge=0, le=10_000_000)
    paid: bool = False


class AsOfQuery(Schema):
    as_of: OFFICE_DATE.schema() | None = None


def _value(choice) -> str:
    return str(choice.value if hasattr(choice, "value") else choice)


def _meeting_detail(user, meeting: Meeting) -> dict:
    data = selectors.meeting_page(user=user, meeting=meeting)
    items = []
    for row in data.rows:
        decision = None
        if row.decision is not None:
            decision = {
                "result": row.decision.result,
                "result_label": row.decision.get_result_display(),
                "text": row.decision.text,
                "decided_on": row.decision.decided_on,
                "subject_type": row.decision.subject_type,
                "subject_id": row.decision.subject_id,
                "subject_label": row.subject_label,
                "subject_text": row.subject_text,
                "subject_url": row.subject_url,
            }
        items.append(
            {
                "id": row.item.pk,
                "order": row.item.order,
                "title": row.item.title,
                "kind": row.item.kind,
                "decision": decision,
            }
        )
    return {
        "meeting": meeting,
        "committee": meeting.committee.code,
        "items": items,
        "attendance": [
            {
                "member_id": a.member_id,
                "member": a.member.name,
                "present": a.present,
                "allowance": a.allowance,
                "paid": a.paid,
            }
            for a in data.attendance
        ],  # fmt: skip
        "present": data.present,
        "allowance_total": data.allowance_total,
        "allowance_paid": data.allowance_paid,
    }


@router.get("/meetings/{meeting_id}", response=MeetingDetailOut, summary="회의 한 건(안건, 의결과 그 대상, 참석)")
def meeting_get(request, meeting_id: IdPath):
    return _meeting_detail(request.auth, selectors.meeting_get(user=request.auth, pk=meeting_id))


@router.post("/meetings/{meeting_id}/items", response={201: AgendaItemOut}, summary="안건 등록")
def agenda_item_create(request, meeting_id: IdPath, payload: AgendaItemIn):
    meeting = selectors.meeting_get(user=request.auth, pk=meeting_id)
    item = services.agenda_item_add(actor=request.auth, meeting=meeting, title=payload.title, kind=_value(payload.kind))
    return Status(201, {"id": item.pk, "order": item.order, "title": item.title, "kind": item.kind, "decision": None})


@router.post("/meetings/{meeting_id}/decisions", response={201: MeetingDetailOut}, summary="의결 기록")
def decision_create(request, meeting_id: IdPath, payload: CommitteeDecisionIn):
    meeting = selectors.meeting_get(user=request.auth, pk=meeting_id)
    item = meeting.items.filter(pk=payload.item_id).first()
    if item is None:
        raise NotFound("안건을 찾을 수 없습니다.")
    services.decision_record(
        actor=request.auth,
        item=item,
        result=_value(payload.result),
        text=payload.text,
        decided_on=payload.decided_on,
        subject_type=payload.subject_type,
        subject_id=payload.subject_id,
    )
    return Status(201, _meeting_detail(request.auth, meeting))


@router.post("/meetings/{meeting_id}/attendance", response={201: AttendanceOut}, summary="참석·참석수당 기록")
def attendance_record(request, meeting_id: IdPath, payload: AttendanceIn):
    meeting = selectors.meeting_get(user=request.auth, pk=meeting_id)
    member = meeting.committee.members.filter(pk=payload.member_id).first()
    if member is None:
        raise NotFound("위원을 찾을 수 없습니다.")
    row = services.attendance_record(
        actor=request.auth,
        meeting=meeting,
        member=member,
        present=payload.present,
        allowance=payload.allowance,
        paid=payload.paid,
    )
    return Status(
        201,
        {"member_id": member.pk, "member": member.name, "present": row.present, "allowance": row.allowance,
         "paid": row.paid},
    )  # fmt: skip


@router.get("", response=list[CommitteeOut], summary="위원회 목록")
@paginate(Pages, page_size=50)
def committee_list(request, filters: Query[CommitteeFilter]):
    kind = _value(filters.kind) if filters.kind else ""
    return selectors.committee_list(user=request.auth, query=filters.q, kind=kind).order_by("code")


@router.get("/{code}", response=CommitteeDetailOut, summary="위원회 한 곳(기준일의 위원과 구분별 인원, 회의)")
def committee_get(request, code: CodePath, query: Query[AsOfQuery]):
    committee = selectors.committee_get(user=request.auth, code=code)
    as_of = query.as_of or timezone.localdate()
    data = selectors.committee_page(user=request.auth, committee=committee, as_of=as_of)
    return {
        "committee": committee,
        "as_of": as_of,
        "total": data.total,
        "counts": [dataclass_dict(c) for c in data.counts],
        "members": data.serving,
        "meetings": data.meetings,
    }


def dataclass_dict(row) -> dict:
    return {"kind": row.kind, "label": str(row.label), "serving": row.serving, "seats": row.seats}


@router.post("/{code}/members", response={201: MemberOut}, summary="위원 등록")
def member_create(request, code: CodePath, payload: MemberIn):
    committee = selectors.committee_get(user=request.auth, code=code)
    values = payload.dict()
    values["kind"], values["role"] = _value(values["kind"]), _value(values["role"])
    return Status(201, services.member_add(actor=request.auth, committee=committee, **values))


@router.post("/{code}/meetings", response={201: MeetingOut}, summary="회의 등록")
def meeting_create(request, code: CodePath, payload: MeetingIn):
    committee = selectors.committee_get(user=request.auth, code=code)
    values = payload.dict()
    values["kind"], values["state"] = _value(values["kind"]), _value(values["state"])
    return Status(201, services.meeting_schedule(actor=request.auth, committee=committee, **values))
