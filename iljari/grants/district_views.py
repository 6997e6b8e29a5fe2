"""District-project pages (시-구 협력 일자리사업): the list with filters and paging, its xlsx export, a year's summary
by district, a project's page (monitoring table and chart, jobs by target group, mid-term reviews, committee
decisions, and the forms the user may use), registration; and the districts' staged ecosystem funding. Parse, call
one service or selector, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_committees_view,
    access_district_monitoring_enter,
    access_district_projects_manage,
    access_district_projects_manage_any,
    access_district_projects_view,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.errors import NotFound
from iljari.core.formats import format_won, screen_month
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.lists import list_note, list_read
from iljari.core.xlsx import Column, xlsx_table
from iljari.grants import district_selectors as selectors
from iljari.grants import district_services as services
from iljari.grants.district_forms import (
    DecisionForm,
    DistrictProjectFilterForm,
    DistrictProjectForm,
    EcosystemSupportForm,
    MonitoringForm,
    ReviewForm,
    SummaryForm,
    TrancheEvaluationForm,
    TrancheForm,
    jobs_of,
)
from iljari.grants.lists import DISTRICT_PROJECTS
from iljari.org import selectors as org_selectors
from iljari.performance.models import TargetGroup

CHART_WIDTH, CHART_HEIGHT, CHART_LEFT, CHART_BOTTOM, CHART_TOP = 560, 220, 48, 32, 16


def _filters(request):
    user = request.user
    form = DistrictProjectFilterForm(
        request.GET or None,
        years=selectors.district_years(user=user),
        districts=org_selectors.district_list(user=user).order_by("sort_order", "code"),
    )
    return form, (form.cleaned_data if form.is_valid() else {})


@login_required
def district_project_list(request):
    require(access_district_projects_view(request.user))
    form, filters = _filters(request)
    listing = list_read(request, DISTRICT_PROJECTS)
    rows = listing.order(selectors.district_project_list(user=request.user, **filters))
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_district_projects_manage_any(request.user),
    }
    return render(request, "grants/district/project_list.html", context)


@login_required
def district_project_export(request):
    require(access_district_projects_view(request.user))
    _form, filters = _filters(request)
    listing = list_read(request, DISTRICT_PROJECTS)
    projects = listing.order(selectors.district_project_list(user=request.user, **filters))
    columns = [
        Column("code", "사업코드"),
        Column("year", "연도", "int"),
        Column("district", "자치구"),
        Column("title", "사업명"),
        Column("operator", "수행기관", required=False),
        Column("kind", "구분"),
        Column("jobs_planned", "계획 일자리", "int"),
        Column("budget_total", "총사업비(원)", "int"),
        Column("city_share", "시비(원)", "int"),
        Column("district_share", "구비(원)", "int"),
        Column("ratio", "시:구 비율"),
        Column("status", "상태"),
    ]
    rows = [
        {"code": p.code, "year": p.year, "district": p.district.name, "title": p.title, "operator": p.operator,
         "kind": "신규" if p.is_new else "계속", "jobs_planned": p.jobs_planned, "budget_total": p.budget_total,
         "city_share": p.city_share, "district_share": p.district_share, "ratio": p.ratio_text,
         "status": p.get_status_display()}
        for p in projects
    ]  # fmt: skip
    data = xlsx_table(
        title="시-구 협력 일자리사업",
        columns=columns,
        rows=rows,
        note=f"시-구 협력 일자리사업 목록 · {list_note(listing)}",
    )
    response = HttpResponse(data, content_type=XLSX)
    download_named(response, "시-구 협력 일자리사업 목록.xlsx", fallback="district-projects.xlsx")
    return response


@login_required
def district_summary(request):
    require(access_district_projects_view(request.user))
    form = SummaryForm(request.GET or None)
    years = selectors.district_years(user=request.user)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or (years[0] if years else 2018)
    summary = selectors.district_summary(user=request.user, year=year)
    return render(request, "grants/district/summary.html", {"form": form, "summary": summary, "year": year})


def _chart(monitoring) -> dict:
    """Bars of the jobs filled per month (an inline SVG, drawn here; the table beside it has the numbers)."""
    values = [sum(job.filled for job in row.jobs.all()) for row in monitoring]
    top = max(values, default=0) or 1
    plot_w, plot_h = CHART_WIDTH - CHART_LEFT - 8, CHART_HEIGHT - CHART_BOTTOM - CHART_TOP
    step = plot_w / max(len(values), 1)
    bars = []
    for index, (row, value) in enumerate(zip(monitoring, values, strict=True)):
        height = plot_h * value / top
        bars.append({"x": round(CHART_LEFT + index * step + step * 0.15, 1), "width": round(step * 0.7, 1),
                     "y": round(CHART_TOP + plot_h - height, 1), "height": round(height, 1), "value": value,
                     "label": f"{row.month.month}월", "text_y": round(CHART_TOP + plot_h - height - 4, 1),
                     "label_x": round(CHART_LEFT + index * step + step / 2, 1)})  # fmt: skip
    return {"bars": bars, "width": CHART_WIDTH, "height": CHART_HEIGHT, "top": top, "axis_y": CHART_TOP + plot_h,
            "label_y": CHART_TOP + plot_h + 18, "left": CHART_LEFT, "right": CHART_WIDTH - 8}  # fmt: skip


def _project_page(request, project, *, status=200, **forms):
    user = request.user
    monitoring = selectors.district_monitoring_rows(project=project)
    jobs = selectors.district_project_jobs(project=project, monitoring=monitoring)
    groups = [(row["group"], row["label"]) for row in jobs] or TargetGroup.choices
    can_monitor = access_district_monitoring_enter(user, project)
    can_manage = access_district_projects_manage(user, project.programme.division.path)
    context = {
        "project": project,
        "monitoring": monitoring,
        "jobs": jobs,
        "groups": groups,
        "chart": _chart(monitoring),
        "reviews": list(project.reviews.order_by("reviewed_on", "pk")),
        "decisions": selectors.district_decision_rows(project=project),
        "can_committees": access_committees_view(user),
        "can_monitor": can_monitor,
        "can_manage": can_manage,
        "monitoring_form": forms.get("monitoring_form") or MonitoringForm(groups=groups),
        "review_form": forms.get("review_form") or ReviewForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(),
    }
    return render(request, "grants/district/project_detail.html", context, status=status)


@login_required
def district_project_detail(request, code: str):
    project = selectors.district_project_get(user=request.user, code=code)
    return _project_page(request, project)


@login_required
def district_project_create(request):
    require(access_district_projects_manage_any(request.user))
    form = DistrictProjectForm(request.POST or None, districts=org_selectors.district_list(user=request.user))

    def save(data):
        programme = selectors.district_programme_get(user=request.user, kind="district")
        jobs = jobs_of(data)
        fields = {k: v for k, v in data.items() if not k.startswith("jobs_")}
        project = services.district_project_register(actor=request.user, programme=programme, jobs=jobs, **fields)
        return f"{project.district.name} {project.title} 사업을 등록했습니다.", project.get_absolute_url()

    return service_step(
        request, save, form=form,
        render_page=lambda f, status: render(request, "grants/district/project_form.html", {"form": f}, status=status),
    )  # fmt: skip


def _project_step(request, code, form_factory, form_key, act):
    """A step on a project's page (`act(project, data) -> message`): the page again with the form's errors.
    `form_factory(project)` checks the user's gate for this step and builds the bound form."""
    project = selectors.district_project_get(user=request.user, code=code)
    return service_step(
        request,
        lambda data: (act(project, data), project.get_absolute_url()),
        form=form_factory(project),
        render_page=lambda form, status: _project_page(request, project, status=status, **{form_key: form}),
    )


@login_required
@require_POST
def district_monitoring_record(request, code: str):
    def make_form(project):
        require(access_district_monitoring_enter(request.user, project))
        planned = [(g, TargetGroup(g).label) for g in project.job_plans.values_list("target_group", flat=True)]
        return MonitoringForm(request.POST, groups=planned or TargetGroup.choices)

    def act(project, data):
        record = services.district_monitoring_record(
            actor=request.user, project=project, month=data["month"], sales=data["sales"], users=data["users"],
            satisfaction=data["satisfaction"], jobs=jobs_of(data), note=data["note"],
        )  # fmt: skip
        return f"{screen_month(record.month)} 모니터링을 저장했습니다."

    return _project_step(request, code, make_form, "monitoring_form", act)


@login_required
@require_POST
def district_review_record(request, code: str):
    def make_form(project):
        require(access_district_projects_manage(request.user, project.programme.division.path))
        return ReviewForm(request.POST)

    def act(project, data):
        services.district_review_record(actor=request.user, project=project, **data)
        return "중간평가를 기록했습니다."

    return _project_step(request, code, make_form, "review_form", act)


@login_required
@require_POST
def district_decision_record(request, code: str):
    def make_form(project):
        require(access_district_projects_manage(request.user, project.programme.division.path))
        return DecisionForm(request.POST)

    def act(project, data):
        record = services.district_decision_record(actor=request.user, project=project, **data)
        return f"평가위원회 결정({record.get_decision_display()})을 기록했습니다."

    return _project_step(request, code, make_form, "decision_form", act)


# --- ecosystem funding --------------------------------------------------------------------------------------


@login_required
def ecosystem_list(request):
    require(access_district_projects_view(request.user))
    rows = selectors.ecosystem_list(user=request.user)
    context = {
        "page": paginate(request, rows),
        "can_manage": access_district_projects_manage_any(request.user),
        "stage1_cap": services.STAGE1_CAP,
        "stage2_cap": services.STAGE2_CAP,
    }
    return render(request, "grants/district/ecosystem_list.html", context)


@login_required
def ecosystem_create(request):
    require(access_district_projects_manage_any(request.user))
    form = EcosystemSupportForm(request.POST or None, districts=org_selectors.district_list(user=request.user))

    def save(data):
        programme = selectors.district_programme_get(user=request.user, kind="ecosystem")
        support = services.ecosystem_support_register(actor=request.user, programme=programme, **data)
        return f"{support} 지원을 등록했습니다. 1단계(사업 준비) 지원부터 넣으십시오.", support.get_absolute_url()

    return service_step(
        request, save, form=form,
        render_page=lambda f, status: render(request, "grants/district/ecosystem_form.html", {"form": f},
                                             status=status),
    )  # fmt: skip


def _ecosystem_page(request, support, *, status=200, **forms):
    can_manage = access_district_projects_manage(request.user, support.programme.division.path)
    tranches = list(support.tranches.all())
    context = {
        "support": support,
        "tranches": tranches,
        "stage2_total": sum(t.amount for t in tranches if t.stage == 2),
        "can_manage": can_manage,
        "tranche_form": forms.get("tranche_form") or TrancheForm(),
        "evaluation_form": forms.get("evaluation_form") or TrancheEvaluationForm(),
        "evaluation_target": forms.get("evaluation_target"),
        "stage1_cap": services.STAGE1_CAP,
        "stage2_cap": services.STAGE2_CAP,
        "factors": [(grade, int(factor * 100)) for grade, factor in services.NEXT_YEAR_FACTOR.items()],
    }
    return render(request, "grants/district/ecosystem_detail.html", context, status=status)


@login_required
def ecosystem_detail(request, code: str):
    return _ecosystem_page(request, selectors.ecosystem_get(user=request.user, code=code))


@login_required
@require_POST
def ecosystem_fund(request, code: str):
    support = selectors.ecosystem_get(user=request.user, code=code)
    require(access_district_projects_manage(request.user, support.programme.division.path))

    def fund(data):
        tranche = services.ecosystem_tranche_fund(actor=request.user, support=support, **data)
        message = f"{tranche.get_stage_display()} {format_won(tranche.amount)} 지원을 기록했습니다."
        return message, support.get_absolute_url()

    return service_step(
        request,
        fund,
        form=TrancheForm(request.POST),
        render_page=lambda form, status: _ecosystem_page(request, support, status=status, tranche_form=form),
    )


@login_required
@require_POST
def ecosystem_evaluate(request, code: str, pk: int):
    support = selectors.ecosystem_get(user=request.user, code=code)
    require(access_district_projects_manage(request.user, support.programme.division.path))
    tranche = next((t for t in support.tranches.all() if t.pk == pk), None)
    if tranche is None:
        raise NotFound("지원 기간을 찾을 수 없습니다.")

    def evaluate(data):
        services.ecosystem_tranche_evaluate(actor=request.user, tranche=tranche, **data)
        message = f"평가를 기록했습니다: {tranche.score}점, {tranche.get_grade_display()}."
        return message, support.get_absolute_url()

    return service_step(
        request,
        evaluate,
        form=TrancheEvaluationForm(request.POST),
        render_page=lambda form, status: _ecosystem_page(
            request, support, status=status, evaluation_form=form, evaluation_target=tranche.pk
        ),
    )
