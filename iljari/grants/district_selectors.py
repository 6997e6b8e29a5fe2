"""grants district selectors — reads of the district projects and the ecosystem funding, scoped to the user.

Contract:
- district_project_list(*, user, year=None, district=None, status="", q="", monitoring_missing=None)
      -> QuerySet[DistrictProject]
      office-wide roles every project; a district officer only their own district's (scope_rows). Annotated with
      `jobs_planned` (a subquery, so the list pages in one query). `monitoring_missing` (a month's first day): only
      the projects of district_monitoring_missing for that month.
- district_monitoring_missing(*, user, month) -> QuerySet[DistrictProject]
      running projects in scope whose period covers `month` and whose monthly monitoring of that month is not
      entered; division staff: their own division's programme's. The work list counts these (last month).
- district_project_get(*, user, code) -> DistrictProject           404 outside the user's scope
- district_decision_rows(*, project) -> list[DistrictDecision]   each with its committee decision (meeting)
- district_project_jobs(*, project) -> list[dict]                 planned and latest filled by target group
- district_monitoring_rows(*, project) -> list[DistrictMonitoring] months in order, jobs filled prefetched
- district_summary(*, user, year) -> dict
      per district: projects, jobs planned, budget (total, city, district) and the latest jobs filled; totals;
      jobs planned by target group. Set-based (a fixed number of queries).
- district_years(*, user) -> list[int]
- ecosystem_list(*, user) -> QuerySet[EcosystemSupport]            scoped like the projects; stage-2 total annotated
- ecosystem_get(*, user, code) -> EcosystemSupport                 404 outside the scope
- ecosystem_zone_counts(*, year, as_of) -> dict
      the office's 사회적경제특구 counts from the staged funding (no user: the figures registered from records and
      the indicator 사회적경제 특구 육성(누계) read it): `main` the zones whose 본사업 year runs in `year` and began
      by `as_of`, `year3` those of them in their third 본사업 year, `cumulative` every zone whose 본사업 began by
      `as_of` (누계)
- district_programme_get(*, user, kind="district"|"ecosystem") -> plan.Programme
      the programme (주요업무) the district projects or the ecosystem funding belong to (DISTRICT_PROGRAMME,
      ECOSYSTEM_PROGRAMME); a Korean ValidationFailed when the office's plan does not hold it
Reports may read these selectors; grants imports nothing of reports.
"""

from __future__ import annotations

import calendar
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from iljari.committees.selectors import decision_by_subject
from iljari.core.access import access_district_projects_view, figures_unit_path, require, scope_rows
from iljari.core.errors import NotFound, ValidationFailed
from iljari.grants.committee_subjects import DISTRICT_DECISION
from iljari.grants.models import (
    DistrictDecision,
    DistrictMonitoring,
    DistrictMonitoringJobs,
    DistrictProject,
    DistrictProjectJobs,
    EcosystemSupport,
    EcosystemTranche,
)
from iljari.performance.models import TargetGroup
from iljari.plan.selectors import programme_get

VIEW_MESSAGE = "시-구 협력사업을 볼 권한이 없습니다."


def _scoped(user, queryset: QuerySet, district: str = "district_id") -> QuerySet:
    require(access_district_projects_view(user), VIEW_MESSAGE)
    return scope_rows(user, queryset, district=district)


def _jobs_planned():
    planned = (
        DistrictProjectJobs.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum("planned"))
        .values("total")
    )
    return Coalesce(Subquery(planned, output_field=IntegerField()), Value(0))


def district_monitoring_missing(*, user, month: date) -> QuerySet[DistrictProject]:
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    projects = _scoped(user, DistrictProject.objects.all()).filter(
        status=DistrictProject.Status.RUNNING, starts_on__lte=last, ends_on__gte=first
    )
    projects = projects.exclude(monitoring__month=first)
    unit_path = figures_unit_path(user)
    if unit_path:
        projects = projects.filter(programme__division__path__startswith=unit_path)
    return projects


def district_project_list(
    *,
    user,
    year: int | None = None,
    district: int | None = None,
    status: str = "",
    q: str = "",
    monitoring_missing: date | None = None,
) -> QuerySet[DistrictProject]:
    projects = _scoped(user, DistrictProject.objects.select_related("district"))
    if monitoring_missing is not None:
        missing = district_monitoring_missing(user=user, month=monitoring_missing).values("pk")
        projects = projects.filter(pk__in=missing)
    if year:
        projects = projects.filter(year=year)
    if district:
        projects = projects.filter(district_id=district)
    if status:
        projects = projects.filter(status=status)
    q = (q or "").strip()
    if q:
        projects = projects.filter(Q(title__icontains=q) | Q(operator__icontains=q) | Q(code__icontains=q))
    return projects.annotate(jobs_planned=_jobs_planned()).order_by("-year", "district__sort_order", "code")


def district_project_get(*, user, code: str) -> DistrictProject:
    project = (
        _scoped(user, DistrictProject.objects.select_related("district", "programme", "programme__division"))
        .filter(code=code)
        .first()
    )
    if project is None:
        raise NotFound("시-구 협력사업을 찾을 수 없습니다.")
    return project


def district_monitoring_rows(*, project: DistrictProject) -> list[DistrictMonitoring]:
    return list(
        project.monitoring.order_by("month").prefetch_related(
            Prefetch("jobs", queryset=DistrictMonitoringJobs.objects.order_by("target_group"))
        )
    )


def district_decision_rows(*, project: DistrictProject) -> list[DistrictDecision]:
    """The project's decisions in order, each with `committee_decision`: the 사업 총괄 평가위원회's decision on it (with
    its meeting, committees), or None."""
    decisions = list(project.decisions.order_by("decided_on", "pk"))
    linked = decision_by_subject(subject_type=DISTRICT_DECISION, ids=[d.pk for d in decisions])
    for decision in decisions:
        decision.committee_decision = linked.get(decision.pk)
    return decisions


def district_project_jobs(*, project: DistrictProject, monitoring: list[DistrictMonitoring] | None = None) -> list:
    """Planned jobs and the jobs filled in the latest month, by target group (in TargetGroup's order)."""
    monitoring = district_monitoring_rows(project=project) if monitoring is None else monitoring
    planned = dict(project.job_plans.values_list("target_group", "planned"))
    filled = {job.target_group: job.filled for job in monitoring[-1].jobs.all()} if monitoring else {}
    rows = []
    for group in TargetGroup:
        if group.value in planned or group.value in filled:
            rows.append({"group": group.value, "label": group.label, "planned": planned.get(group.value, 0),
                         "filled": filled.get(group.value, 0)})  # fmt: skip
    return rows


def district_years(*, user) -> list[int]:
    return list(
        _scoped(user, DistrictProject.objects.all()).order_by("-year").values_list("year", flat=True).distinct()
    )


def _latest_filled(projects: QuerySet) -> dict[int, int]:
    """Jobs filled in each project's latest month: {project_id: filled} (one query)."""
    rows = (
        DistrictMonitoringJobs.objects.filter(monitoring__project__in=projects)
        .values_list("monitoring__project_id", "monitoring__month")
        .annotate(filled=Sum("filled"))
        .order_by("monitoring__project_id", "monitoring__month")
    )
    latest: dict[int, int] = {}
    for project_id, _month, filled in rows:
        latest[project_id] = filled  # ordered by month: the last one stays
    return latest


def district_summary(*, user, year: int) -> dict:
    projects = _scoped(user, DistrictProject.objects.filter(year=year))
    by_district = list(
        projects.values("district_id", "district__name", "district__code", "district__sort_order")
        .annotate(
            projects=Count("pk"),
            budget_total=Sum("budget_total"),
            city_share=Sum("city_share"),
            district_share=Sum("district_share"),
        )
        .order_by("district__sort_order", "district__code")
    )
    planned_by_district = dict(
        DistrictProjectJobs.objects.filter(project__in=projects)
        .values_list("project__district_id")
        .annotate(n=Sum("planned"))
        .order_by("project__district_id")
        .values_list("project__district_id", "n")
    )
    district_of = dict(projects.values_list("pk", "district_id"))
    filled_by_district: dict[int, int] = {}
    for project_id, filled in _latest_filled(projects).items():
        district_id = district_of[project_id]
        filled_by_district[district_id] = filled_by_district.get(district_id, 0) + filled
    for row in by_district:
        row["jobs_planned"] = planned_by_district.get(row["district_id"], 0)
        row["jobs_filled"] = filled_by_district.get(row["district_id"], 0)
    groups = dict(
        DistrictProjectJobs.objects.filter(project__in=projects)
        .values_list("target_group")
        .annotate(n=Sum("planned"))
        .order_by("target_group")
        .values_list("target_group", "n")
    )
    by_group = [
        {"group": g.value, "label": g.label, "planned": groups[g.value]} for g in TargetGroup if g.value in groups
    ]
    keys = ("projects", "budget_total", "city_share", "district_share", "jobs_planned", "jobs_filled")
    total = {key: sum(row[key] or 0 for row in by_district) for key in keys}
    total["districts"] = len(by_district)
    total["new_projects"] = projects.filter(is_new=True).count()
    return {"year": year, "districts": by_district, "total": total, "by_group": by_group}


# --- ecosystem funding --------------------------------------------------------------------------------------


def ecosystem_list(*, user) -> QuerySet[EcosystemSupport]:
    stage2 = (
        EcosystemTranche.objects.filter(support=OuterRef("pk"), stage=EcosystemTranche.Stage.MAIN)
        .order_by()
        .values("support")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    stage1 = EcosystemTranche.objects.filter(support=OuterRef("pk"), stage=EcosystemTranche.Stage.PREPARATION)
    return (
        _scoped(user, EcosystemSupport.objects.select_related("district"))
        .annotate(
            stage1_amount=Subquery(stage1.values("amount")[:1]),
            stage1_grade=Subquery(stage1.values("grade")[:1]),
            stage2_total=Coalesce(Subquery(stage2, output_field=IntegerField()), Value(0)),
        )
        .order_by("district__sort_order", "code")
    )


def ecosystem_get(*, user, code: str) -> EcosystemSupport:
    support = (
        _scoped(user, EcosystemSupport.objects.select_related("district", "programme", "programme__division"))
        .filter(code=code)
        .prefetch_related(Prefetch("tranches", queryset=EcosystemTranche.objects.order_by("stage", "year_number")))
        .first()
    )
    if support is None:
        raise NotFound("자치구 생태계 지원 사업을 찾을 수 없습니다.")
    return support


def ecosystem_zone_counts(*, year: int, as_of: date) -> dict[str, int]:
    main = EcosystemTranche.objects.filter(
        support__kind=EcosystemSupport.Kind.SPECIAL_ZONE, stage=EcosystemTranche.Stage.MAIN, starts_on__lte=as_of
    )
    running = main.filter(starts_on__year__lte=year, ends_on__gte=date(year, 1, 1))
    return {
        "main": running.values("support").distinct().count(),
        "year3": running.filter(year_number=3).values("support").distinct().count(),
        "cumulative": main.values("support").distinct().count(),
    }


DISTRICT_PROGRAMME = "P1-05"  # 시-구 상향적·협력적 일자리 창출사업 (the 2018 office's programme code)
ECOSYSTEM_PROGRAMME = "P3-02"  # 자치구 사회적경제 생태계 조성 지원
PROGRAMMES = {
    "district": (DISTRICT_PROGRAMME, "시-구 협력 일자리사업"),
    "ecosystem": (ECOSYSTEM_PROGRAMME, "자치구 사회적경제 생태계 조성 지원"),
}


def district_programme_get(*, user, kind: str):
    code, title = PROGRAMMES[kind]
    try:
        return programme_get(user=user, code=code)
    except NotFound:
        raise ValidationFailed(f"{title}(주요업무 {code})이 등록되어 있지 않습니다.") from None
