"""The page 보고서 수치와 기록: each count the report prints, computed from the records as of a day, beside the
printed value (performance.record_figures), grouped by programme; filters by programme and 불일치 only; xlsx."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from iljari.core.access import access_office_figures_view, require
from iljari.core.downloads import download_named
from iljari.core.formats import screen_date
from iljari.core.http import XLSX
from iljari.core.period import figure_period
from iljari.performance import selectors


def _filters(request, year: int) -> tuple[str, bool, list[tuple[str, str]]]:
    programmes = selectors.record_figure_programmes(user=request.user, year=year)
    asked = request.GET.get("programme", "")
    programme = asked if asked in {code for code, _ in programmes} else ""
    if asked and not programme:
        messages.warning(request, "그런 주요업무의 수치가 없어 전체를 보여 줍니다.")
    return programme, request.GET.get("mismatches") == "1", programmes


@login_required
def record_figures(request):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request)
    for warning in warnings:
        messages.warning(request, warning)
    programme, mismatches_only, programmes = _filters(request, year)
    table = selectors.record_figure_table(
        user=request.user, year=year, as_of=as_of, programme=programme, mismatches_only=mismatches_only
    )
    return render(
        request,
        "performance/record_figures.html",
        {
            "year": year,
            "as_of": as_of,
            "table": table,
            "programme": programme,
            "programmes": programmes,
            "mismatches_only": mismatches_only,
        },
    )


@login_required
def record_figure_export(request):
    require(access_office_figures_view(request.user))
    year, as_of, _ = figure_period(request)
    programme, mismatches_only, _ = _filters(request, year)
    data = selectors.record_figure_sheet(
        user=request.user, year=year, as_of=as_of, programme=programme, mismatches_only=mismatches_only
    )
    response = HttpResponse(data, content_type=XLSX)
    download_named(
        response,
        f"{year} 보고서 수치와 기록({screen_date(as_of)} 기준).xlsx",
        fallback=f"record-figures-{year}-{as_of.isoformat()}.xlsx",
    )
    return response
