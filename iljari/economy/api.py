"""economy API (/api/economy): the social economy's networks and markets — read by the office-wide roles through the
scoped selectors, written by 사회적경제담당관 through the same services as the pages."""

from datetime import date

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from iljari.core.api import Pages
from iljari.core.figures import COUNT, MONEY, OFFICE_DATE, SEARCH_LENGTH, IdPath
from iljari.economy import selectors, services
from iljari.economy.models import NetworkMember, PolicyDialogue, Space, SpaceUse

router = Router(tags=["사회적경제 연대·판로"])


class NetworkMemberOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    country: str
    city: str
    joined_on: date
    left_on: date | None


class NetworkMemberIn(Schema):
    name: str = Field(..., max_length=200)
    kind: NetworkMember.Kind
    country: str = Field("", max_length=100)
    city: str = Field("", max_length=100)
    joined_on: OFFICE_DATE.schema()
    left_on: OFFICE_DATE.schema() | None = None
    note: str = Field("", max_length=2000)


class MemberFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    kind: NetworkMember.Kind | None = None
    on: OFFICE_DATE.schema() | None = Field(None, description="이 날에 회원인 도시·단체만 (비우면 모두)")


class DialogueOut(Schema):
    id: int
    code: str
    title: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    held_on: date
    ends_on: date | None
    place: str
    host: str
    participants: int | None
    cities: int | None
    expected: bool


class DialogueIn(Schema):
    code: str = Field(..., max_length=32)
    title: str = Field(..., max_length=200)
    kind: PolicyDialogue.Kind = PolicyDialogue.Kind.DIALOGUE
    held_on: OFFICE_DATE.schema()
    ends_on: OFFICE_DATE.schema() | None = None
    place: str = Field("", max_length=200)
    host: str = Field("", max_length=200)
    participants: COUNT.schema() | None = None
    cities: COUNT.schema() | None = None
    expected: bool = False


class CriterionOut(Schema):
    number: int
    title: str
    met: bool
    met_on: date | None
    evidence: list[str]


class SpaceOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    district: str | None
    opened_on: date | None
    closed_on: date | None
    operator: str
    tenants: int

    @staticmethod
    def resolve_district(obj) -> str | None:
        return obj.district.name if obj.district_id else None


class SpaceUseIn(Schema):
    month: OFFICE_DATE.schema() = Field(..., description="그 달의 아무 날")
    kind: SpaceUse.Kind
    count: COUNT.schema()


class SpaceUseOut(Schema):
    id: int
    month: date
    kind: str
    count: int


class SaleOut(Schema):
    id: int
    channel: str
    organisation: str
    month: date
    amount: MONEY.schema()

    @staticmethod
    def resolve_channel(obj) -> str:
        return obj.channel.name

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.name


class SaleFilter(Schema):
    year: int = Field(..., ge=2000, le=2100)
    q: str = Field("", max_length=SEARCH_LENGTH)
    channel: str = Field("", max_length=32)


class AsOfFilter(Schema):
    as_of: OFFICE_DATE.schema()


class FiguresFilter(Schema):
    year: int = Field(..., ge=2000, le=2100)
    as_of: OFFICE_DATE.schema()


class DialogueFilter(Schema):
    year: int | None = Field(None, ge=2000, le=2100)


class SpaceFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    kind: Space.Kind | None = None


class EconomyFiguresOut(Schema):
    year: int
    as_of: date
    members: int
    dialogues: int
    criteria_met: int
    clusters: int
    clusters_cumulative: int
    centres_year4: int
    special_zones_main: int
    special_zones_year3: int
    special_zones_cumulative: int
    hubs: int
    hub_tenancies: int


def _value(choice) -> str:
    return str(getattr(choice, "value", choice))


@router.get("/members", response=list[NetworkMemberOut], summary="GSEF 회원")
@paginate(Pages, page_size=50)
def member_list(request, filters: Query[MemberFilter]):
    rows = selectors.member_list(
        user=request.auth,
        query=filters.q,
        kind=_value(filters.kind) if filters.kind else "",
        state="member" if filters.on else "",
        on=filters.on,
    )
    return rows.order_by("joined_on", "name", "pk")


@router.post("/members", response={201: NetworkMemberOut}, summary="GSEF 회원 등록")
def member_create(request, payload: NetworkMemberIn):
    values = payload.dict()
    values["kind"] = _value(values["kind"])
    return Status(201, services.member_save(actor=request.auth, **values))


@router.get("/dialogues", response=list[DialogueOut], summary="정책대화·국제행사")
def dialogue_list(request, filters: Query[DialogueFilter]):
    return selectors.dialogue_list(user=request.auth, year=filters.year)


@router.post("/dialogues", response={201: DialogueOut}, summary="정책대화·국제행사 등록")
def dialogue_create(request, payload: DialogueIn):
    values = payload.dict()
    values["kind"] = _value(values["kind"])
    return Status(201, services.dialogue_save(actor=request.auth, **values))


@router.get("/fair-trade/criteria", response=list[CriterionOut], summary="공정무역도시 인증 기준과 달성")
def criterion_list(request, filters: Query[AsOfFilter]):
    rows = selectors.criterion_rows(user=request.auth, as_of=filters.as_of)
    return [
        {
            "number": r.criterion.number,
            "title": r.criterion.title,
            "met": r.met,
            "met_on": r.met_on,
            "evidence": [e.what for e in r.evidence],
        }
        for r in rows
    ]


@router.get("/spaces", response=list[SpaceOut], summary="사회적경제 공간")
@paginate(Pages, page_size=50)
def space_list(request, filters: Query[SpaceFilter]):
    kind = _value(filters.kind) if filters.kind else ""
    rows = selectors.space_list(user=request.auth, query=filters.q, kind=kind)
    return rows.order_by("kind", "name", "pk")


@router.post("/spaces/{space_id}/uses", response={201: SpaceUseOut}, summary="공간 이용 기록")
def space_use_record(request, space_id: IdPath, payload: SpaceUseIn):
    space = selectors.space_get(user=request.auth, pk=space_id)
    values = payload.dict()
    values["kind"] = _value(values["kind"])
    return Status(201, services.space_use_record(actor=request.auth, space=space, **values))


@router.get("/sales", response=list[SaleOut], summary="판로 매출")
@paginate(Pages, page_size=50)
def sale_list(request, filters: Query[SaleFilter]):
    rows = selectors.sale_list(user=request.auth, year=filters.year, query=filters.q, channel=filters.channel)
    return rows.order_by("-month", "pk")


@router.get("/figures", response=EconomyFiguresOut, summary="기록에서 센 실적(기준일)")
def figures(request, filters: Query[FiguresFilter]):
    year, as_of = filters.year, filters.as_of
    overview = selectors.economy_overview(user=request.auth, year=year, as_of=as_of)
    spaces, zones = overview["spaces"], overview["zones"]
    return {
        "year": year,
        "as_of": as_of,
        "members": overview["members"],
        "dialogues": overview["dialogues_held"],
        "criteria_met": overview["criteria_met"],
        "clusters": spaces["clusters"],
        "clusters_cumulative": spaces["clusters_cumulative"],
        "centres_year4": spaces["centres_year4"],
        "special_zones_main": zones["main"],
        "special_zones_year3": zones["year3"],
        "special_zones_cumulative": zones["cumulative"],
        "hubs": spaces["hubs"],
        "hub_tenancies": spaces["hub_tenancies"],
    }
