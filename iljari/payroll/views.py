"""payroll pages: a worksite's month of deductions and net pay (and its computation), the rates page (history and
a new period), and the filings (the month's insurance acquisitions and losses, the year's withholding data)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_participation_tables_manage,
    access_participation_view,
    access_worksite_records,
    require,
)
from iljari.core.formats import format_won, screen_month
from iljari.core.http import log_person_access, personal_export, service_step
from iljari.participation import selectors as participation
from iljari.payroll import selectors, services
from iljari.payroll.forms import IncomeTaxRuleForm, InsuranceRateForm
from iljari.payroll.models import Insurance


def _month(raw: str) -> date:
    try:
        return date.fromisoformat(f"{raw}-01")
    except ValueError:
        raise Http404 from None


@login_required
def worksite_month(request, code: str, month: str):
    require(access_participation_view(request.user))
    month = _month(month)
    worksite = participation.worksite_get(user=request.user, code=code)
    sheet = participation.payroll(user=request.user, worksite=worksite, month=month)
    lines = selectors.worksite_deductions(user=request.user, worksite=worksite, month=month)
    log_person_access(
        request,
        "view",
        [row.placement.person_id for row in sheet.rows],
        f"사업장 {worksite.code} {screen_month(month)} 공제",
    )
    rows = [(row, lines.get(row.payment.pk) if row.payment else None) for row in sheet.rows]
    names = ("gross", "pension", "health", "care", "employment", "income_tax", "local_tax", "deductions", "net")
    employer = ("employer_pension", "employer_health", "employer_care", "employer_employment", "employer_accident")
    totals = {
        name: sum(getattr(line, name) for line in lines.values()) for name in (*names, *employer, "employer_total")
    }
    state = participation.pay_month_state(worksite=worksite, month=month)
    return render(
        request,
        "payroll/worksite_month.html",
        {
            "worksite": worksite,
            "month": month,
            "rows": rows,
            "totals": totals,
            "uncomputed": sum(1 for row, line in rows if row.payment and line is None),
            "stale": sum(1 for row, line in rows if row.payment and line and line.gross != row.payment.total),
            "can_compute": access_worksite_records(request.user, worksite) and not state["confirmation"],
            "confirmed": state["confirmation"],
        },
    )


@login_required
@require_POST
def worksite_month_compute(request, code: str, month: str):
    month = _month(month)
    worksite = participation.worksite_get(user=request.user, code=code)
    require(access_worksite_records(request.user, worksite), "이 사업장의 급여 공제를 계산할 권한이 없습니다.")
    url = reverse("payroll:worksite_month", args=[worksite.code, f"{month:%Y-%m}"])

    def compute():
        run = services.deductions_compute(actor=request.user, month=month, worksite=worksite)
        return (
            f"{screen_month(month)} 공제를 계산했습니다: {run.count:,}명, 공제 계 {format_won(run.deductions)}, "
            f"실지급액 {format_won(run.net)}, 사업주 부담 {format_won(run.employer)}.",
            url,
        )

    return service_step(request, compute, back=url)


def _rates_page(request, *, rate_form, tax_form, status=200):
    return render(
        request,
        "payroll/rates.html",
        {
            "groups": [
                (label, list(selectors.insurance_rate_list(insurance=value))) for value, label in Insurance.choices
            ],
            "tax_rules": selectors.income_tax_rule_list(),
            "rate_form": rate_form,
            "tax_form": tax_form,
        },
        status=status,
    )


@login_required
def rates(request):
    require(access_participation_tables_manage(request.user))

    def save(data):
        rate = services.insurance_rate_save(actor=request.user, **data)
        return f"{rate.get_insurance_display()} 요율을 저장했습니다.", reverse("payroll:rates")

    return service_step(
        request,
        save,
        form=InsuranceRateForm(request.POST or None, prefix="rate"),
        render_page=lambda form, status: _rates_page(
            request, rate_form=form, tax_form=IncomeTaxRuleForm(prefix="tax"), status=status
        ),
    )


@login_required
@require_POST
def tax_rule(request):
    require(access_participation_tables_manage(request.user))

    def save(data):
        services.income_tax_rule_save(actor=request.user, **data)
        return "소득세 원천징수 기준을 저장했습니다.", reverse("payroll:rates")

    return service_step(
        request,
        save,
        form=IncomeTaxRuleForm(request.POST, prefix="tax"),
        render_page=lambda form, status: _rates_page(
            request, rate_form=InsuranceRateForm(prefix="rate"), tax_form=form, status=status
        ),
    )


@login_required
def filings(request):
    require(access_participation_tables_manage(request.user))
    today = timezone.localdate()
    month = today.replace(day=1)
    year = today.year - 1
    try:
        month = date.fromisoformat(f"{request.GET['month']}-01") if request.GET.get("month") else month
        year = int(request.GET["year"]) if request.GET.get("year") else year
    except ValueError:
        pass
    year = min(max(year, 2000), 2100)
    return render(request, "payroll/filings.html", {"month": month, "year": year})


@login_required
def insurance_changes(request, month: str):
    require(access_participation_tables_manage(request.user))
    month = _month(month)
    return personal_export(
        request,
        export="insurance_changes",
        subject_ids=[row["person_id"] for row in selectors.insurance_changes(month=month)],
        detail=f"{screen_month(month)} 4대보험 취득·상실 목록",
        build=lambda: selectors.insurance_changes_sheet(month=month),
        filename=f"4대보험 취득·상실({screen_month(month)}).xlsx",
        fallback=f"insurance-{month:%Y-%m}.xlsx",
        back=reverse("payroll:filings"),
    )


@login_required
def withholding(request, year: int):
    require(access_participation_tables_manage(request.user))
    if not 2000 <= year <= 2100:
        raise Http404
    return personal_export(
        request,
        export="withholding",
        subject_ids=[row["person_id"] for row in selectors.withholding_statement(year=year)],
        detail=f"{year}년 근로소득 지급명세서 자료",
        build=lambda: selectors.withholding_sheet(year=year),
        filename=f"지급명세서 자료({year}년).xlsx",
        fallback=f"withholding-{year}.xlsx",
        back=reverse("payroll:filings"),
    )
