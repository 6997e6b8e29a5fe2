"""intake selectors — calls, their figures, applications.

Contract:
- call_list(*, user) -> QuerySet[Call]
      office staff and auditors: every call; a district officer: the calls with a quota of their district; each
      with `places`, the sum of all its quotas' places (the figure call_figures totals)
- call_todo_list(*, user, todo, on) -> QuerySet[Call]
      todo "closing": calls whose application period closes within CALL_CLOSING_DAYS days from `on` (that day
      included); "selection": calls closed before `on` whose selection has never run nor been confirmed; in the
      user's scope, division staff their own division's programmes' only. The work list counts these and links to
      the call list filtered to them (?todo=&on=).
- call_approvals(*, call) -> dict                              its open approvals (결재 중): publish, confirm
- call_confirm_at_once(*, user, call) -> bool                 the user confirms its selection at once (전결)
- open_call_list(*, now=None) -> QuerySet[Call]                (portal: published calls for people open now)
- call_get(*, user, code) -> Call                              (office, in the same scope; 404 outside)
- portal_call_get(*, code) -> Call                             (portal: published calls for people; else 404)
- portal_call_rules_get(*, code) -> tuple[Call, CallRules]
      (portal submissions) the call, read fresh, with its quotas and rules from a per-process cache: one query while
      they are unchanged. The call's query carries a version of them (the call's updated_at, and each of quotas,
      eligibility and priority rules' row count and latest updated_at); a different version loads them again, so
      a change made by any process is seen by the next submission. (A write that goes around the models' save —
      a queryset update of a quota or a rule — must set updated_at too, or the processes keep what they read.)
- call_rules(*, call) -> CallRules                             (the same for a call read without the version: loaded)
- call_figures(*, call) -> CallFigures                         places, applicants, competition ratio per quota
- application_list(*, user, call, status="", query="") -> QuerySet[Application]
      submitted ones (drafts are the citizen's); a district officer sees only their district quotas' applications;
      `query` finds a part of the applicant's name (a person's or an organisation's) or, in digits, the 접수번호
      exactly; each with `sort_name` (the applicant's name), `total` (the review scores' sum) and `rank` (in its
      quota, in the call's latest selection run; None before one); in the order of the quota, the score (highest
      first), pk — a page re-sorts it by its list spec (intake/lists.py)
- person_application_list(*, user, person_id) / organisation_application_list(*, user, organisation_id)
      -> QuerySet[Application]   one applicant's submitted applications in the user's scope, newest first (the
      participant's and the organisation's one page in web)
- registrable_quotas(*, user, call) -> list[Quota]            the quotas this user may register paper applications to
- application_get(*, user, pk) -> Application                 one submitted application of a call in scope (404 outside)
- call_programmes(*, user) -> QuerySet[Programme]             the programmes whose calls this user may make and edit
- my_application_list(*, user) -> QuerySet[Application]        (a citizen's own, drafts first)
- my_application_get(*, user, call) -> Application | None      (a citizen's own for one call, with its documents)
- my_application(*, user, pk) -> Application                  (a citizen's own by number; anyone else's: 404)
- application_document_get(*, user, pk) -> ApplicationDocument
      the applicant's own (a citizen's, or an organisation account's for its organisation), or for staff a
      submitted application's of a call in their scope
      (core.access.access_application_documents); anyone else gets 404, roles without the applications 403.
- my_application_page(*, user, pk) / my_org_application_page(*, user, pk) -> Application
      the applicant's own application (a citizen's; an organisation account's organisation's) with its call and
      documents; anyone else's: 404
- application_steps(*, application, today=None) -> list[Step]
      접수 → 자격 확인 → 심사 → 선발·예비·미선발 → 배치: each done, current, not reached or where it stopped, with
      its day and a word (the result only from the announcement day: result_announced); eligibility_text in words
- applicant_template(*, call, quotas=None) -> bytes           the xlsx template of the bulk upload
- competition_ratio_text(applicants, places) -> "7:1"

Open to all (no login; the public call list and each call's public page):
- public_call_list(*, audience="people", query="", programme="", target_group="", district="", status="",
  now=None) -> QuerySet[Call]
      published calls only (a call waiting for its publishing approval is never shown), of one audience, each with
      `places` (모집 인원, as call_list); `query` finds a part of the title, `programme` a programme's code,
      `target_group` a TargetGroup value, `district` a district's code (a call with a quota of that district),
      `status` one of PUBLIC_STATUSES (upcoming: opens later; open: open now; closed: closed). Unordered: the page
      orders it by its list spec (intake/lists.py PUBLIC_CALLS).
- public_call_filters(*, audience="people") -> dict   the choices of the list's filters: programmes with a published
  call, districts with a quota in one, the target groups and the statuses
- public_call_get(*, code) -> Call   a published call of either audience, with its programme's division, quotas
  (and their districts), eligibility and priority rules; anything else 404
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from iljari.approvals.selectors import approval_at_once, approval_open_for
from iljari.core.access import (
    access_application_documents,
    access_applications_register,
    access_applications_view,
    access_apply,
    access_calls_manage_any,
    access_organisation_own,
    figures_unit_path,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.core.xlsx import Column, xlsx_table
from iljari.intake.models import (
    Application,
    ApplicationDocument,
    Call,
    ConflictDeclaration,
    EligibilityRule,
    PriorityRule,
    Quota,
    ReviewScore,
    SelectionResult,
    SelectionRun,
)
from iljari.org.models import District
from iljari.performance.models import TargetGroup
from iljari.plan.models import Programme

# Applications that count as applied (figures, competition ratio): not a draft, not withdrawn.
COUNTED = [s for s in Application.Status.values if s not in (Application.Status.DRAFT, Application.Status.WITHDRAWN)]

# The bulk upload of paper applications (services.application_bulk_import). Every column is read as text and
# checked there, so that one upload lists every error of every row.
APPLICANT_COLUMNS = [
    Column("name", "이름", required=False),
    Column("birth_date", "생년월일", required=False),
    Column("sex", "성별", required=False),
    Column("rrn", "주민등록번호", required=False),
    Column("phone", "연락처", required=False),
    Column("district", "자치구", required=False),
    Column("quota", "선발구분코드", required=False),
    Column("regular_income", "정기소득 여부", required=False),
    Column("job_seeker", "구직등록", required=False),
    Column("basic_livelihood", "기초생활수급", required=False),
    Column("veteran", "국가유공자", required=False),
    Column("disability", "장애인", required=False),
]


def competition_ratio_text(applicants: int, places: int) -> str:
    """As the office prints it: 6,617 applicants for 944 places is "7:1", 541 for 100 is "5.4:1"."""
    if not places:
        return "-"
    ratio = (Decimal(applicants) / Decimal(places)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{ratio:f}".rstrip("0").rstrip(".")
    return f"{text}:1"


def _calls(user) -> QuerySet[Call]:
    require(access_applications_view(user))
    in_scope = scope_rows(user, Call.objects.all(), district="quotas__district").values("pk")
    return Call.objects.filter(pk__in=in_scope)


def call_approvals(*, call: Call) -> dict:
    """The open approvals (결재 중) of a call's acts: {"publish": request | None, "confirm": request | None}."""
    return {
        "publish": approval_open_for(act="intake.call_publish", key=call.code),
        "confirm": approval_open_for(act="intake.selection_confirm", key=call.code),
    }


def call_confirm_at_once(*, user, call: Call) -> bool:
    """Does the user's own position confirm the call's selection at once (전결), without choosing a line?"""
    return approval_at_once(user=user, act="intake.selection_confirm", target=call)


def call_places():
    """A call's 인원: the sum of its quotas' places, as a subquery (a join would be multiplied by whatever else the
    query joins, and a distinct sum would count two quotas of the same size once); 0 for a call without quotas, as
    `call_figures` counts it."""
    total = Quota.objects.filter(call=OuterRef("pk")).order_by().values("call").annotate(total=Sum("places"))
    return Coalesce(Subquery(total.values("total")), 0)


def call_list(*, user) -> QuerySet[Call]:
    return (
        _calls(user)
        .select_related("programme", "programme__division")
        .annotate(places=call_places())
        .order_by("-opens_at", "code")
    )


CALL_CLOSING_DAYS = 7
CALL_TODO = ("closing", "selection")


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def call_todo_list(*, user, todo: str, on: date) -> QuerySet[Call]:
    if todo not in CALL_TODO:
        raise ValueError(f"unknown call filter: {todo}")
    calls = _calls(user)
    unit_path = figures_unit_path(user)
    if unit_path:
        calls = calls.filter(programme__division__path__startswith=unit_path)
    if todo == "closing":
        return calls.filter(
            closes_at__gte=_day_start(on), closes_at__lt=_day_start(on + timedelta(days=CALL_CLOSING_DAYS + 1))
        )
    return calls.filter(closes_at__lt=_day_start(on), selection_confirmed_at__isnull=True).exclude(
        Exists(SelectionRun.objects.filter(call=OuterRef("pk")))
    )


def open_call_list(*, now=None) -> QuerySet[Call]:
    now = now or timezone.now()
    return Call.objects.filter(
        audience=Call.Audience.PEOPLE, published_at__isnull=False, opens_at__lte=now, closes_at__gt=now
    ).select_related("programme")


def call_get(*, user, code: str) -> Call:
    call = (
        _calls(user)
        .select_related("programme", "programme__division", "selection_confirmed_by")
        .prefetch_related(Prefetch("quotas", queryset=Quota.objects.select_related("district")))
        .filter(code=code)
        .first()
    )
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    return call


def portal_call_get(*, code: str) -> Call:
    call = (
        Call.objects.select_related("programme")
        .filter(code=code, audience=Call.Audience.PEOPLE, published_at__isnull=False)
        .first()
    )
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    return call


@dataclass(frozen=True)
class CallRules:
    """A call's quotas (by code), eligibility rules and priority rules, as one submission reads them. The instances
    are shared by the requests of a process: read them, never change them (`quota()` hands out a copy, since the
    application it goes into caches related rows on it)."""

    version: tuple | None
    quotas: dict[str, Quota] = field(default_factory=dict)
    eligibility: tuple[EligibilityRule, ...] = ()
    priorities: tuple[PriorityRule, ...] = ()

    def quota(self, code: str) -> Quota | None:
        quota = self.quotas.get(code)
        return copy.copy(quota) if quota is not None else None


@functools.cache
def _call_with_version_sql() -> str:
    """The call's columns and, for each of its quotas, eligibility rules and priority rules, the row count and the
    latest updated_at: a row added, changed or deleted changes them. Written out once (the ORM would build the three
    subqueries again for every submission)."""
    call = Call._meta.db_table
    columns = ", ".join(f'{call}."{f.column}"' for f in Call._meta.concrete_fields)
    rows = "FROM {} r WHERE r.call_id = {}.id"  # nosec B608 - names from the models
    versions = ", ".join(
        f"(SELECT COUNT(*) {rows.format(model._meta.db_table, call)}) AS {name}_count, "
        f"(SELECT MAX(r.updated_at) {rows.format(model._meta.db_table, call)}) AS {name}_updated"
        for name, model in (("quotas", Quota), ("eligibility", EligibilityRule), ("priorities", PriorityRule))
    )
    where = f"{call}.code = %s AND {call}.audience = %s AND {call}.published_at IS NOT NULL"
    return f"SELECT {columns}, {versions} FROM {call} WHERE {where}"  # noqa: S608 - names from the models, values are parameters # nosec B608


# call pk -> its CallRules, in this process; a version differing from the call's row replaces the entry.
_RULES: dict[int, CallRules] = {}
_RULES_MAX = 500  # calls kept at most (a few dozen are open at a time); beyond it the cache starts again


def _rules_load(call: Call, version: tuple | None) -> CallRules:
    return CallRules(
        version=version,
        quotas={quota.code: quota for quota in Quota.objects.filter(call_id=call.pk)},
        eligibility=tuple(EligibilityRule.objects.filter(call_id=call.pk)),
        priorities=tuple(PriorityRule.objects.filter(call_id=call.pk)),
    )


def call_rules(*, call: Call) -> CallRules:
    version = getattr(call, "rules_version", None)
    if version is None:
        return _rules_load(call, None)
    rules = _RULES.get(call.pk)
    if rules is None or rules.version != version:
        rules = _rules_load(call, version)
        if len(_RULES) >= _RULES_MAX:
            _RULES.clear()
        _RULES[call.pk] = rules
    return rules


def portal_call_rules_get(*, code: str) -> tuple[Call, CallRules]:
    call = next(iter(Call.objects.raw(_call_with_version_sql(), [code, Call.Audience.PEOPLE.value])), None)
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    call.rules_version = (
        call.created_at,
        call.updated_at,
        *(
            (getattr(call, f"{name}_count"), getattr(call, f"{name}_updated"))
            for name in ("quotas", "eligibility", "priorities")
        ),
    )
    return call, call_rules(call=call)


@dataclass
class QuotaFigures:
    quota: object
    applicants: int
    selected: int
    waitlisted: int

    @property
    def ratio(self) -> str:
        return competition_ratio_text(self.applicants, self.quota.places)


@dataclass
class CallFigures:
    quotas: list[QuotaFigures]

    @property
    def places(self) -> int:
        return sum(q.quota.places for q in self.quotas)

    @property
    def applicants(self) -> int:
        return sum(q.applicants for q in self.quotas)

    @property
    def ratio(self) -> str:
        return competition_ratio_text(self.applicants, self.places)


def call_figures(*, call: Call) -> CallFigures:
    quotas = (
        call.quotas.select_related("district")
        .annotate(
            applicants=Count("applications", filter=Q(applications__status__in=COUNTED)),
            selected=Count("applications", filter=Q(applications__status=Application.Status.SELECTED)),
            waitlisted=Count("applications", filter=Q(applications__status=Application.Status.WAITLISTED)),
        )
        .order_by("order", "code")
    )  # Meta.ordering is not applied to a GROUP BY query: say it
    return CallFigures([QuotaFigures(q, q.applicants, q.selected, q.waitlisted) for q in quotas])


@dataclass(frozen=True)
class Funnel:
    """접수 → 서면심사 통과 → 선정: the call's funnel (one aggregate)."""

    applied: int
    passed_document_review: int
    selected: int


def call_funnel(*, call: Call) -> Funnel:
    counts = call.applications.aggregate(
        applied=Count("pk", filter=Q(status__in=COUNTED)),
        screened_out=Count("pk", filter=Q(status=Application.Status.SCREENED_OUT)),
        selected=Count("pk", filter=Q(status=Application.Status.SELECTED)),
    )
    return Funnel(counts["applied"], counts["applied"] - counts["screened_out"], counts["selected"])


def _applicant_applications(user, **applicant) -> QuerySet[Application]:
    require(access_applications_view(user))
    rows = Application.objects.filter(**applicant).exclude(status=Application.Status.DRAFT)
    return (
        scope_rows(user, rows, district="quota__district")
        .select_related("call", "quota")
        .order_by("-submitted_at", "-pk")
    )


def person_application_list(*, user, person_id: int) -> QuerySet[Application]:
    return _applicant_applications(user, person_id=person_id)


def organisation_application_list(*, user, organisation_id: int) -> QuerySet[Application]:
    return _applicant_applications(user, organisation_id=organisation_id)


def application_list(*, user, call: Call, status: str = "", query: str = "") -> QuerySet[Application]:
    require(access_applications_view(user))
    latest_run = call.selection_runs.order_by("-run_at", "-pk").values_list("pk", flat=True).first()
    rank = SelectionResult.objects.filter(application=OuterRef("pk"), run_id=latest_run).values("rank")[:1]
    applications = (
        scope_rows(user, call.applications.all(), district="quota__district")
        .exclude(status=Application.Status.DRAFT)
        .select_related("person", "organisation", "quota")
        .prefetch_related(
            Prefetch("documents", queryset=ApplicationDocument.objects.only("pk", "application_id", "label"))
        )
        .annotate(
            total=Sum("scores__score"),
            sort_name=Coalesce("person__name", "organisation__name"),
            rank=Subquery(rank) if latest_run is not None else Value(None, output_field=IntegerField()),
        )
    )
    if status:
        applications = applications.filter(status=status)
    query = " ".join(query.split())
    if query:
        by_name = Q(person__name__icontains=query) | Q(organisation__name__icontains=query)
        number = query.isdecimal() and len(query) <= 9  # a 접수번호
        applications = applications.filter(by_name | Q(pk=int(query)) if number else by_name)
    return applications.order_by("quota__order", F("total").desc(nulls_last=True), "pk")


def application_get(*, user, pk: int) -> Application:
    require(access_applications_view(user))
    application = (
        scope_rows(user, Application.objects.all(), district="quota__district")
        .exclude(status=Application.Status.DRAFT)
        .select_related("call__programme__division", "person", "organisation", "quota")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    return application


def call_programmes(*, user):
    require(access_calls_manage_any(user), "모집공고를 만들 권한이 없습니다.")
    programmes = Programme.objects.select_related("division").order_by("code")
    path = figures_unit_path(user)
    return programmes.filter(division__path__startswith=path) if path else programmes


def registrable_quotas(*, user, call: Call) -> list[Quota]:
    division = call.programme.division.path
    return [q for q in call.quotas.all() if access_applications_register(user, division, q.district_id)]


def my_application_list(*, user) -> QuerySet[Application]:
    return (
        Application.objects.filter(person__user=user)
        .select_related("call", "quota")
        .order_by(F("submitted_at").desc(nulls_first=True), "-pk")
    )


def my_application(*, user, pk: int) -> Application:
    application = my_application_list(user=user).filter(pk=pk).first()
    if application is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    return application


def my_application_get(*, user, call: Call) -> Application | None:
    return (
        Application.objects.filter(person__user=user, call=call)
        .select_related("quota")
        .prefetch_related("documents")
        .first()
    )


def application_document_get(*, user, pk: int) -> ApplicationDocument:
    document = (
        ApplicationDocument.objects.select_related("application__person", "application__call__programme__division")
        .filter(pk=pk)
        .first()
    )
    if access_apply(user):
        if document is None or document.application.person is None or document.application.person.user_id != user.pk:
            raise NotFound("제출 서류를 찾을 수 없습니다.")
        return document
    if access_organisation_own(user):
        if document is None or document.application.organisation_id != user.organisation_id:
            raise NotFound("제출 서류를 찾을 수 없습니다.")
        return document
    require(access_applications_view(user))
    if (
        document is None
        or document.application.status == Application.Status.DRAFT
        or not access_application_documents(user, document.application.call.programme.division.path)
    ):
        raise NotFound("제출 서류를 찾을 수 없습니다.")
    return document


def applicant_template(*, call: Call, quotas=None) -> bytes:
    """The upload template; its note names the quota codes the uploader may use (default: all the call's)."""
    quotas = call.quotas.all() if quotas is None else quotas
    codes = ", ".join(f"{quota.code}({quota.name})" for quota in quotas)
    return xlsx_table(
        title="신청자 일괄 등록",
        columns=APPLICANT_COLUMNS,
        rows=[],
        note=(
            f"{call.title} · 4행부터 한 사람씩 적습니다. 생년월일 1990-05-05, 성별 남/여, 주민등록번호 900505-1234567, "
            f"자치구 이름(예: 강동구), 선발구분코드 {codes}, 나머지 여부 칸은 예/아니오."
        ),
    )


# --- calls for organisations ----------------------------------------------------------------------------------


def org_open_call_list(*, now=None) -> QuerySet[Call]:
    """The calls for organisations open now (the organisation's home)."""
    now = now or timezone.now()
    return Call.objects.filter(
        audience=Call.Audience.ORGANISATIONS, published_at__isnull=False, opens_at__lte=now, closes_at__gt=now
    ).select_related("programme")


def org_portal_call_get(*, code: str) -> Call:
    call = (
        Call.objects.filter(audience=Call.Audience.ORGANISATIONS, code=code, published_at__isnull=False)
        .select_related("programme__division")
        .prefetch_related("quotas", "criteria")
        .first()
    )
    if call is None:
        raise NotFound("공고를 찾을 수 없습니다.")
    return call


def my_org_application_list(*, user) -> QuerySet[Application]:
    """The applications of the organisation the account represents."""
    require(access_organisation_own(user), "기업·단체 담당자로 지정된 계정만 볼 수 있습니다.")
    return (
        Application.objects.filter(organisation_id=user.organisation_id)
        .select_related("call", "quota")
        .order_by(F("submitted_at").desc(nulls_first=True), "-pk")
    )


def application_review_sheet(*, user, application: Application) -> dict:
    """What a reviewer sees of an application: the call's criteria, every reviewer's scores by stage (criterion
    points included), the conflicts declared, and whether this reviewer declared one."""
    scores = list(
        ReviewScore.objects.filter(application=application)
        .select_related("reviewer")
        .prefetch_related("criterion_scores__criterion")
        .order_by("stage", "reviewer__username")
    )
    conflicts = list(ConflictDeclaration.objects.filter(application=application).select_related("reviewer"))
    return {
        "criteria": list(application.call.criteria.all()),
        "scores": scores,
        "conflicts": conflicts,
        "declared": any(c.reviewer_id == user.pk for c in conflicts),
        "mine": {s.stage: s for s in scores if s.reviewer_id == user.pk},
    }


# --- an applicant's own application: its page, its steps ------------------------------------------------------

STEP_LABELS = ("접수", "자격 확인", "심사", "선발·예비·미선발", "배치")
DECIDED = (Application.Status.SELECTED, Application.Status.WAITLISTED, Application.Status.NOT_SELECTED)


@dataclass(frozen=True)
class Step:
    """One step of an application as its applicant follows it: reached (done), the one it is at now (current), or
    not reached yet; the day it happened or is planned, and a word on its result."""

    label: str
    state: str  # "done", "current", "todo", "stopped" (the application ended here)
    on: date | datetime | None = None
    note: str = ""
    here: bool = False  # where the application is now: the step in progress, else the last one reached

    @property
    def state_text(self) -> str:
        return {"done": "완료", "current": "진행 중", "todo": "예정", "stopped": "종료"}[self.state]


def result_announced(*, application: Application, today: date | None = None) -> bool:
    """Whether the applicant may see the selection's result: the announcement day has come (a confirmed selection
    of an organisation's call is announced at once)."""
    today = today or timezone.localdate()
    call = application.call
    if application.organisation_id is not None and call.selection_confirmed:
        return True
    return call.announce_on <= today


def eligibility_text(application: Application) -> str:
    """The eligibility result in words."""
    if application.status == Application.Status.DRAFT:
        return "제출하면 신청 자격을 확인합니다."
    if application.status == Application.Status.INELIGIBLE:
        reasons = application.ineligible_reasons.strip()
        return f"신청 자격을 갖추지 못했습니다. {reasons}" if reasons else "신청 자격을 갖추지 못했습니다."
    if application.organisation_id is not None:
        return "공모 대상 기업·단체로 접수했습니다."
    points = f" 우선 선발 가점 {application.priority_points}점." if application.priority_points else ""
    return f"신청 자격 요건을 모두 갖추었습니다.{points}"


def application_steps(*, application: Application, today: date | None = None) -> list[Step]:
    """The steps (_steps), the one the application is at now marked `here`."""
    steps = _steps(application, today)
    at = next((i for i, s in enumerate(steps) if s.state == "current"), None)
    if at is None:
        at = max((i for i, s in enumerate(steps) if s.state != "todo"), default=0)
    return [replace(s, here=i == at) for i, s in enumerate(steps)]


def _steps(application: Application, today: date | None) -> list[Step]:
    """접수 → 자격 확인 → 심사 → 선발·예비·미선발 → 배치, each done, current, not reached, or where the application
    stopped (withdrawn, ineligible, screened out, not selected, declined), with its day."""
    today = today or timezone.localdate()
    call = application.call
    status = application.status
    S = Application.Status
    announced = result_announced(application=application, today=today)
    if status == S.DRAFT:
        return [
            Step("접수", "current", call.closes_at, "임시저장: 마감 전에 제출해야 접수됩니다."),
            Step("자격 확인", "todo"),
            Step("심사", "todo", call.closes_at),
            Step("선발·예비·미선발", "todo", call.announce_on),
            Step("배치", "todo"),
        ]
    received = Step("접수", "done", application.submitted_at, f"접수번호 {application.pk}")
    if status == S.WITHDRAWN:
        return [
            Step("접수", "stopped", application.submitted_at, "신청을 철회했습니다."),
            Step("자격 확인", "todo"),
            Step("심사", "todo"),
            Step("선발·예비·미선발", "todo"),
            Step("배치", "todo"),
        ]
    if status == S.INELIGIBLE:
        return [
            received,
            Step("자격 확인", "stopped", None, eligibility_text(application)),
            Step("심사", "todo"),
            Step("선발·예비·미선발", "todo"),
            Step("배치", "todo"),
        ]
    checked = Step("자격 확인", "done", application.submitted_at, eligibility_text(application))
    reviewing = call.closes_at <= timezone.now()
    if status == S.SCREENED_OUT:
        review = Step("심사", "stopped", call.closes_at, "서면심사에서 탈락했습니다.")
        return [received, checked, review, Step("선발·예비·미선발", "todo"), Step("배치", "todo")]
    decided = status in DECIDED or status == S.DECLINED
    if not decided or not announced:
        review = Step("심사", "current" if reviewing else "todo", call.closes_at, _review_note(call, reviewing))
        result = Step("선발·예비·미선발", "todo", call.announce_on, "발표 예정")
        return [received, checked, review, result, Step("배치", "todo")]
    review = Step("심사", "done", call.closes_at)
    if status == S.NOT_SELECTED:
        result = Step("선발·예비·미선발", "stopped", call.announce_on, "선발되지 않았습니다.")
        return [received, checked, review, result, Step("배치", "todo")]
    if status == S.WAITLISTED:
        result = Step("선발·예비·미선발", "current", call.announce_on, "예비 선발자입니다. 자리가 나면 선발됩니다.")
        return [received, checked, review, result, Step("배치", "todo")]
    if status == S.DECLINED:
        result = Step("선발·예비·미선발", "stopped", call.announce_on, "선발을 포기했습니다.")
        return [received, checked, review, result, Step("배치", "todo")]
    result = Step("선발·예비·미선발", "done", call.announce_on, "선발되었습니다.")
    if application.placed_at:
        return [received, checked, review, result, Step("배치", "done", application.placed_at, "배치되었습니다.")]
    return [received, checked, review, result, Step("배치", "current", None, "배치를 기다리고 있습니다.")]


def _review_note(call: Call, reviewing: bool) -> str:
    kinds = [name for name, held in (("서면심사", call.has_document_review), ("면접", call.has_interview)) if held]
    what = "·".join(kinds) or "선발"
    return f"{what} 진행 중" if reviewing else f"접수 마감 뒤 {what}"


def my_application_page(*, user, pk: int) -> Application:
    """A citizen's own application with its call and documents (anyone else's: 404)."""
    application = (
        my_application_list(user=user)
        .select_related("call__programme", "person")
        .prefetch_related("documents")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    return application


def my_org_application_page(*, user, pk: int) -> Application:
    """An organisation account's own organisation's application (any other: 404)."""
    application = (
        my_org_application_list(user=user)
        .select_related("call__programme__division", "organisation")
        .prefetch_related("documents")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    return application


# --- open to all ------------------------------------------------------------------------------------------------

PUBLIC_STATUSES = {"upcoming": "접수 예정", "open": "접수 중", "closed": "마감"}


def public_call_list(
    *,
    audience: str = Call.Audience.PEOPLE,
    query: str = "",
    programme: str = "",
    target_group: str = "",
    district: str = "",
    status: str = "",
    now=None,
) -> QuerySet[Call]:
    now = now or timezone.now()
    calls = Call.objects.filter(audience=audience, published_at__isnull=False)
    if query:
        calls = calls.filter(title__icontains=query)
    if programme:
        calls = calls.filter(programme__code=programme)
    if target_group:
        calls = calls.filter(target_group=target_group)
    if district:
        calls = calls.filter(Exists(Quota.objects.filter(call=OuterRef("pk"), district__code=district)))
    if status == "upcoming":
        calls = calls.filter(opens_at__gt=now)
    elif status == "open":
        calls = calls.filter(opens_at__lte=now, closes_at__gt=now)
    elif status == "closed":
        calls = calls.filter(closes_at__lte=now)
    return calls.select_related("programme").annotate(places=call_places())


def public_call_filters(*, audience: str = Call.Audience.PEOPLE) -> dict:
    published = Call.objects.filter(audience=audience, published_at__isnull=False)
    programmes = (
        Programme.objects.filter(Exists(published.filter(programme=OuterRef("pk"))))
        .order_by("code")
        .values_list("code", "title")
    )
    districts = (
        District.objects.filter(Exists(Quota.objects.filter(district=OuterRef("pk"), call__in=published)))
        .order_by("sort_order", "code")
        .values_list("code", "name")
    )
    return {
        "programmes": list(programmes),
        "districts": list(districts),
        "target_groups": list(TargetGroup.choices),
        "statuses": list(PUBLIC_STATUSES.items()),
    }


def public_call_get(*, code: str) -> Call:
    call = (
        Call.objects.filter(code=code, published_at__isnull=False)
        .select_related("programme", "programme__division")
        .prefetch_related(
            Prefetch("quotas", queryset=Quota.objects.select_related("district").order_by("order", "code")),
            "eligibility_rules",
            "priority_rules",
        )
        .first()
    )
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    return call
