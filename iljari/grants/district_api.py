"""grants API (read): the district projects (list with filters, one project with its jobs and monitoring), the
ecosystem funding and the SIB contracts, through the same scoped selectors as the pages (a district officer sees only
their own district's projects; out-of-scope records answer 404)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Field, Query, Router, Schema

from iljari.core.figures import CODE_LENGTH, SEARCH_LENGTH, YEAR, CodePath
from iljari.grants import district_selectors, sib_selectors
from iljari.org.models import District

router = Router(tags=["시-구 협력사업·사회성과보상"])


class ProjectFilters(Schema):
    year: YEAR.schema() | None = None
    district: str | None = Field(None, max_length=CODE_LENGTH)  # the district's administrative code, e.g. 11740
    status: str = Field("", max_length=CODE_LENGTH)
    q: str = Field("", max_length=SEARCH_LENGTH)


class ProjectOut(Schema):
    code: str
    year: int
    district: str
    district_code: str
    title: str
    operator: str
    is_new: bool
    jobs_planned: int
    budget_total: int
    city_share: int
    district_share: int
    city_ratio: int
    status: str


class DistrictJobsOut(Schema):
    target_group: str
    planned: int
    filled: int


class MonitoringOut(Schema):
    month: date
    sales: int
    users: int
    satisfaction: Decimal | None
    jobs_filled: dict[str, int]


class ReviewOut(Schema):
    reviewed_on: date
    score: Decimal
    findings: str


class DecisionOut(Schema):
    decided_on: date
    decision: str
    note: str


class ProjectDetailOut(ProjectOut):
    starts_on: date
    ends_on: date
    ratio_reason: str
    jobs: list[DistrictJobsOut]
    monitoring: list[MonitoringOut]
    reviews: list[ReviewOut]
    decisions: list[DecisionOut]


def _project(p, jobs_planned: int) -> dict:
    return {
        "code": p.code, "year": p.year, "district": p.district.name, "district_code": p.district.code,
        "title": p.title, "operator": p.operator, "is_new": p.is_new, "jobs_planned": jobs_planned,
        "budget_total": p.budget_total, "city_share": p.city_share, "district_share": p.district_share,
        "city_ratio": p.city_ratio, "status": p.status,
    }  # fmt: skip


@router.get("/districts", response=list[ProjectOut], summary="시-구 협력 일자리사업 목록")
def project_list(request, filters: Query[ProjectFilters]):
    district_id = None
    if filters.district:
        district_id = District.objects.filter(code=filters.district).values_list("pk", flat=True).first() or -1
    rows = district_selectors.district_project_list(
        user=request.auth, year=filters.year, district=district_id, status=filters.status, q=filters.q
    )
    return [_project(p, p.jobs_planned) for p in rows]


@router.get(
    "/districts/{code}", response=ProjectDetailOut, summary="시-구 협력 일자리사업 한 건: 일자리, 모니터링, 평가"
)
def project_detail(request, code: CodePath):
    project = district_selectors.district_project_get(user=request.auth, code=code)
    monitoring = district_selectors.district_monitoring_rows(project=project)
    jobs = district_selectors.district_project_jobs(project=project, monitoring=monitoring)
    return {
        **_project(project, sum(row["planned"] for row in jobs)),
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "ratio_reason": project.ratio_reason,
        "jobs": [{"target_group": r["group"], "planned": r["planned"], "filled": r["filled"]} for r in jobs],
        "monitoring": [
            {
                "month": m.month,
                "sales": m.sales,
                "users": m.users,
                "satisfaction": m.satisfaction,
                "jobs_filled": {j.target_group: j.filled for j in m.jobs.all()},
            }
            for m in monitoring
        ],  # fmt: skip
        "reviews": [
            {"reviewed_on": r.reviewed_on, "score": r.score, "findings": r.findings}
            for r in project.reviews.order_by("reviewed_on", "pk")
        ],
        "decisions": [
            {"decided_on": d.decided_on, "decision": d.decision, "note": d.note}
            for d in project.decisions.order_by("decided_on", "pk")
        ],
    }


class SummaryRowOut(Schema):
    district: str
    projects: int
    jobs_planned: int
    jobs_filled: int
    budget_total: int
    city_share: int
    district_share: int


class SummaryOut(Schema):
    year: int
    districts: int
    projects: int
    jobs_planned: int
    by_district: list[SummaryRowOut]
    by_target_group: dict[str, int]


class YearQuery(Schema):
    year: YEAR.schema() = 2018


@router.get("/districts-summary", response=SummaryOut, summary="한 해의 자치구별 현황")
def summary(request, query: Query[YearQuery]):
    result = district_selectors.district_summary(user=request.auth, year=query.year)
    return {
        "year": result["year"],
        "districts": result["total"]["districts"],
        "projects": result["total"]["projects"],
        "jobs_planned": result["total"]["jobs_planned"],
        "by_district": [
            {
                "district": r["district__name"],
                "projects": r["projects"],
                "jobs_planned": r["jobs_planned"],
                "jobs_filled": r["jobs_filled"],
                "budget_total": r["budget_total"],
                "city_share": r["city_share"],
                "district_share": r["district_share"],
            }
            for r in result["districts"]
        ],  # fmt: skip
        "by_target_group": {r["group"]: r["planned"] for r in result["by_group"]},
    }


class EcosystemOut(Schema):
    code: str
    district: str
    kind: str
    title: str
    status: str
    stage1_amount: int | None
    stage1_grade: str | None
    stage2_total: int


@router.get("/ecosystem", response=list[EcosystemOut], summary="자치구 사회적경제 생태계·특구 지원")
def ecosystem(request):
    return [
        {"code": s.code, "district": s.district.name, "kind": s.kind, "title": s.title, "status": s.status,
         "stage1_amount": s.stage1_amount, "stage1_grade": s.stage1_grade or None, "stage2_total": s.stage2_total}
        for s in district_selectors.ecosystem_list(user=request.auth)
    ]  # fmt: skip


class SibOut(Schema):
    code: str
    title: str
    provider: str
    starts_on: date
    ends_on: date
    principal: int
    payment: int | None


@router.get("/sib", response=list[SibOut], summary="사회성과보상사업")
def sib(request):
    return [
        {"code": c.code, "title": c.title, "provider": c.provider.name, "starts_on": c.starts_on,
         "ends_on": c.ends_on, "principal": c.principal, "payment": c.payment_amount}
        for c in sib_selectors.sib_contract_list(user=request.auth)
    ]  # fmt: skip
