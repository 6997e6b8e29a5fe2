"""grants API: programmes and agreements (read, scoped as the pages), and the steps of an agreement (tranche,
spending report, settlement) through the same services."""

from __future__ import annotations

from datetime import date

from ninja import Field, Query, Router, Schema, Status

from iljari.core.access import access_grants_manage
from iljari.core.errors import ValidationFailed
from iljari.core.figures import (
    CODE_LENGTH,
    COUNT,
    MONEY,
    NOTE_LENGTH,
    OFFICE_DATE,
    SEARCH_LENGTH,
    YEAR,
    CodePath,
    OptionalYearQuery,
)
from iljari.grants import selectors, services

router = Router(tags=["보조금"])


class GrantProgrammeOut(Schema):
    code: str
    year: int
    name: str
    kind: str
    programme: str
    budget_line: str
    matching: str
    min_amount: int | None
    max_amount: int | None
    agreement_count: int
    city_total: int
    disbursed: int


class TrancheOut(Schema):
    number: int
    paid_on: date
    amount: int


class AgreementOut(Schema):
    code: str
    programme: str
    grantee: str
    business_number: str
    title: str
    year: int
    starts_on: date
    ends_on: date
    city_amount: int
    matched_amount: int
    disbursed: int
    status: str


class AgreementDetailOut(AgreementOut):
    left: int
    tranches: list[TrancheOut]
    settled: bool
    returned: int | None


class AgreementFilters(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    programme: str = Field("", max_length=CODE_LENGTH)
    status: str = Field("", max_length=CODE_LENGTH)
    year: YEAR.schema() | None = None
    limit: int = Field(100, ge=1, le=500)
    offset: COUNT.schema() = 0


class TrancheIn(Schema):
    paid_on: OFFICE_DATE.schema()
    amount: MONEY.schema() = Field(..., description="교부액(원)")
    note: str = Field("", max_length=NOTE_LENGTH)


class ReportIn(Schema):
    period_end: OFFICE_DATE.schema()
    items: dict[str, MONEY.schema()] = Field(
        ..., description="비목(personnel, operations, project, assets, other)별 누계(원)"
    )
    jobs_created: COUNT.schema() = 0
    note: str = Field("", max_length=NOTE_LENGTH)


class ReportOut(Schema):
    agreement: str
    period_end: date
    total: int


class SettlementIn(Schema):
    settled_on: OFFICE_DATE.schema()
    spent: MONEY.schema()
    returned: MONEY.schema()
    note: str = Field("", max_length=NOTE_LENGTH)


class SettlementOut(Schema):
    agreement: str
    disbursed: int
    spent: int
    returned: int


def _agreement(a, disbursed: int) -> dict:
    return {
        "code": a.code,
        "programme": a.programme.code,
        "grantee": a.grantee.name,
        "business_number": a.grantee.business_number,
        "title": a.title,
        "year": a.year,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "city_amount": a.city_amount,
        "matched_amount": a.matched_amount,
        "disbursed": disbursed,
        "status": a.status,
    }


@router.get("/programmes", response=list[GrantProgrammeOut], summary="보조금 사업과 협약·교부 합계")
def programmes(request, year: OptionalYearQuery = None):
    return [
        {
            "code": p.code,
            "year": p.year,
            "name": p.name,
            "kind": p.kind,
            "programme": p.programme.code,
            "budget_line": p.budget_line.code,
            "matching": p.matching_text,
            "min_amount": p.min_amount,
            "max_amount": p.max_amount,
            "agreement_count": p.agreement_count,
            "city_total": p.city_total,
            "disbursed": p.disbursed,
        }
        for p in selectors.grant_programme_list(user=request.auth, year=year)
    ]


@router.get("/agreements", response=list[AgreementOut], summary="보조금 협약(검색)")
def agreements(request, filters: Query[AgreementFilters]):
    data = filters.dict()
    limit, offset = data.pop("limit"), data.pop("offset")
    rows = selectors.agreement_list(user=request.auth, **{k: v for k, v in data.items() if v})
    return [_agreement(a, a.disbursed) for a in rows[offset : offset + limit]]


def _get(request, code: str):
    return selectors.agreement_readable(user=request.auth, code=code)


@router.get("/agreements/{code}", response=AgreementDetailOut, summary="보조금 협약 한 건: 교부와 정산")
def agreement(request, code: CodePath):
    found = _get(request, code)
    detail = selectors.agreement_detail(user=request.auth, agreement=found, history=False)
    return {
        **_agreement(found, detail.disbursed),
        "left": detail.left,
        "tranches": [{"number": d.number, "paid_on": d.paid_on, "amount": d.amount} for d in detail.disbursements],
        "settled": detail.settlement is not None,
        "returned": detail.settlement.returned if detail.settlement else None,
    }


@router.post(
    "/agreements/{code}/disbursements", response={201: TrancheOut}, summary="교부(협약 시비 안에서, 전결일 때)"
)
def disburse(request, code: CodePath, payload: TrancheIn):
    """교부 is an approval (결재): an official whose own position gives it (전결) pays at once here; anyone else
    drafts it through POST /api/approvals (act grants.disburse, target "협약번호/교부일/교부액")."""
    found = selectors.agreement_get(user=request.auth, code=code)
    data = payload.dict()
    payment = services.TranchePayment(found, data["paid_on"], data["amount"])
    keeper = access_grants_manage(request.auth, found.programme.programme.division.path)
    if keeper and data["amount"] > 0:
        services.disbursement_check(agreement=found, paid_on=payment.paid_on, amount=payment.amount)
    if keeper and data["amount"] > 0 and not selectors.disbursement_at_once(user=request.auth, payment=payment):
        raise ValidationFailed(
            "교부는 결재를 거칩니다. POST /api/approvals로 올리십시오"
            f"(act: {services.DISBURSE}, target: {payment.key})."
        )
    d = services.disbursement_record(actor=request.auth, agreement=found, **data)
    return Status(201, {"number": d.number, "paid_on": d.paid_on, "amount": d.amount})


@router.post("/agreements/{code}/reports", response={201: ReportOut}, summary="집행 보고(수행기관 또는 담당자)")
def report(request, code: CodePath, payload: ReportIn):
    found = _get(request, code)
    r = services.spending_report_submit(actor=request.auth, agreement=found, **payload.dict())
    return Status(201, {"agreement": found.code, "period_end": r.period_end, "total": sum(payload.items.values())})


@router.post("/agreements/{code}/settlement", response={201: SettlementOut}, summary="정산(교부액 = 집행액 + 반납액)")
def settle(request, code: CodePath, payload: SettlementIn):
    found = selectors.agreement_get(user=request.auth, code=code)
    s = services.settlement_record(actor=request.auth, agreement=found, **payload.dict())
    return Status(201, {"agreement": found.code, "disbursed": s.disbursed, "spent": s.spent, "returned": s.returned})
