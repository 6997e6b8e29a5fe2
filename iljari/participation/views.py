"""participation pages: worksites and their months (work records, pay, payroll sheet), placements, placing a
call's selected applicants, employment rates, the living wage table, and a citizen's own placements."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_apply,
    access_participation_tables_manage,
    access_participation_view,
    access_placements_any,
    access_worksite_records,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.formats import screen_month
from iljari.core.http import XLSX, paginate, personal_export, service_step, xlsx_upload
from iljari.core.http import log_person_access as _log
from iljari.core.lists import list_read, list_sheet
from iljari.intake import selectors as intake_selectors
from iljari.participation import selectors, services, training_selectors
from iljari.participation.calendar import month_end
from iljari.participation.forms import (
    LivingWageForm,
    MonthForm,
    OutcomeForm,
    PlaceForm,
    PlacementEndForm,
    WorkRecordForm,
)
from iljari.participation.lists import WORKSITES
from iljari.participation.models import Worksite
from iljari.participation.pay_extras import pay_extra


def _month(request, worksite: Worksite | None = None):
    form = MonthForm(request.GET or None)
    if form.is_valid():
        return form.cleaned_data["month"]
    latest = selectors.latest_record_month(worksite=worksite) if worksite is not None else None
    return latest or timezone.localdate().replace(day=1)


def _records_missing(request) -> date | None:
    """?records_missing=YYYY-MM: the worksites whose work records of that month are missing (the work list's link)."""
    raw = request.GET.get("records_missing", "").strip()
    try:
        return date.fromisoformat(f"{raw}-01") if raw else None
    except ValueError:
        messages.warning(request, "근무상황 미입력 달을 읽을 수 없어 모든 사업장을 보여 줍니다.")
        return None


def _worksites(request):
    """The worksites as the list asks: searched, of a year and a programme, sorted (participation/lists.py)."""
    listing = list_read(request, WORKSITES)
    programme = request.GET.get("programme", "").strip()[:20]
    years = selectors.worksite_years()
    raw_year = request.GET.get("year", "").strip()
    year = int(raw_year) if raw_year.isdecimal() and int(raw_year) in years else None
    if raw_year and year is None:
        messages.warning(request, f"연도 '{raw_year[:10]}'의 사업이 없어 최근 연도를 보여 줍니다.")
    records_missing = _records_missing(request)
    if year is None and programme and not raw_year:
        year = selectors.programme_year(code=programme)  # a link to one programme's worksites: its year
    if year is None and years and records_missing is None:
        year = years[0]  # the work list's link (?records_missing=) counts every year's worksites
    rows = selectors.worksite_list(
        user=request.user, programme_code=programme, query=listing.q, year=year, records_missing=records_missing
    )
    filters = {"programme": programme, "year": year, "years": years, "records_missing": records_missing}
    return listing, filters, listing.order(rows)


@login_required
def worksite_list(request):
    require(access_participation_view(request.user))
    listing, filters, rows = _worksites(request)
    return render(
        request,
        "participation/worksite_list.html",
        {
            "page": paginate(request, rows),
            "listing": listing,
            **filters,
            "terms": selectors.programme_terms_list(year=filters["year"]),
            "waiting": selectors.calls_awaiting_placement(user=request.user)
            if access_placements_any(request.user)
            else [],
        },
    )


@login_required
def worksite_export(request):
    """The worksites as the list shows them (the same search, year, programme and sort), every row, as xlsx."""
    require(access_participation_view(request.user))
    listing, filters, rows = _worksites(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    year = f"{filters['year']}년 " if filters["year"] else ""
    download_named(response, f"{year}사업장 목록.xlsx", fallback="worksites.xlsx")
    return response


@login_required
def worksite_detail(request, code: str):
    worksite = selectors.worksite_get(user=request.user, code=code)
    month = _month(request, worksite)
    sheet = selectors.payroll(user=request.user, worksite=worksite, month=month)
    _log(
        request,
        "view",
        [row.placement.person_id for row in sheet.rows],
        f"사업장 {worksite.code} {screen_month(month)} 급여",
    )
    extra = pay_extra(
        user=request.user, worksite=worksite, month=month, payment_ids=[r.payment.pk for r in sheet.rows if r.payment]
    )
    for row in sheet.rows if extra else ():
        row.extra = extra.by_payment.get(row.payment.pk) if row.payment else None
    return render(
        request,
        "participation/worksite_detail.html",
        {
            "worksite": worksite,
            "month": month,
            "sheet": sheet,
            "month_as_of": min(month_end(month), timezone.localdate()),  # for the payroll document
            "can_record": access_worksite_records(request.user, worksite),
            "pay_state": selectors.pay_month_state(worksite=worksite, month=month),
            "pay_extra": extra,
            "upload": None,
        },
    )


@login_required
def work_record_sheet(request, code: str):
    worksite = selectors.worksite_get(user=request.user, code=code)
    month = _month(request, worksite)
    sheet = selectors.payroll(user=request.user, worksite=worksite, month=month)
    return personal_export(
        request,
        export="work_records",
        subject_ids=[row.placement.person_id for row in sheet.rows],
        detail=f"사업장 {worksite.code} {screen_month(month)} 근무상황 양식",
        build=lambda: selectors.work_record_sheet(user=request.user, worksite=worksite, month=month),
        filename=f"근무상황 양식({worksite.code} {screen_month(month)}).xlsx",
        fallback=f"work-{worksite.code}-{month:%Y-%m}.xlsx",
        back=f"{worksite.get_absolute_url()}?month={month:%Y-%m}",
    )


@login_required
def work_record_upload(request, code: str):
    worksite = selectors.worksite_get(user=request.user, code=code)
    require(access_worksite_records(request.user, worksite))
    month = _month(request, worksite)
    url = f"{worksite.get_absolute_url()}?month={month:%Y-%m}"

    def render_page(upload, status):
        sheet = selectors.payroll(user=request.user, worksite=worksite, month=month)
        context = {
            "worksite": worksite,
            "month": month,
            "sheet": sheet,
            "can_record": True,
            "pay_state": selectors.pay_month_state(worksite=worksite, month=month),
            "upload": upload,
        }
        return render(request, "participation/worksite_detail.html", context, status=status)

    return xlsx_upload(
        request,
        importer=lambda data: services.work_record_import(
            actor=request.user, worksite=worksite, month=month, data=data
        ),
        success_url=url,
        render_page=render_page,
    )


@login_required
@require_POST
def pay_compute(request, code: str):
    worksite = selectors.worksite_get(user=request.user, code=code)
    require(access_worksite_records(request.user, worksite), "이 사업장의 급여를 계산할 권한이 없습니다.")
    month = _month(request, worksite)
    url = f"{worksite.get_absolute_url()}?month={month:%Y-%m}"

    def compute():
        run = services.pay_compute(actor=request.user, month=month, worksite=worksite)
        return f"{month.year}년 {month.month}월 급여를 계산했습니다: {run.count:,}명, {run.total:,}원.", url

    return service_step(request, compute, back=url)


@login_required
def payroll_sheet(request, code: str):
    worksite = selectors.worksite_get(user=request.user, code=code)
    month = _month(request, worksite)
    sheet = selectors.payroll(user=request.user, worksite=worksite, month=month)
    return personal_export(
        request,
        export="payroll",
        subject_ids=[row.placement.person_id for row in sheet.rows],
        detail=f"사업장 {worksite.code} {screen_month(month)} 급여대장",
        build=lambda: selectors.payroll_sheet(user=request.user, worksite=worksite, month=month),
        filename=f"급여대장({worksite.code} {screen_month(month)}).xlsx",
        fallback=f"payroll-{worksite.code}-{month:%Y-%m}.xlsx",
        back=f"{worksite.get_absolute_url()}?month={month:%Y-%m}",
    )


def _placement_page(request, placement, *, record_form=None, end_form=None, outcome_form=None, status=200):
    can_record = access_worksite_records(request.user, placement.worksite)
    outcome = selectors.placement_outcome(placement=placement)
    return render(
        request,
        "participation/placement_detail.html",
        {
            "placement": placement,
            "months": selectors.placement_months(placement=placement),
            "can_record": can_record,
            "outcome": outcome,
            "record_form": record_form or WorkRecordForm(initial={"month": timezone.localdate().replace(day=1)}),
            "end_form": end_form or PlacementEndForm(),
            "outcome_form": outcome_form or OutcomeForm(),
        },
        status=status,
    )


@login_required
def placement_detail(request, pk: int):
    placement = selectors.placement_get(user=request.user, pk=pk)
    _log(request, "view", [placement.person_id], f"참여 #{placement.pk}")
    return _placement_page(request, placement)


@login_required
@require_POST
def placement_record(request, pk: int):
    placement = selectors.placement_get(user=request.user, pk=pk)
    form = WorkRecordForm(request.POST)

    def save(data):
        services.work_record_set(
            actor=request.user, placement=placement, **{**data, "paid_leave_hours": data["paid_leave_hours"] or 0}
        )
        return f"{data['month'].year}년 {data['month'].month}월 근무상황을 저장했습니다.", placement.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: _placement_page(request, placement, record_form=f, status=status),
    )


@login_required
@require_POST
def placement_end(request, pk: int):
    placement = selectors.placement_get(user=request.user, pk=pk)
    form = PlacementEndForm(request.POST)

    def save(data):
        services.placement_end(
            actor=request.user, placement=placement, ended_on=data["ended_on"], reason=data["reason"], note=data["note"]
        )
        return "참여 종료를 기록했습니다.", placement.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: _placement_page(request, placement, end_form=f, status=status),
    )


@login_required
@require_POST
def placement_outcome(request, pk: int):
    placement = selectors.placement_get(user=request.user, pk=pk)
    form = OutcomeForm(request.POST)

    def save(data):
        services.outcome_record(actor=request.user, placement=placement, **data)
        return "취업 성과를 기록했습니다.", placement.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: _placement_page(request, placement, outcome_form=f, status=status),
    )


@login_required
def call_place(request, code: str):
    """Place a call's selected people: the division for the whole call or one quota; a district officer its own
    district quota's people at its own district's worksites."""
    call = intake_selectors.call_get(user=request.user, code=code)
    quotas, whole = selectors.placeable_quotas(user=request.user, call=call)
    require(whole or bool(quotas), "이 공고의 선발자를 배치할 권한이 없습니다.")
    worksites = selectors.programme_worksites(user=request.user, programme=call.programme)
    form = PlaceForm(request.POST or None, worksites=worksites, quotas=quotas, whole=whole)

    def save(data):
        chosen = [w for w in worksites if w.code in data["worksites"]]
        quota = next((q for q in quotas if str(q.pk) == data["quota"]), None)
        count = services.placements_from_selection(
            actor=request.user,
            call=call,
            worksites=chosen,
            start_date=data["start_date"],
            end_date=data["end_date"],
            quota=quota,
            over_capacity_reason=data["over_capacity_reason"],
        )
        return f"선발자 {count:,}명을 배치했습니다.", reverse("participation:worksite_list")

    def render_page(f, status):
        return render(
            request,
            "participation/call_place.html",
            {"call": call, "form": f, "waiting": selectors.placement_waiting(user=request.user, call=call)},
            status=status,
        )

    return service_step(request, save, form=form, render_page=render_page)


@login_required
def employment_rates(request):
    require(access_participation_view(request.user))
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    return render(
        request,
        "participation/employment_rates.html",
        {"year": year, "rows": selectors.employment_rates(user=request.user, year=year)},
    )


@login_required
def tables(request):
    require(access_participation_view(request.user))
    can_manage = access_participation_tables_manage(request.user)
    if request.method == "POST":
        require(can_manage)

    def save(data):
        services.living_wage_set(actor=request.user, **data)
        return f"{data['year']}년 생활임금을 저장했습니다.", reverse("participation:tables")

    def render_page(form, status):
        year = timezone.localdate().year
        return render(
            request,
            "participation/tables.html",
            {
                "wages": selectors.living_wage_list(),
                "holidays": selectors.public_holiday_list(year=year),
                "year": year,
                "form": form,
                "can_manage": can_manage,
            },
            status=status,
        )

    return service_step(request, save, form=LivingWageForm(request.POST or None), render_page=render_page)


@login_required
def portal_placements(request):
    require(access_apply(request.user))
    return render(
        request,
        "participation/portal_placements.html",
        {
            "placements": selectors.my_placements(user=request.user),
            "enrolments": training_selectors.my_enrolment_list(user=request.user),
        },
    )
