"""entrusted API (/api/entrusted): the facilities, their contracts, the contracts ending within a year of a day and
the renewal steps — read through the same scoped selectors as the pages (a partner agency sees only its own
contracts and their facilities), written through the same services."""

from datetime import date

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from iljari.core.api import Pages
from iljari.core.errors import ValidationFailed
from iljari.core.figures import MONEY, OFFICE_DATE, SEARCH_LENGTH, CodePath, IdPath
from iljari.entrusted import selectors, services
from iljari.entrusted.models import Contract, Facility
from iljari.org.models import OrgUnit, Partner

router = Router(tags=["민간위탁"])


class FacilityOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    division: str = Field(..., alias="division.code")
    division_name: str = Field(..., alias="division.name")
    address: str
    entrusted_task: str
    current_trustee: str | None = None
    current_term_start: date | None = None
    current_term_end: date | None = None
    current_state: str | None = None


class FacilityFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    kind: Facility.Kind | None = None
    division: str = Field("", max_length=64)
    state: str = Field("", max_length=16)


class FacilityIn(Schema):
    code: str = Field(..., max_length=40)
    name: str = Field(..., max_length=120)
    kind: Facility.Kind
    division: str = Field(..., max_length=64, description="담당 부서 코드")
    address: str = Field("", max_length=200)
    entrusted_task: str = Field("", max_length=300)
    note: str = Field("", max_length=2000)


class ContractOut(Schema):
    id: int
    facility: str = Field(..., alias="facility.code")
    facility_name: str = Field(..., alias="facility.name")
    trustee: str = Field(..., alias="trustee.code")
    trustee_name: str = Field(..., alias="trustee.name")
    term_start: date | None
    term_end: date | None
    signed_on: date | None
    state: str
    state_label: str = Field(..., alias="get_state_display")
    amount_per_year: int | None


class ContractIn(Schema):
    trustee: str = Field(..., max_length=64, description="수탁기관(협력기관) 코드")
    term_start: OFFICE_DATE.schema() | None = None
    term_end: OFFICE_DATE.schema() | None = None
    signed_on: OFFICE_DATE.schema() | None = None
    state: Contract.State = Contract.State.PLANNED
    amount_per_year: MONEY.schema() | None = None
    note: str = Field("", max_length=2000)


class RenewalStepOut(Schema):
    id: int
    facility: str = Field(..., alias="facility.code")
    facility_name: str = Field(..., alias="facility.name")
    round: int
    kind: int
    kind_label: str = Field(..., alias="get_kind_display")
    due_on: date
    done_on: date | None
    result: str


class StepDoneIn(Schema):
    done_on: OFFICE_DATE.schema()
    result: str = Field("", max_length=300)


class EndingQuery(Schema):
    on: OFFICE_DATE.schema() | None = None
    within_days: int = Field(365, ge=1, le=3650)


class StepsQuery(Schema):
    on: OFFICE_DATE.schema() | None = None
    within_days: int | None = Field(None, ge=0, le=3650, description="비우면 기한 지난 단계만")


def _division(code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code, kind=OrgUnit.Kind.DIVISION).first()
    if unit is None:
        raise ValidationFailed(field_errors={"division": ["담당 부서를 찾을 수 없습니다."]})
    return unit


def _trustee(code: str) -> Partner:
    partner = selectors.trustee_choices().filter(code=code).first()
    if partner is None:
        raise ValidationFailed(field_errors={"trustee": ["수탁기관을 찾을 수 없습니다."]})
    return partner


@router.get("/facilities", response=list[FacilityOut], summary="위탁 시설 목록")
@paginate(Pages, page_size=50)
def facility_list(request, filters: Query[FacilityFilter]):
    kind = filters.kind.value if filters.kind else ""
    rows = selectors.facility_list(
        user=request.auth, query=filters.q, kind=kind, division=filters.division, state=filters.state
    )
    return rows.order_by("code")


@router.get("/facilities/{code}", response=FacilityOut, summary="위탁 시설 한 곳")
def facility_get(request, code: CodePath):
    selectors.facility_get(user=request.auth, code=code)
    return selectors.facility_list(user=request.auth).get(code=code)


@router.post("/facilities", response={201: FacilityOut}, summary="위탁 시설 등록")
def facility_create(request, payload: FacilityIn):
    values = payload.dict()
    values["kind"] = str(payload.kind.value)
    values["division"] = _division(payload.division)
    facility = services.facility_create(actor=request.auth, **values)
    return Status(201, selectors.facility_list(user=request.auth).get(pk=facility.pk))


@router.get("/facilities/{code}/contracts", response=list[ContractOut], summary="한 시설의 위탁 계약")
def facility_contracts(request, code: CodePath):
    facility = selectors.facility_get(user=request.auth, code=code)
    return selectors.contract_list(user=request.auth, facility=facility).order_by("term_start", "pk")


@router.post("/facilities/{code}/contracts", response={201: ContractOut}, summary="위탁 계약 등록")
def contract_create(request, code: CodePath, payload: ContractIn):
    facility = selectors.facility_get(user=request.auth, code=code)
    values = payload.dict()
    values["trustee"] = _trustee(payload.trustee)
    values["state"] = str(payload.state.value)
    return Status(201, services.contract_create(actor=request.auth, facility=facility, **values))


@router.get("/facilities/{code}/steps", response=list[RenewalStepOut], summary="한 시설의 재위탁 절차")
def facility_steps(request, code: CodePath):
    facility = selectors.facility_get(user=request.auth, code=code)
    detail = selectors.facility_detail(user=request.auth, facility=facility, on=timezone.localdate())
    return [row.step for _, rows in detail.rounds for row in rows]


@router.get("/contracts", response=list[ContractOut], summary="위탁 계약 목록")
@paginate(Pages, page_size=50)
def contract_list(request, state: str = Query("", max_length=16)):
    return selectors.contract_list(user=request.auth, state=state).order_by("facility__code", "term_start", "pk")


@router.get("/contracts/ending", response=list[ContractOut], summary="기준일부터 정한 날수 안에 끝나는 위탁 계약")
def contracts_ending(request, query: Query[EndingQuery]):
    on = query.on or timezone.localdate()
    return list(selectors.contracts_ending(user=request.auth, on=on, within_days=query.within_days))


@router.get("/steps", response=list[RenewalStepOut], summary="기한 지난(또는 정한 날수 안에 기한이 오는) 재위탁 절차")
def steps_due(request, query: Query[StepsQuery]):
    on = query.on or timezone.localdate()
    return list(selectors.renewal_steps_due(user=request.auth, on=on, within_days=query.within_days))


@router.post("/steps/{step_id}/done", response=RenewalStepOut, summary="재위탁 절차 단계를 마침")
def step_done(request, step_id: IdPath, payload: StepDoneIn):
    step = selectors.renewal_step_get(user=request.auth, pk=step_id)
    return services.renewal_step_done(actor=request.auth, step=step, done_on=payload.done_on, result=payload.result)
