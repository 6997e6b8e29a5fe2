"""intake API: calls with their quotas, rules and figures, selection runs (office); a citizen's own applications,
submitting one, following it step by step and withdrawing it; an organisation account's applications (portal).
The same selectors and services as the pages: scope and permission come from iljari.core.access, mistakes answer
in the one error format with Korean messages."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Router, Schema, Status
from ninja.schema import DjangoGetter
from pydantic import ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from iljari.core.access import access_apply, access_organisation_own, require
from iljari.core.errors import NotFound
from iljari.core.exports import mask_name
from iljari.core.figures import CodePath, IdPath
from iljari.intake import selectors, services
from iljari.people.models import Consent
from iljari.people.selectors import applicant_of_user

CITIZENS_ONLY = "시민 계정만 신청할 수 있습니다. 이 계정에는 신청 권한이 없습니다."
ORGANISATIONS_ONLY = "기업·단체 담당자로 지정된 계정만 볼 수 있습니다. 이 계정에는 권한이 없습니다."

router = Router(tags=["모집·선발"])
portal = Router(tags=["시민 포털"])


class QuotaOut(Schema):
    code: str
    name: str
    places: int
    district: str | None
    applicants: int
    selected: int
    waitlisted: int
    competition_ratio: str


class CallOut(Schema):
    code: str
    title: str
    programme: str
    opens_at: datetime
    closes_at: datetime
    announce_on: date
    places: int | None
    selection_confirmed_at: datetime | None


class CallDetailOut(CallOut):
    description: str
    required_documents: list[str]
    eligibility: list[str]
    priorities: list[str]
    applicants: int
    competition_ratio: str
    quotas: list[QuotaOut]


class RunOut(Schema):
    run_at: datetime
    run_by: str | None
    seed: int
    algorithm: str
    algorithm_label: str
    selected: int
    waitlisted: int


class SelectionIn(Schema):
    """A JSON object with `seed` written out: a number to replay a draw, or null for a new one. An empty body, `{}`,
    a list, a number or unknown keys are refused (422)."""

    model_config = ConfigDict(extra="forbid")

    seed: int | None = Field(
        ..., ge=0, le=2**62, description="추첨 기준값(난수 시드). null이면 새로 뽑습니다. 같은 값은 같은 결과를 냅니다."
    )

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data):
        raw = data._obj if isinstance(data, DjangoGetter) else data  # ninja validates the body once more so wrapped
        if not isinstance(raw, dict):
            raise PydanticCustomError("dict_type", "a JSON object")
        return data


class ApplicationIn(Schema):
    quota: str = Field(..., description="선발 구분 코드", max_length=40)
    consents: list[Consent.Purpose] = Field(..., description="personal_data, unique_identifier 둘 다 필요합니다.")


class ApplicationOut(Schema):
    id: int
    call: str
    call_title: str
    quota: str
    status: str
    status_label: str
    submitted_at: datetime | None


def _call(call, places=None) -> dict:
    return {
        "code": call.code,
        "title": call.title,
        "programme": call.programme.code,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "announce_on": call.announce_on,
        "places": places,
        "selection_confirmed_at": call.selection_confirmed_at,
    }


@router.get("/calls", response=list[CallOut], summary="모집공고 목록")
def call_list(request):
    return [_call(call, call.places) for call in selectors.call_list(user=request.auth)]


@router.get("/calls/{code}", response=CallDetailOut, summary="모집공고: 선발 구분, 자격, 인원과 경쟁률")
def call_detail(request, code: CodePath):
    call = selectors.call_get(user=request.auth, code=code)
    figures = selectors.call_figures(call=call)
    return {
        **_call(call, figures.places),
        "description": call.description,
        "required_documents": call.document_lines,
        "eligibility": [str(rule) for rule in call.eligibility_rules.all()],
        "priorities": [str(rule) for rule in call.priority_rules.all()],
        "applicants": figures.applicants,
        "competition_ratio": figures.ratio,
        "quotas": [
            {
                "code": q.quota.code,
                "name": q.quota.name,
                "places": q.quota.places,
                "district": q.quota.district.code if q.quota.district_id else None,
                "applicants": q.applicants,
                "selected": q.selected,
                "waitlisted": q.waitlisted,
                "competition_ratio": q.ratio,
            }
            for q in figures.quotas
        ],
    }


def _run(run) -> dict:
    return {
        "run_at": run.run_at,
        "run_by": run.run_by.username if run.run_by_id else None,
        "seed": run.seed,
        "algorithm": run.algorithm,
        "algorithm_label": run.get_algorithm_display(),
        "selected": run.selected,
        "waitlisted": run.waitlisted,
    }


@router.get("/calls/{code}/selection-runs", response=list[RunOut], summary="선발 실행 기록(추첨 기준값·선발 방식)")
def selection_runs(request, code: CodePath):
    call = selectors.call_get(user=request.auth, code=code)
    return [_run(run) for run in call.selection_runs.select_related("run_by")]


@router.post("/calls/{code}/selection-runs", response={201: RunOut}, summary="선발 실행(접수가 끝난 뒤)")
def selection_run(request, code: CodePath, payload: SelectionIn):
    """Runs the call's selection once its 접수 has closed (before: 400 with when it can run)."""
    call = selectors.call_get(user=request.auth, code=code)
    run = services.selection_run(actor=request.auth, call=call, seed=payload.seed)
    return Status(201, _run(run))


# --- the portal -------------------------------------------------------------------------------------------


def _application(application) -> dict:
    return {
        "id": application.pk,
        "call": application.call.code,
        "call_title": application.call.title,
        "quota": application.quota.code,
        "status": application.status,
        "status_label": application.status_text,
        "submitted_at": application.submitted_at,
    }


@portal.get("/applications", response=list[ApplicationOut], summary="내 신청")
def my_applications(request):
    require(access_apply(request.auth), CITIZENS_ONLY)
    return [_application(a) for a in selectors.my_application_list(user=request.auth)]


@portal.post("/calls/{code}/applications", response={201: ApplicationOut}, summary="신청(같은 공고에 다시 보내도 하나)")
def apply(request, code: CodePath, payload: ApplicationIn):
    """Submits the citizen's application to an open call with both consents. Sending it again (a retry) returns
    the same application; a call with required documents takes them on the portal page."""
    require(access_apply(request.auth), CITIZENS_ONLY)
    call, rules = selectors.portal_call_rules_get(code=code)  # one query while the call's quotas and rules stay
    person = applicant_of_user(user=request.auth)
    if person is None:
        raise NotFound("먼저 내 인적사항을 등록하십시오.")
    quota = rules.quota(payload.quota)
    if quota is None:
        raise NotFound("이 공고에 그런 선발 구분이 없습니다.")
    application = services.application_submit(
        actor=request.auth,
        call=call,
        person=person,
        quota=quota,
        consents=[c.value for c in payload.consents],
        rules=rules,
    )
    return Status(201, _application(application))


@portal.post("/applications/{pk}/withdraw", response=ApplicationOut, summary="신청 철회(마감 전)")
def withdraw(request, pk: IdPath):
    require(access_apply(request.auth), CITIZENS_ONLY)
    application = selectors.my_application(user=request.auth, pk=pk)
    return _application(services.application_withdraw(actor=request.auth, application=application))


class ApplicationStepOut(Schema):
    label: str = Field(..., description="단계: 접수, 자격 확인, 심사, 선발·예비·미선발, 배치")
    state: str = Field(..., description="done(완료), current(진행 중), todo(예정), stopped(여기서 끝남)")
    state_label: str
    on: datetime | date | None = Field(None, description="그 단계의 날짜(예정일 포함)")
    note: str


class ApplicationDocumentOut(Schema):
    label: str
    uploaded: bool
    file_name: str | None
    uploaded_at: datetime | None


class ApplicationDetailOut(ApplicationOut):
    applicant: str
    eligibility: str
    result_announced: bool
    closes_at: datetime
    announce_on: date
    steps: list[ApplicationStepOut]
    documents: list[ApplicationDocumentOut]


def _application_detail(application, applicant: str) -> dict:
    documents = {document.label: document for document in application.documents.all()}
    announced = selectors.result_announced(application=application)
    detail = _application(application)
    if not announced and application.status in selectors.DECIDED:
        detail["status"], detail["status_label"] = "submitted", "심사 중"  # the result is said on its day
    return {
        **detail,
        "applicant": applicant if application.organisation_id else mask_name(applicant),
        "eligibility": selectors.eligibility_text(application),
        "result_announced": announced,
        "closes_at": application.call.closes_at,
        "announce_on": application.call.announce_on,
        "steps": [
            {"label": s.label, "state": s.state, "state_label": s.state_text, "on": s.on, "note": s.note}
            for s in selectors.application_steps(application=application)
        ],
        "documents": [
            {
                "label": label,
                "uploaded": label in documents,
                "file_name": documents[label].original_name if label in documents else None,
                "uploaded_at": documents[label].uploaded_at if label in documents else None,
            }
            for label in application.call.document_lines
        ],
    }


@portal.get(
    "/applications/{pk}", response=ApplicationDetailOut, summary="내 신청 하나: 진행 단계, 자격 확인, 제출 서류"
)
def my_application(request, pk: IdPath):
    require(access_apply(request.auth), CITIZENS_ONLY)
    application = selectors.my_application_page(user=request.auth, pk=pk)
    return _application_detail(application, application.person.name)


@portal.get("/org/applications", response=list[ApplicationOut], summary="우리 기업·단체의 신청")
def org_applications(request):
    require(access_organisation_own(request.auth), ORGANISATIONS_ONLY)
    return [_application(a) for a in selectors.my_org_application_list(user=request.auth)]


@portal.get(
    "/org/applications/{pk}", response=ApplicationDetailOut, summary="우리 기업·단체의 신청 하나: 진행 단계, 제출 서류"
)
def org_application(request, pk: IdPath):
    require(access_organisation_own(request.auth), ORGANISATIONS_ONLY)
    application = selectors.my_org_application_page(user=request.auth, pk=pk)
    return _application_detail(application, application.organisation.name)
