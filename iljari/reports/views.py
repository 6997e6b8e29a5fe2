"""The office at a glance (dashboard) and the business report download. Reads selectors only."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import access_office_figures_view, figures_unit_path, require
from iljari.core.downloads import download_named
from iljari.core.formats import format_figure, screen_date
from iljari.core.jobs import job_start
from iljari.core.middleware import client_address
from iljari.core.period import figure_period, latest_data_days
from iljari.core.routers import reading_replica
from iljari.finance.selectors import budget_execution
from iljari.performance.selectors import indicator_figures, job_target_totals, validation_result_list
from iljari.plan.selectors import overdue_milestone_list
from iljari.reports.files import (
    FORMAT_NAMES,
    NEEDS_SUBJECT,
    REPORT_KINDS,
    personal_access_log,
    personal_request_check,
    report_access_check,
    report_file,
    report_request_check,
)
from iljari.reports.tasks import report_build as report_build_task


def _percent(value) -> float | None:
    return None if value is None else round(float(value) * 100, 1)


@login_required
@reading_replica()
def dashboard(request):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request)
    for warning in warnings:
        messages.warning(request, warning)
    unit_path = figures_unit_path(request.user)
    execution = budget_execution(user=request.user, year=year, as_of=as_of, unit_path=unit_path)
    jobs = job_target_totals(user=request.user, year=year, as_of=as_of)  # the programmes' rows: /performance/jobs/
    years = list(range(year - 2, year + 3))
    indicators = indicator_figures(user=request.user, years=years, as_of=as_of, unit_path=unit_path)
    overdue = overdue_milestone_list(user=request.user, year=year, as_of=as_of, unit_path=unit_path)
    failed = validation_result_list(user=request.user, year=year, failed_only=True)
    charts = {
        "budget": {
            "labels": [row.unit.name for row in execution.rows],
            "rates": [_percent(row.execution_rate) for row in execution.rows],
        },
        "jobs": {
            "labels": [row.label for row in [*jobs.groups, *jobs.kinds]],
            "rates": [_percent(row.achievement_rate) for row in [*jobs.groups, *jobs.kinds]],
        },
        "indicators": {
            "years": years,
            "series": [
                {
                    "name": f"{row.name} ({row.unit})",
                    "target": [_float(row.cells[y].target) for y in years],
                    "actual": [_float(row.cells[y].actual) for y in years],
                }
                for row in indicators
            ],
        },
    }
    return render(
        request,
        "reports/dashboard.html",
        {
            "year": year,
            "as_of": as_of,
            "as_of_chosen": bool(request.GET.get("as_of")) and not warnings,  # a bad date falls back to the latest
            "latest_days": latest_data_days(year=year),
            "execution": execution,
            "jobs": jobs,
            "indicators": indicators,
            "indicator_rows": _indicator_rows(indicators, years, year),
            "indicator_actuals": _indicator_actuals(indicators, year),
            "years": years,
            "indicator_columns": [(y, "실적" if y < year else "목표") for y in years],
            "overdue": overdue,
            "failed": failed,
            "charts": charts,
            "division_view": bool(unit_path),
            "formats": ["html", "md", "xlsx"],  # at once
            "build_formats": FORMAT_NAMES,  # in the background, with progress
            "report_kinds": {k: v for k, v in REPORT_KINDS.items() if k not in NEEDS_SUBJECT},
        },
    )


def _indicator_rows(indicators, years, year) -> list[tuple[str, str, list[str]]]:
    """(link, name, the cells as printed) of each indicator — the actuals of the past years, the targets of the year
    and after, as the business report's table — formatted here once rather than by template filters per cell
    (70 indicators × 5 years), the link reversed once."""
    link = reverse("performance:indicator_detail", args=["CODE"])
    return [
        (
            link.replace("CODE", quote(row.code)),
            row.name,
            [format_figure(row.cells[y].printed(y, year)) for y in years],
        )
        for row in indicators
    ]


def _indicator_actuals(indicators, year) -> list[tuple[str, str, str, str, str, str]]:
    """(link, name, unit, the year's target, its actual, the actual's as-of date) of each indicator with an actual
    of the year: the actuals beside the targets, never in their column."""
    link = reverse("performance:indicator_detail", args=["CODE"])
    return [
        (
            link.replace("CODE", quote(row.code)),
            row.name,
            row.unit,
            format_figure(row.cells[year].target),
            format_figure(row.cells[year].actual),
            screen_date(row.cells[year].actual_as_of),
        )
        for row in indicators
        if row.cells[year].actual is not None
    ]


def _float(value) -> float | None:
    return None if value is None else float(value)


@login_required
@reading_replica()
def business_report(request):
    """The report file at once (the light formats; the dashboard builds the others in the background)."""
    require(access_office_figures_view(request.user))
    year, as_of, _ = figure_period(request)
    made = report_file(
        user=request.user, kind="business", year=year, as_of=as_of, fmt=request.GET.get("format", "html")
    )
    response = HttpResponse(made.data, content_type=made.content_type)
    inline = made.name.endswith(".html") and bool(request.GET.get("view"))
    download_named(response, made.name, fallback=made.ascii_name, inline=inline)
    return response


@login_required
@require_POST
def report_build(request):
    """Build a report file (the business report, the monthly job disclosure) in the background and go to the job's
    page, which shows the progress."""
    year, as_of, _ = figure_period(request)
    kind, fmt = request.POST.get("kind", "business"), request.POST.get("format", "")
    subject = request.POST.get("subject", "").strip()
    new_page = bool(request.POST.get("programme_new_page"))  # a checkbox: each programme of Ⅲ on a new page
    report_access_check(user=request.user, kind=kind)
    personal = personal_request_check(
        user=request.user, kind=kind, purpose=request.POST.get("purpose", ""), reason=request.POST.get("reason", "")
    )
    report_request_check(
        kind=kind,
        year=year,
        as_of=as_of,
        fmt=fmt,
        subject=subject,
        purpose=personal.purpose,
        programme_new_page=new_page,
    )
    personal_access_log(
        user=request.user,
        remote_addr=client_address(request),
        kind=kind,
        subject=subject,
        as_of=as_of,
        fmt=fmt,
        request=personal,
    )
    about = f" {subject}" if subject else ""
    options = ", 사업마다 새 쪽" if new_page else ""
    job = job_start(
        actor=request.user,
        kind="report",
        title=f"{year} {REPORT_KINDS[kind]}{about} ({FORMAT_NAMES[fmt]}{options}, {screen_date(as_of)} 기준)",
        task=report_build_task,
        kind_code=kind,
        year=year,
        as_of=as_of.isoformat(),
        fmt=fmt,
        subject=subject,
        purpose=personal.purpose,
        watermark=personal.watermark,
        programme_new_page=new_page,
    )
    return redirect(job)
