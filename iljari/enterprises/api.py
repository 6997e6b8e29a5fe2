"""enterprises API: the organisation registry and the year's procurement progress — the same selectors and
services as the pages."""

from datetime import date

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from iljari.core.api import Pages
from iljari.core.errors import ValidationFailed
from iljari.core.figures import CODE_LENGTH, COUNT, SEARCH_LENGTH, IdPath, OptionalDateQuery
from iljari.enterprises import selectors, services
from iljari.enterprises.models import Organisation
from iljari.org.models import District

router = Router(tags=["기업·단체"])


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    business_number: str = Field(..., alias="business_number_text")
    corporate_number: str
    size: str
    sector: str
    district: str | None = Field(None, alias="district.code")
    employees: int


class OrganisationIn(Schema):
    name: str = Field(..., max_length=120)
    kind: Organisation.Kind
    business_number: str = Field(..., max_length=20, description="하이픈이 있어도 됩니다(124-81-00998)")
    corporate_number: str = Field("", max_length=20)
    size: Organisation.Size = Organisation.Size.SMALL
    sector: Organisation.Sector = Organisation.Sector.OTHER_SERVICES
    district: str | None = Field(None, max_length=CODE_LENGTH, description="자치구 행정코드")
    employees: COUNT.schema() = 0


class OrganisationFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    kind: str = Field("", max_length=CODE_LENGTH)
    certification: str = Field("", max_length=CODE_LENGTH)
    district_code: str = Field("", max_length=CODE_LENGTH, alias="district")


class ShareOut(Schema):
    label: str
    amount: int
    count: int


class ProgressOut(Schema):
    year: int
    target: int | None = Field(None, description="목표액(원)")
    total: int = Field(..., description="실적(원)")
    count: int
    rate: float | None = Field(None, description="달성 비율(0.268 = 26.8%)")
    last_purchase: date | None
    by_buyer: list[ShareOut]
    by_kind: list[ShareOut]
    by_category: list[ShareOut]


@router.get("/organisations", response=list[OrganisationOut], summary="기업·단체 목록")
@paginate(Pages, page_size=50)
def organisation_list(request, filters: Query[OrganisationFilter]):
    return selectors.organisation_list(user=request.auth, **filters.dict())


@router.get("/organisations/{pk}", response=OrganisationOut, summary="기업·단체 한 곳")
def organisation_get(request, pk: IdPath):
    return selectors.organisation_get(user=request.auth, pk=pk)


@router.post("/organisations", response={201: OrganisationOut}, summary="기업·단체 등록")
def organisation_create(request, payload: OrganisationIn):
    values = payload.dict()
    for key in ("kind", "size", "sector"):
        values[key] = str(getattr(values[key], "value", values[key]))
    if values.get("district"):
        values["district"] = District.objects.filter(code=values["district"]).first()
        if values["district"] is None:
            raise ValidationFailed(field_errors={"district": ["없는 자치구 코드입니다."]})
    return Status(201, services.organisation_register(actor=request.auth, **values))


@router.get("/procurement", response=ProgressOut, summary="공공구매 목표 대비 실적")
def procurement(request, year: int = Query(..., ge=2000, le=2100), as_of: OptionalDateQuery = None):
    progress = selectors.procurement_progress(user=request.auth, year=year, as_of=as_of)
    return {
        **{key: getattr(progress, key) for key in ("year", "target", "total", "count", "last_purchase")},
        "rate": float(progress.rate) if progress.rate is not None else None,
        "by_buyer": progress.by_buyer,
        "by_kind": progress.by_kind,
        "by_category": progress.by_category,
    }
