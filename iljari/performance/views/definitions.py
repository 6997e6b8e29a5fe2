"""performance pages of the definitions the office keeps itself: an indicator's own page (its targets for any year
and its actuals), indicators created, edited and retired, the indicator sheet; job-target rows; rules written as
expressions, previewed and retired."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_figures_enter,
    access_figures_enter_any,
    access_indicators_manage,
    access_job_targets_manage,
    access_job_targets_manage_any,
    access_office_figures_view,
    access_validation_rules_manage,
    require,
)
from iljari.core.errors import ValidationFailed
from iljari.core.forms import UploadForm
from iljari.core.http import form_apply_error, service_step, xlsx_upload
from iljari.core.korean import with_object
from iljari.core.period import default_period, figure_period
from iljari.performance import selectors, services, wording
from iljari.performance.forms import (
    IndicatorForm,
    IndicatorYearValueForm,
    JobTargetForm,
    RetireForm,
    ValidationFormulaForm,
)
from iljari.performance.models import ValidationRule
from iljari.performance.series import series_choices
from iljari.performance.views.figures import _indicator_context, _xlsx


def _indicator_detail_page(request, indicator, *, target_form=None, actual_form=None, status=200):
    can_target = access_indicators_manage(request.user) and not indicator.is_formula and not indicator.is_retired
    path = indicator.division.path if indicator.division else "/"
    can_actual = access_figures_enter(request.user, path) and not indicator.is_formula and not indicator.is_retired
    year, as_of = default_period()
    if target_form is None and can_target:
        target_form = IndicatorYearValueForm(initial={"kind": "target", "year": year + 1, "as_of": as_of})
    if actual_form is None and can_actual:
        actual_form = IndicatorYearValueForm(initial={"kind": "actual", "year": year, "as_of": as_of})
    can_manage = access_indicators_manage(request.user)
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "indicator": indicator,
            "values": selectors.indicator_value_list(user=request.user, indicator=indicator),
            "can_manage": can_manage,
            "target_form": target_form,
            "actual_form": actual_form,
            "retire_form": RetireForm() if can_manage and not indicator.is_retired else None,
        },
        status=status,
    )


@login_required
def indicator_detail(request, code: str):
    indicator = selectors.indicator_get(user=request.user, code=code)
    return _indicator_detail_page(request, indicator)


@login_required
def indicator_value(request, code: str):
    """A target for any year (the office manager) or an actual (the indicator's division), from its own page."""
    require(access_figures_enter_any(request.user))
    indicator = selectors.indicator_get(user=request.user, code=code)
    form = IndicatorYearValueForm(request.POST or None)
    kind = request.POST.get("kind") if request.method == "POST" else "target"

    def save(data):
        record = services.indicator_value_record(actor=request.user, indicator=indicator, **data)
        label = f"{record.year}년 {record.get_kind_display()}"
        return f"{indicator.name}의 {with_object(label)} 저장했습니다.", indicator.get_absolute_url()

    def page(form, status):
        forms = {"actual_form": form} if kind == "actual" else {"target_form": form}
        return _indicator_detail_page(request, indicator, status=status, **forms)

    return service_step(request, save, form=form, render_page=page)


def _indicator_initial(indicator) -> dict:
    return {
        name: getattr(indicator, name)
        for name in ("code", "name", "unit", "field_label", "objective", "division", "cumulative", "order")
    } | {"numerator": indicator.numerator, "denominator": indicator.denominator, "factor": indicator.factor}


@login_required
def indicator_create(request):
    require(access_indicators_manage(request.user))

    def create(data):
        indicator = services.indicator_create(actor=request.user, **data)
        return f"정책지표 {with_object(indicator.name)} 만들었습니다.", indicator.get_absolute_url()

    return service_step(
        request,
        create,
        form=IndicatorForm(request.POST or None),
        render_page=lambda form, status: render(
            request, "performance/indicator_form.html", {"form": form, "indicator": None}, status=status
        ),
    )


@login_required
def indicator_edit(request, code: str):
    require(access_indicators_manage(request.user))
    indicator = selectors.indicator_get(user=request.user, code=code)

    def save(data):
        data.pop("code", None)
        services.indicator_update(actor=request.user, indicator=indicator, **data)
        return "정책지표를 저장했습니다.", indicator.get_absolute_url()

    return service_step(
        request,
        save,
        form=IndicatorForm(request.POST or None, initial=_indicator_initial(indicator), editing=indicator),
        render_page=lambda form, status: render(
            request,
            "performance/indicator_form.html",
            {
                "form": form,
                "indicator": indicator,
                "uses": selectors.indicator_uses(user=request.user, indicator=indicator),
            },
            status=status,
        ),
    )


@login_required
@require_POST
def indicator_retire(request, code: str):
    require(access_indicators_manage(request.user))
    indicator = selectors.indicator_get(user=request.user, code=code)
    form = RetireForm(request.POST)

    def retire():
        if not form.is_valid():
            raise ValidationFailed("폐지일을 읽을 수 없습니다(예: 2019-01-01).")
        services.indicator_retire(actor=request.user, indicator=indicator, on=form.cleaned_data["on"])
        return f"정책지표 {with_object(indicator.name)} 폐지했습니다.", indicator.get_absolute_url()

    return service_step(request, retire, back=indicator.get_absolute_url())


@login_required
def indicator_definition_export(request):
    require(access_office_figures_view(request.user))
    year, _, _ = figure_period(request)
    years = list(range(year, year + 3))
    return _xlsx(
        selectors.indicator_definition_sheet(user=request.user, years=years),
        f"{year}년 정책지표·연도별 목표.xlsx",
        f"indicator-targets-{year}.xlsx",
    )


@login_required
def indicator_definition_import(request):
    require(access_indicators_manage(request.user))
    year, as_of, _ = figure_period(request)
    return xlsx_upload(
        request,
        importer=lambda data: services.indicator_definition_import(actor=request.user, data=data),
        success_url=f"/performance/indicators/?year={year}&as_of={as_of.isoformat()}",
        render_page=lambda upload, status: render(
            request,
            "performance/indicators.html",
            _indicator_context(request, year, as_of, definition_upload=upload),
            status=status,
        ),
    )


# --- job target definitions ------------------------------------------------------------------------------


def _job_targets_page(request, year, *, upload=None, status=200):
    rows = selectors.job_target_list(user=request.user, year=year)
    return render(
        request,
        "performance/job_targets.html",
        {
            "year": year,
            "rows": [
                (row, access_job_targets_manage(request.user, row.division.path if row.division else "/"))
                for row in rows
            ],
            "can_manage": access_job_targets_manage_any(request.user),
            "upload": upload or (UploadForm() if access_job_targets_manage_any(request.user) else None),
            "retire_form": RetireForm(),
        },
        status=status,
    )


@login_required
def job_targets(request):
    """The year's job-target rows as the office keeps them (the figures with achievements: `jobs`)."""
    require(access_office_figures_view(request.user))
    year, _, _ = figure_period(request)
    return _job_targets_page(request, year)


def _job_target_initial(target) -> dict:
    return {
        name: getattr(target, name)
        for name in ("target_group", "kind", "programme", "programme_names", "target", "budget", "division", "order")
    }


@login_required
def job_target_create(request):
    require(access_job_targets_manage_any(request.user))
    year, _, _ = figure_period(request)

    def create(data):
        target = services.job_target_create(actor=request.user, year=year, **data)
        message = f"{year}년 {with_object(target.label + ' 일자리 목표')} 만들었습니다."
        return message, f"/performance/jobs/targets/?year={year}"

    initial = {"division": request.user.org_unit} if request.user.org_unit else {}
    return service_step(
        request,
        create,
        form=JobTargetForm(request.POST or None, year=year, initial=initial),
        render_page=lambda form, status: render(
            request, "performance/job_target_form.html", {"form": form, "target": None, "year": year}, status=status
        ),
    )


@login_required
def job_target_edit(request, pk: int):
    require(access_job_targets_manage_any(request.user))
    target = selectors.job_target_get(user=request.user, pk=pk)

    def save(data):
        services.job_target_update(actor=request.user, job_target=target, **data)
        return "일자리 목표를 저장했습니다.", f"/performance/jobs/targets/?year={target.year}"

    return service_step(
        request,
        save,
        form=JobTargetForm(request.POST or None, year=target.year, initial=_job_target_initial(target)),
        render_page=lambda form, status: render(
            request,
            "performance/job_target_form.html",
            {
                "form": form,
                "target": target,
                "year": target.year,
                "locked_from": selectors.job_target_locked_from(user=request.user, job_target=target),
            },
            status=status,
        ),
    )


@login_required
@require_POST
def job_target_retire(request, pk: int):
    require(access_job_targets_manage_any(request.user))
    target = selectors.job_target_get(user=request.user, pk=pk)
    page = f"/performance/jobs/targets/?year={target.year}"
    form = RetireForm(request.POST)

    def retire():
        if not form.is_valid():
            raise ValidationFailed("폐지일을 읽을 수 없습니다(예: 2019-01-01).")
        services.job_target_retire(actor=request.user, job_target=target, on=form.cleaned_data["on"])
        return f"{with_object(target.label + ' 일자리 목표')} 폐지했습니다.", page

    return service_step(request, retire, back=page)


@login_required
def job_target_export(request):
    require(access_office_figures_view(request.user))
    year, _, _ = figure_period(request)
    return _xlsx(
        selectors.job_target_sheet(user=request.user, year=year),
        f"{year}년 일자리 목표.xlsx",
        f"job-targets-{year}.xlsx",
    )


@login_required
def job_target_import(request):
    require(access_job_targets_manage_any(request.user))
    year, _, _ = figure_period(request)
    return xlsx_upload(
        request,
        importer=lambda data: services.job_target_import(actor=request.user, year=year, data=data),
        success_url=f"/performance/jobs/targets/?year={year}",
        render_page=lambda upload, status: _job_targets_page(request, year, upload=upload, status=status),
    )


# --- formula rules -----------------------------------------------------------------------------------------


@login_required
def rule_create(request):
    """A new rule from two expressions, with a preview on the data of a chosen year and date before it is saved
    (the "미리보기" button); "저장" saves it."""
    require(access_validation_rules_manage(request.user))
    year, as_of, _ = figure_period(request)
    form = ValidationFormulaForm(
        request.POST or None,
        initial={"year": year, "as_of": as_of, "tolerance": 0, "importance": "medium", "area": "budget"},
    )
    labels = wording.Labels.load()
    series = [(code, labels.series(code)) for code, _ in series_choices()]
    preview = None

    def page(form, status):
        return render(
            request,
            "performance/rule_create.html",
            {"form": form, "preview": preview, "series": series},
            status=status,
        )

    if request.method == "POST" and request.POST.get("action") == "preview":
        if form.is_valid():
            data = form.cleaned_data
            try:
                preview = selectors.validation_rule_preview(
                    user=request.user,
                    left=data["left_series"],
                    right=data["right_series"],
                    operator=data["operator"],
                    tolerance=data["tolerance"],
                    missing_values=data["missing_values"],
                    year=data["year"],
                    as_of=data["as_of"],
                )
            except ValidationFailed as error:
                form_apply_error(form, error)
                return page(form, error.status)
            return page(form, 200)
        return page(form, 400)

    def save(data):
        period = (data.pop("year"), data.pop("as_of"))
        rule = services.validation_rule_create(
            actor=request.user, period=period, kind=ValidationRule.Kind.FORMULA, **data
        )
        return f"검증 규칙 {with_object(rule.name)} 만들었습니다. 다음 검증부터 적용됩니다.", reverse(
            "performance:validation"
        )

    return service_step(request, save, form=form, render_page=page)


@login_required
@require_POST
def rule_retire(request, code: str):
    require(access_validation_rules_manage(request.user))
    rule = selectors.validation_rule_get(user=request.user, code=code)
    page = reverse("performance:validation")

    def retire():
        services.validation_rule_retire(actor=request.user, rule=rule)
        return f"검증 규칙 {with_object(rule.name)} 폐지했습니다. 다음 검증부터 빠집니다.", page

    return service_step(request, retire, back=page)
