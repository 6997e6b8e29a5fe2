"""finance pages of definitions: the budget lines of a year (create, edit, retire, delete one entered by mistake,
xlsx round trip) and the staffing cells of an as-of table (create, edit 정원·현원, retire, a new as-of table, xlsx
round trip). Every write is one service call (finance.services); rights are checked there and by the gates here."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_budget_lines_manage,
    access_figures_enter,
    access_office_figures_view,
    access_org_structure_change,
    figures_unit_path,
    require,
)
from iljari.core.forms import UploadForm
from iljari.core.http import XLSX, service_step, xlsx_upload
from iljari.core.korean import with_object
from iljari.core.period import figure_period
from iljari.finance import selectors, services
from iljari.finance.forms import (
    BudgetLineForm,
    RetireForm,
    StaffingCopyForm,
    StaffingCountsForm,
    StaffingQuotaForm,
)

BUDGET = ["budget"]


def _lines_url(year: int) -> str:
    return f"{reverse('finance:budget_lines')}?year={year}"


def _lines_page(request, year: int, *, form=None, upload=None, status=200):
    can_manage = access_budget_lines_manage(request.user)
    units = selectors.budget_line_units(user=request.user)
    context = {
        "year": year,
        "years": sorted(set(selectors.budget_line_years()) | {year}, reverse=True),
        "lines": selectors.budget_line_list(user=request.user, year=year, unit_path=figures_unit_path(request.user)),
        "can_manage": can_manage,
        "form": form or (BudgetLineForm(units=units, initial={"source": "city"}) if can_manage else None),
        "upload": upload or (UploadForm() if can_manage else None),
    }
    return render(request, "finance/budget_lines.html", context, status=status)


@login_required
def budget_lines(request):
    require(access_office_figures_view(request.user))
    year, _, _ = figure_period(request, sources=BUDGET)
    if request.method != "POST":
        return _lines_page(request, year)
    require(access_budget_lines_manage(request.user))

    def create(data):
        line = services.budget_line_create(actor=request.user, year=year, **data)
        return f"{year}년 예산 사업 {with_object(line.name)} 등록했습니다.", _lines_url(year)

    form = BudgetLineForm(request.POST, units=selectors.budget_line_units(user=request.user))
    return service_step(
        request,
        create,
        form=form,
        render_page=lambda form, status: _lines_page(request, year, form=form, status=status),
    )


@login_required
def budget_line_edit(request, pk: int):
    line = selectors.budget_line_get(user=request.user, pk=pk)
    can_edit = access_budget_lines_manage(request.user) and access_figures_enter(request.user, line.org_unit.path)
    units = selectors.budget_line_units(user=request.user)
    initial = {"org_unit": line.org_unit, "code": line.code, "name": line.name, "source": line.source}
    form = BudgetLineForm(request.POST if request.method == "POST" else None, units=units, initial=initial)

    def page(form, status=200, retire=None):
        context = {"line": line, "form": form, "can_edit": can_edit}
        context["dependants"] = selectors.budget_line_dependants(user=request.user, line=line)
        context["retire"] = retire or RetireForm(initial={"retired_on": line.retired_on or date.today()})
        return render(request, "finance/budget_line_edit.html", context, status=status)

    if request.method != "POST":
        return page(form)
    require(can_edit, "이 부서의 예산 사업을 고칠 권한이 없습니다.")

    def update(data):
        saved = services.budget_line_update(actor=request.user, line=line, **data)
        return f"예산 사업 {with_object(saved.name)} 고쳤습니다.", _lines_url(saved.year)

    return service_step(request, update, form=form, render_page=page)


@login_required
@require_POST
def budget_line_retire(request, pk: int):
    line = selectors.budget_line_get(user=request.user, pk=pk)
    require(access_budget_lines_manage(request.user) and access_figures_enter(request.user, line.org_unit.path))

    def retire(data):
        saved = services.budget_line_retire(actor=request.user, line=line, on=data["retired_on"])
        done = "폐지했습니다" if saved.retired_on else "다시 쓰도록 했습니다"
        return f"예산 사업 {with_object(saved.name)} {done}.", _lines_url(saved.year)

    form = RetireForm(request.POST)
    return service_step(
        request,
        retire,
        form=form,
        render_page=lambda form, status: render(
            request,
            "finance/budget_line_edit.html",
            {
                "line": line,
                "form": BudgetLineForm(units=()),
                "retire": form,
                "can_edit": True,
                "dependants": selectors.budget_line_dependants(user=request.user, line=line),
            },
            status=status,
        ),
    )


@login_required
@require_POST
def budget_line_delete(request, pk: int):
    line = selectors.budget_line_get(user=request.user, pk=pk)
    require(access_budget_lines_manage(request.user) and access_figures_enter(request.user, line.org_unit.path))

    def delete():
        services.budget_line_delete(actor=request.user, line=line)
        return f"예산 사업 {with_object(line.name)} 지웠습니다.", _lines_url(line.year)

    return service_step(request, delete, back=reverse("finance:budget_line_edit", args=[line.pk]))


@login_required
def budget_lines_export(request):
    require(access_office_figures_view(request.user))
    year, _, _ = figure_period(request, sources=BUDGET)
    data = selectors.budget_line_sheet(user=request.user, year=year, unit_path=figures_unit_path(request.user))
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="budget-lines-{year}.xlsx"'
    return response


@login_required
def budget_lines_import(request):
    require(access_budget_lines_manage(request.user))
    year, _, _ = figure_period(request, sources=BUDGET)
    return xlsx_upload(
        request,
        importer=lambda data: services.budget_line_import(actor=request.user, year=year, data=data),
        success_url=_lines_url(year),
        render_page=lambda upload, status: _lines_page(request, year, upload=upload, status=status),
    )


# --- staffing -------------------------------------------------------------------------------------------------


def _as_of(request) -> date:
    dates = selectors.staffing_dates()
    try:
        return date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        return dates[-1] if dates else date.today()


def _quotas_url(as_of: date) -> str:
    return f"{reverse('finance:staffing_quotas')}?as_of={as_of.isoformat()}"


def _quotas_page(request, as_of: date, *, form=None, copy=None, upload=None, status=200):
    can_manage = access_org_structure_change(request.user)
    quotas = selectors.staffing_quota_list(user=request.user, as_of=as_of)
    table_as_of = quotas[0].as_of if quotas else None
    units = selectors.staffing_units(user=request.user)
    context = {
        "as_of": as_of,
        "table_as_of": table_as_of,
        "dates": selectors.staffing_dates(),
        "quotas": quotas,
        "can_manage": can_manage,
        "form": form or (StaffingQuotaForm(units=units, initial={"as_of": table_as_of}) if can_manage else None),
        "copy": copy or (StaffingCopyForm() if can_manage and table_as_of else None),
        "upload": upload or (UploadForm() if can_manage else None),
    }
    return render(request, "finance/staffing_quotas.html", context, status=status)


@login_required
def staffing_quotas(request):
    require(access_office_figures_view(request.user))
    as_of = _as_of(request)
    if request.method != "POST":
        return _quotas_page(request, as_of)
    require(access_org_structure_change(request.user), "인력 정원을 바꿀 권한이 없습니다.")

    def create(data):
        quota = services.staffing_quota_create(actor=request.user, **data)
        return f"{quota.org_unit.name} {quota.get_job_series_display()} 행을 등록했습니다.", _quotas_url(quota.as_of)

    form = StaffingQuotaForm(request.POST, units=selectors.staffing_units(user=request.user))
    return service_step(
        request,
        create,
        form=form,
        render_page=lambda form, status: _quotas_page(request, as_of, form=form, status=status),
    )


@login_required
def staffing_quota_edit(request, pk: int):
    quota = selectors.staffing_quota_get(user=request.user, pk=pk)
    can_edit = access_org_structure_change(request.user)
    initial = {"authorized": quota.authorized, "current": quota.current}
    form = StaffingCountsForm(request.POST if request.method == "POST" else None, initial=initial)

    def page(form, status=200, retire=None):
        context = {"quota": quota, "form": form, "can_edit": can_edit}
        context["retire"] = retire or RetireForm(initial={"retired_on": quota.retired_on or quota.as_of})
        return render(request, "finance/staffing_quota_edit.html", context, status=status)

    if request.method != "POST":
        return page(form)
    require(can_edit, "인력 정원을 바꿀 권한이 없습니다.")

    def update(data):
        saved = services.staffing_quota_update(actor=request.user, quota=quota, **data)
        return f"{saved.org_unit.name} {saved.get_job_series_display()} 행을 고쳤습니다.", _quotas_url(saved.as_of)

    return service_step(request, update, form=form, render_page=page)


@login_required
@require_POST
def staffing_quota_retire(request, pk: int):
    quota = selectors.staffing_quota_get(user=request.user, pk=pk)
    require(access_org_structure_change(request.user), "인력 정원을 바꿀 권한이 없습니다.")

    def retire(data):
        saved = services.staffing_quota_retire(actor=request.user, quota=quota, on=data["retired_on"])
        done = "폐지했습니다" if saved.retired_on else "다시 쓰도록 했습니다"
        return f"{saved.org_unit.name} {saved.get_job_series_display()} 행을 {done}.", _quotas_url(saved.as_of)

    return service_step(
        request,
        retire,
        form=RetireForm(request.POST),
        render_page=lambda form, status: render(
            request,
            "finance/staffing_quota_edit.html",
            {"quota": quota, "form": StaffingCountsForm(), "retire": form, "can_edit": True},
            status=status,
        ),
    )


@login_required
@require_POST
def staffing_copy(request):
    require(access_org_structure_change(request.user), "인력 정원을 바꿀 권한이 없습니다.")
    as_of = _as_of(request)
    quotas = selectors.staffing_quota_list(user=request.user, as_of=as_of)
    from_as_of = quotas[0].as_of if quotas else None

    def copy(data):
        count = services.staffing_as_of_copy(actor=request.user, from_as_of=from_as_of, to_as_of=data["to_as_of"])
        return (
            f"{data['to_as_of'].isoformat()} 기준 인력 {count}행을 만들었습니다. 바뀐 현원을 고치십시오.",
            _quotas_url(data["to_as_of"]),
        )

    return service_step(
        request,
        copy,
        form=StaffingCopyForm(request.POST),
        render_page=lambda form, status: _quotas_page(request, as_of, copy=form, status=status),
    )


@login_required
def staffing_quotas_export(request):
    require(access_office_figures_view(request.user))
    as_of = _as_of(request)
    data = selectors.staffing_quota_sheet(user=request.user, as_of=as_of)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="staffing-{as_of.isoformat()}.xlsx"'
    return response


@login_required
def staffing_quotas_import(request):
    require(access_org_structure_change(request.user), "인력 정원을 바꿀 권한이 없습니다.")
    as_of = _as_of(request)
    return xlsx_upload(
        request,
        importer=lambda data: services.staffing_quota_import(actor=request.user, data=data),
        success_url=_quotas_url(as_of),
        render_page=lambda upload, status: _quotas_page(request, as_of, upload=upload, status=status),
    )
