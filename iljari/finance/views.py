"""finance pages: staffing and budget execution, the monthly entry form and the xlsx round trip."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from iljari.core.access import access_figures_enter_any, access_office_figures_view, figures_unit_path, require
from iljari.core.downloads import download_named
from iljari.core.formats import screen_date
from iljari.core.forms import UploadForm
from iljari.core.http import XLSX, service_step, xlsx_upload
from iljari.core.period import figure_period
from iljari.finance import selectors, services
from iljari.finance.forms import BudgetSnapshotForm

BUDGET = ["budget"]  # the budget pages open at the budget's own latest date with data (core.period)


@login_required
def staffing(request):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request)
    dates = selectors.staffing_dates()
    if "as_of" not in request.GET and dates:
        as_of = dates[-1]  # staffing changes rarely: show the newest unless a date is asked for
    table = selectors.staffing_table(user=request.user, as_of=as_of)
    for warning in warnings:
        messages.warning(request, warning)
    return render(
        request,
        "finance/staffing.html",
        {
            "table": table,
            "year": year,
            "as_of": as_of,
            "rows": _staffing_rows(table),
        },
    )


def _staffing_rows(table) -> list[dict]:
    if table is None:
        return []

    def pair(values) -> str:
        return "-" if values is None else f"{values[0]}/{values[1]}"

    rows = []
    for row in [table.total, *table.rows]:
        cells = [pair(row.general)] + [pair(row.cells.get(key)) for key in selectors.STAFFING_COLUMNS]
        rows.append(
            {
                "name": "계" if row.unit is None else row.unit.name,
                "code": "total" if row.unit is None else row.unit.code,
                "authorized": row.authorized,
                "current": row.current,
                "shortfall": row.shortfall,
                "cells": cells,
            }
        )
    return rows


def _budget_context(request, year, as_of, *, form=None, upload=None):
    unit_path = figures_unit_path(request.user)
    lines = selectors.budget_line_list(user=request.user, year=year, unit_path=unit_path, in_use=True)
    can_enter = access_figures_enter_any(request.user)
    return {
        "year": year,
        "as_of": as_of,
        "execution": selectors.budget_execution(user=request.user, year=year, as_of=as_of, unit_path=unit_path),
        "dates": selectors.budget_as_of_dates(year=year),
        "can_enter": can_enter,
        "form": form or (BudgetSnapshotForm(lines=lines, initial={"as_of": as_of}) if can_enter else None),
        "upload": upload or (UploadForm() if can_enter else None),
    }


@login_required
def budget(request):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request, sources=BUDGET)
    for warning in warnings:
        messages.warning(request, warning)
    return render(request, "finance/budget.html", _budget_context(request, year, as_of))


@login_required
def budget_record(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request, sources=BUDGET)
    lines = selectors.budget_line_list(
        user=request.user, year=year, unit_path=figures_unit_path(request.user), in_use=True
    )

    def save(data):
        services.budget_snapshot_record(actor=request.user, **data)
        return (
            f"{data['line'].name}의 {data['as_of']} 집행 실적을 저장했습니다.",
            f"/finance/budget/?year={year}&as_of={data['as_of'].isoformat()}",
        )

    return service_step(
        request,
        save,
        form=BudgetSnapshotForm(request.POST or None, lines=lines),
        render_page=lambda form, status: render(
            request, "finance/budget.html", _budget_context(request, year, as_of, form=form), status=status
        ),
    )


@login_required
def budget_export(request):
    require(access_office_figures_view(request.user))
    year, as_of, _ = figure_period(request, sources=BUDGET)
    data = selectors.budget_snapshot_sheet(
        user=request.user, year=year, as_of=as_of, unit_path=figures_unit_path(request.user)
    )
    response = HttpResponse(data, content_type=XLSX)
    name = f"{year} 예산 집행 현황({screen_date(as_of)} 기준).xlsx"
    download_named(response, name, fallback=f"budget-{year}-{as_of.isoformat()}.xlsx")
    return response


@login_required
def budget_import(request):
    require(access_figures_enter_any(request.user))
    year, as_of, _ = figure_period(request, sources=BUDGET)
    return xlsx_upload(
        request,
        importer=lambda data: services.budget_snapshot_import(actor=request.user, year=year, data=data),
        success_url=f"/finance/budget/?year={year}&as_of={as_of.isoformat()}",
        render_page=lambda upload, status: render(
            request, "finance/budget.html", _budget_context(request, year, as_of, upload=upload), status=status
        ),
    )
