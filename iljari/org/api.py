"""org API: org units, districts, partner institutions — the same selectors and services as the pages."""

from datetime import date

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from iljari.core.api import Pages
from iljari.core.errors import ValidationFailed
from iljari.core.figures import CODE_LENGTH, NOTE_LENGTH, OFFICE_DATE, SEARCH_LENGTH, CodePath
from iljari.org import selectors, services
from iljari.org.models import District, OrgUnit, Partner

router = Router(tags=["조직"])


class OrgUnitOut(Schema):
    code: str
    name: str
    kind: str
    parent: str | None = Field(None, alias="parent.code")
    depth: int
    functions: list[str] = Field(..., alias="function_lines")
    is_active: bool


class DistrictOut(Schema):
    code: str
    name: str


class PartnerOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    district: str | None = Field(None, alias="district.code")
    address: str
    supervising_unit: str | None = Field(None, alias="supervising_unit.code")
    entrusted_task: str
    entrusted_from: date | None
    entrusted_until: date | None
    contact: str
    note: str
    is_active: bool


class PartnerIn(Schema):
    code: str = Field(..., max_length=32)
    name: str = Field(..., max_length=120)
    kind: Partner.Kind
    district: str | None = Field(None, max_length=CODE_LENGTH, description="자치구 행정코드")
    address: str = Field("", max_length=200)
    supervising_unit: str | None = Field(None, max_length=CODE_LENGTH, description="담당 부서 코드")
    entrusted_task: str = Field("", max_length=200)
    entrusted_from: OFFICE_DATE.schema() | None = None
    entrusted_until: OFFICE_DATE.schema() | None = None
    contact: str = Field("", max_length=100)
    note: str = Field("", max_length=NOTE_LENGTH)
    is_active: bool = True


class PartnerPatch(Schema):
    name: str | None = Field(None, max_length=120)
    kind: Partner.Kind | None = None
    district: str | None = Field(None, max_length=CODE_LENGTH)
    address: str | None = Field(None, max_length=200)
    supervising_unit: str | None = Field(None, max_length=CODE_LENGTH)
    entrusted_task: str | None = Field(None, max_length=200)
    entrusted_from: OFFICE_DATE.schema() | None = None
    entrusted_until: OFFICE_DATE.schema() | None = None
    contact: str | None = Field(None, max_length=100)
    note: str | None = Field(None, max_length=NOTE_LENGTH)
    is_active: bool | None = None


class PartnerFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    kind: str = Field("", max_length=CODE_LENGTH)
    district_code: str = Field("", max_length=CODE_LENGTH, alias="district")


def _resolve(values: dict) -> dict:
    """Turn the codes of the API into the rows the service takes, with a field error for an unknown code."""
    errors = {}
    if values.get("district"):
        values["district"] = District.objects.filter(code=values["district"]).first()
        if values["district"] is None:
            errors["district"] = ["없는 자치구 코드입니다."]
    if values.get("supervising_unit"):
        values["supervising_unit"] = OrgUnit.objects.filter(code=values["supervising_unit"]).first()
        if values["supervising_unit"] is None:
            errors["supervising_unit"] = ["없는 부서 코드입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if "kind" in values and values["kind"] is not None:
        values["kind"] = str(values["kind"].value if hasattr(values["kind"], "value") else values["kind"])
    return values


@router.get("/units", response=list[OrgUnitOut], summary="조직도")
def unit_list(request):
    return selectors.org_unit_tree(user=request.auth)


@router.get("/units/{code}", response=OrgUnitOut, summary="조직 한 곳")
def unit_get(request, code: CodePath):
    return selectors.org_unit_get(user=request.auth, code=code)


@router.get("/districts", response=list[DistrictOut], summary="자치구")
def district_list(request):
    return selectors.district_list(user=request.auth)


@router.get("/districts/{code}", response=DistrictOut, summary="자치구 한 곳")
def district_get(request, code: CodePath):
    return selectors.district_get(user=request.auth, code=code)


@router.get("/partners", response=list[PartnerOut], summary="협력기관 목록")
@paginate(Pages, page_size=50)
def partner_list(request, filters: Query[PartnerFilter]):
    return selectors.partner_list(user=request.auth, **filters.dict())


@router.get("/partners/{code}", response=PartnerOut, summary="협력기관 한 곳")
def partner_get(request, code: CodePath):
    return selectors.partner_get(user=request.auth, code=code)


@router.post("/partners", response={201: PartnerOut}, summary="협력기관 등록")
def partner_create(request, payload: PartnerIn):
    values = _resolve(payload.dict())
    return Status(201, services.partner_create(actor=request.auth, **values))


@router.patch("/partners/{code}", response=PartnerOut, summary="협력기관 수정")
def partner_update(request, code: CodePath, payload: PartnerPatch):
    partner = selectors.partner_get(user=request.auth, code=code)
    values = _resolve(payload.dict(exclude_unset=True))
    return services.partner_update(actor=request.auth, partner=partner, **values)
