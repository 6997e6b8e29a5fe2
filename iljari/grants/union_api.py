"""grants API of the labour unions (/api/grants/unions): the unions' agreements with their sub-projects, budgets and
tranches, a scholarship round's students (names masked; every read written to the access log), and the steps —
a sub-project, a student, the duplicate decision, the payment — through the same scoped selectors and services as
the pages."""

from __future__ import annotations

from datetime import date

from ninja import Field, Router, Schema, Status

from iljari.core.accesslog import access_log_record
from iljari.core.figures import BIRTH_DATE, MONEY, NOTE_LENGTH, OFFICE_DATE, CodePath, IdPath, OptionalYearQuery
from iljari.core.formats import ratio
from iljari.core.middleware import client_address
from iljari.grants import union_selectors as selectors
from iljari.grants.services import unions as services

router = Router(tags=["노동단체 지원"])
SUBJECT = "grants.scholarship_recipient"


class UnionOut(Schema):
    code: str
    union: str
    year: int
    title: str
    city_amount: int
    disbursed: int
    disbursed_rate: float | None  # % of the city share, to 0.1
    sub_projects: int


class SubProjectOut(Schema):
    id: int
    order: int
    title: str
    budget: int | None
    paid: int
    state: str
    note: str


class UnionTrancheOut(Schema):
    number: int
    paid_on: date
    amount: int
    sub_project: int | None


class ScholarshipOut(Schema):
    id: int
    year: int
    title: str
    sub_project: int
    amount_per_student: int
    budget: int
    students: int
    paid: int
    pending: int


class UnionDetailOut(UnionOut):
    sub_project_list: list[SubProjectOut]
    tranches: list[UnionTrancheOut]
    scholarships: list[ScholarshipOut]


class SubProjectIn(Schema):
    title: str = Field(..., max_length=200)
    budget: MONEY.schema() | None = None
    state: str = Field("running", max_length=16)
    note: str = Field("", max_length=200)


class StudentOut(Schema):
    id: int
    name: str  # masked (홍*동)
    school: str
    grade: str
    amount: int
    state: str
    review: str
    foundation_support: str


class StudentIn(Schema):
    name: str = Field(..., max_length=60)
    birth_date: BIRTH_DATE.schema()
    school: str = Field(..., max_length=100)
    grade: str = Field("", max_length=20)
    parent_name: str = Field(..., max_length=60)
    parent_workplace: str = Field("", max_length=100)
    amount: MONEY.schema() | None = None


class ScholarshipDecisionIn(Schema):
    decision: str = Field(..., max_length=16, description="kept(지급 유지) 또는 excluded(제외)")
    reason: str = Field(..., max_length=NOTE_LENGTH)


class PaymentIn(Schema):
    paid_on: OFFICE_DATE.schema()


def _union(a) -> dict:
    rate = ratio(a.disbursed, a.city_amount)
    return {
        "code": a.code, "union": a.grantee.name, "year": a.year, "title": a.title, "city_amount": a.city_amount,
        "disbursed": a.disbursed, "disbursed_rate": None if rate is None else round(float(rate) * 100, 1),
        "sub_projects": getattr(a, "sub_project_count", a.sub_projects.count()),
    }  # fmt: skip


def _student(r) -> dict:
    return {
        "id": r.pk, "name": r.masked_name, "school": r.school, "grade": r.grade, "amount": r.amount,
        "state": r.state, "review": r.review, "foundation_support": r.match.support if r.match_id else "",
    }  # fmt: skip


def _log(request, action: str, ids, detail: str) -> None:
    access_log_record(
        user=request.auth, remote_addr=client_address(request), action=action, subject_type=SUBJECT,
        subject_ids=list(ids), detail=detail,
    )  # fmt: skip


@router.get("/unions", response=list[UnionOut], summary="노동단체별 지원(세부사업 수, 시비, 교부액)")
def union_list(request, year: OptionalYearQuery = None):
    return [_union(a) for a in selectors.union_agreement_list(user=request.auth, year=year)]


@router.get("/unions/{code}", response=UnionDetailOut, summary="노동단체 협약: 세부사업, 교부, 장학금 회차")
def union_detail(request, code: CodePath):
    agreement = selectors.union_agreement_get(user=request.auth, code=code)
    sub_projects = selectors.union_sub_projects(agreement=agreement)
    return {
        **_union(agreement),
        "sub_project_list": [
            {"id": s.pk, "order": s.order, "title": s.title, "budget": s.budget, "paid": s.paid, "state": s.state,
             "note": s.note}
            for s in sub_projects
        ],
        "tranches": [
            {"number": t.number, "paid_on": t.paid_on, "amount": t.amount,
             "sub_project": t.sub_project.pk if t.sub_project else None}
            for t in selectors.union_tranches(agreement=agreement)
        ],
        "scholarships": [
            {"id": r.pk, "year": r.year, "title": r.title, "sub_project": r.sub_project_id,
             "amount_per_student": r.amount_per_student, "budget": r.budget, "students": r.recipient_count,
             "paid": r.paid_total, "pending": r.pending}
            for r in selectors.scholarship_list(agreement=agreement)
        ],
    }  # fmt: skip


@router.post("/unions/{code}/sub-projects", response={201: SubProjectOut}, summary="세부사업 추가")
def sub_project_add(request, code: CodePath, payload: SubProjectIn):
    agreement = selectors.union_agreement_get(user=request.auth, code=code)
    s = services.sub_project_add(actor=request.auth, agreement=agreement, **payload.dict())
    return Status(201, {"id": s.pk, "order": s.order, "title": s.title, "budget": s.budget, "paid": 0,
                        "state": s.state, "note": s.note})  # fmt: skip


@router.get(
    "/unions/scholarships/{pk}/students", response=list[StudentOut], summary="장학금 대상 학생(이름 가림, 접속기록)"
)
def students(request, pk: IdPath):
    scholarship = selectors.scholarship_get(user=request.auth, pk=pk)
    rows = list(selectors.scholarship_recipient_list(user=request.auth, scholarship=scholarship).order_by("pk"))
    _log(request, "view", [r.pk for r in rows], f"장학금 대상 학생 목록 {scholarship} (API)")
    return [_student(r) for r in rows]


@router.post("/unions/scholarships/{pk}/students", response={201: StudentOut}, summary="학생 등록(중복 대조)")
def student_add(request, pk: IdPath, payload: StudentIn):
    scholarship = selectors.scholarship_get(user=request.auth, pk=pk)
    r = services.scholarship_recipient_add(actor=request.auth, scholarship=scholarship, **payload.dict())
    _log(request, "change", [r.pk], f"장학금 대상 학생 등록 {scholarship} (API)")
    return Status(201, _student(r))


@router.post("/unions/students/{pk}/decision", response=StudentOut, summary="중복 확인 결정(지급 유지·제외)")
def student_decide(request, pk: IdPath, payload: ScholarshipDecisionIn):
    recipient = selectors.scholarship_recipient_get(user=request.auth, pk=pk)
    r = services.scholarship_recipient_decide(actor=request.auth, recipient=recipient, **payload.dict())
    _log(request, "change", [r.pk], "장학금 중복 확인 결정 (API)")
    return _student(r)


@router.post("/unions/students/{pk}/payment", response=StudentOut, summary="장학금 지급 기록")
def student_pay(request, pk: IdPath, payload: PaymentIn):
    recipient = selectors.scholarship_recipient_get(user=request.auth, pk=pk)
    r = services.scholarship_recipient_pay(actor=request.auth, recipient=recipient, **payload.dict())
    _log(request, "change", [r.pk], "장학금 지급 (API)")
    return _student(r)
