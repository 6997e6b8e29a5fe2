"""performance pages: indicators, job targets and achievements (the monthly figures), validation results and rules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_figures_enter_any,
    access_indicators_manage,
    access_office_figures_view,
    access_validation_rules_manage,
    figures_unit_path,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.errors import NotFound
from iljari.core.formats import screen_date
from iljari.core.forms import UploadForm
from iljari.core.http import XLSX, service_step, xlsx_upload
from iljari.core.period import figure_period
from iljari.core.selectors import stored_figures_outside
from iljari.performance import selectors, services, wording
from iljari.performance.forms import (
    IndicatorValueForm,
    JobAchievementForm,
    ValidationRuleForm,
)
from iljari.performance.models import ValidationRule
from iljari.performance.series import series_choices


def _xlsx(data: bytes, name: str, fallback: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    download_named(response, name, fallback=fallback)
    return response


# --- indicators ------------------------------------------------------------------------------------------


def _indicator_context(request, year, as_of, *, form=None, upload=None, definition_upload=None):
    years = list(range(year - 2, year + 3))
    can_enter = access_figures_enter_any(request.user)
    return {
        "year": year,
        "as_of": as_of,
        "years": years,
        "rows": selectors.indicator_table(
            user=request.user, years=years, as_of=as_of, unit_path=figures_unit_path(request.user)
        ),
        "results": selectors.validation_result_rows(user=request.user, year=year, area="indicators"),
        "can_enter": can_enter,
        "form": form
        or (
            IndicatorValueForm(
                initial={"year": year, "as_of": as_of, "kind": "actual"},
                targets=access_indicators_manage(request.user),
            )
            if can_enter
            else None
        ),
        "upload": upload or (UploadForm() if can_enter else None),
        "can_manage": access_indicators_manage(request.user),
        "definition_upload": definition_upload or (UploadForm() if access_indicators_manage(request.user) else None),
    }


@login_required
def indicators(request):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request)
    for warning in warnings:
        messages.warning(request, warning)
    return render(request, "performance/indicators.html", _indicator_context(request, year, as_of))


@login_required
def indicator_record(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request)

    def save(data):
        services.indicator_value_record(actor=request.user, **data)
        return (
            f"{data['indicator'].name} 값을 저장했습니다.",
            f"/performance/indicators/?year={year}&as_of={as_of.isoformat()}",
        )

    return service_step(
        request,
        save,
        form=IndicatorValueForm(request.POST or None, targets=access_indicators_manage(request.user)),
        render_page=lambda form, status: render(
            request, "performance/indicators.html", _indicator_context(request, year, as_of, form=form), status=status
        ),
    )


@login_required
def indicator_export(request):
    require(access_office_figures_view(request.user))
    year, as_of, _ = figure_period(request)
    return _xlsx(
        selectors.indicator_value_sheet(user=request.user, year=year, as_of=as_of),
        f"{year} 정책지표({screen_date(as_of)} 기준).xlsx",
        f"indicators-{year}-{as_of.isoformat()}.xlsx",
    )


@login_required
def indicator_import(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request)
    return xlsx_upload(
        request,
        importer=lambda data: services.indicator_value_import(actor=request.user, year=year, data=data),
        success_url=f"/performance/indicators/?year={year}&as_of={as_of.isoformat()}",
        render_page=lambda upload, status: render(
            request,
            "performance/indicators.html",
            _indicator_context(request, year, as_of, upload=upload),
            status=status,
        ),
    )


# --- job targets -----------------------------------------------------------------------------------------


def _jobs_context(request, year, as_of, *, form=None, upload=None):
    can_enter = access_figures_enter_any(request.user)
    return {
        "year": year,
        "as_of": as_of,
        "table": selectors.job_target_table(user=request.user, year=year, as_of=as_of),
        "results": selectors.validation_result_rows(user=request.user, year=year, area="jobs"),
        "can_enter": can_enter,
        "form": form or (JobAchievementForm(year=year, initial={"as_of": as_of}) if can_enter else None),
        "upload": upload or (UploadForm() if can_enter else None),
    }


@login_required
def jobs(request):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request)
    for warning in warnings:
        messages.warning(request, warning)
    return render(request, "performance/jobs.html", _jobs_context(request, year, as_of))


@login_required
def job_record(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request)

    def save(data):
        services.job_achievement_record(actor=request.user, **data)
        return (
            f"{data['job_target'].label} 실적을 저장했습니다.",
            f"/performance/jobs/?year={year}&as_of={data['as_of'].isoformat()}",
        )

    return service_step(
        request,
        save,
        form=JobAchievementForm(request.POST or None, year=year),
        render_page=lambda form, status: render(
            request, "performance/jobs.html", _jobs_context(request, year, as_of, form=form), status=status
        ),
    )


@login_required
def job_export(request):
    require(access_office_figures_view(request.user))
    year, as_of, _ = figure_period(request)
    return _xlsx(
        selectors.job_achievement_sheet(user=request.user, year=year, as_of=as_of),
        f"{year} 일자리 목표·실적({screen_date(as_of)} 기준).xlsx",
        f"jobs-{year}-{as_of.isoformat()}.xlsx",
    )


@login_required
def job_import(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request)
    return xlsx_upload(
        request,
        importer=lambda data: services.job_achievement_import(actor=request.user, year=year, data=data),
        success_url=f"/performance/jobs/?year={year}&as_of={as_of.isoformat()}",
        render_page=lambda upload, status: render(
            request, "performance/jobs.html", _jobs_context(request, year, as_of, upload=upload), status=status
        ),
    )


# --- validation ------------------------------------------------------------------------------------------


@login_required
def validation(request):
    """The year's results, violations first; `?violations=1` shows the violations only (위반만 보기)."""
    require(access_office_figures_view(request.user))
    year, as_of, _ = figure_period(request)
    violations_only = request.GET.get("violations") == "1"
    rows = selectors.validation_result_rows(user=request.user, year=year)
    counts = {outcome: sum(1 for row in rows if row.outcome == outcome) for outcome in ("failed", "skipped", "passed")}
    return render(
        request,
        "performance/validation.html",
        {
            "year": year,
            "as_of": as_of,
            "results": [row for row in rows if row.outcome == "failed"] if violations_only else rows,
            "counts": counts,
            "violations_only": violations_only,
            "rules": selectors.validation_rule_rows(user=request.user),
            "figures": [
                (figure, wording.figure_text(figure))
                for figure in selectors.programme_figure_list(user=request.user, year=year)
            ],
            "can_manage": access_validation_rules_manage(request.user),
            "can_run": access_figures_enter_any(request.user),
            "outliers": (
                stored_figures_outside(user=request.user) if access_validation_rules_manage(request.user) else None
            ),
        },
    )


@login_required
@require_POST
def validation_run(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request)
    page = f"/performance/validation/?year={year}&as_of={as_of.isoformat()}"

    def validate():
        run = services.validation_run(year=year, as_of=as_of)
        messages.info(request, f"검증을 마쳤습니다: 위반 {len(run.failed)}건, 확인 불가 {len(run.skipped)}건.")
        return None, page

    return service_step(request, validate, back=page)


@login_required
def rule_edit(request, code: str):
    require(access_validation_rules_manage(request.user))
    rule = ValidationRule.objects.filter(code=code).first()
    if rule is None:
        raise NotFound("검증 규칙을 찾을 수 없습니다.")
    fields = [field for field in services.RULE_FIELDS if field not in ("kind", "whole_series")]
    labels = wording.Labels.load()
    choices = [(code, labels.series(code)) for code, _ in series_choices()]
    known = {code for code, _ in choices}
    # a figure rule's sides are terms (figure:<key> + …), offered as they stand
    choices += [
        (side, labels.side(side)) for side in dict.fromkeys((rule.left_series, rule.right_series)) if side not in known
    ]
    formula = rule.kind == ValidationRule.Kind.FORMULA
    form = ValidationRuleForm(
        request.POST or None,
        series=choices,
        formula=formula,
        initial={field: getattr(rule, field) for field in fields},
    )

    def save(data):
        services.validation_rule_set(actor=request.user, code=rule.code, **data)
        return "검증 규칙을 저장했습니다. 다음 검증부터 적용됩니다.", reverse("performance:validation")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda form, status: render(
            request,
            "performance/rule_form.html",
            {"form": form, "rule": rule, "sentence": labels.rule(rule)},
            status=status,
        ),
    )
