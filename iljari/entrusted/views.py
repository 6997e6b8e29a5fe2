"""entrusted pages: the facilities (list with search, sort, filters and xlsx export; one facility with its contracts,
budgets and settlements, evaluations and the renewal path as a timeline), the forms that keep them, the contracts
ending within a year of a day and the renewal steps past their due date (the work list's links). Parse, call one
service or selector, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from iljari.core.access import access_entrusted_manage, access_entrusted_manage_any, access_entrusted_view, require
from iljari.core.downloads import download_named
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_read, list_sheet
from iljari.core.worklist import worklist_day
from iljari.entrusted import selectors, services
from iljari.entrusted.forms import (
    BudgetForm,
    ContractForm,
    EndingForm,
    EvaluationForm,
    FacilityFilterForm,
    FacilityForm,
    SettlementForm,
    StepDoneForm,
    StepForm,
)
from iljari.entrusted.lists import FACILITIES


def _facilities(request):
    form = FacilityFilterForm(request.GET or None)
    listing = list_read(request, FACILITIES)
    rows = selectors.facility_list(user=request.user, query=listing.q, **form.chosen())
    return form, listing, listing.order(rows)


@login_required
def facility_list(request):
    require(access_entrusted_view(request.user))
    form, listing, rows = _facilities(request)
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_entrusted_manage_any(request.user),
    }
    return render(request, "entrusted/facility_list.html", context)


@login_required
def facility_export(request):
    """The facilities as the list shows them (the same search, filters and sort), every row, as xlsx."""
    require(access_entrusted_view(request.user))
    _form, listing, rows = _facilities(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "민간위탁 시설 목록.xlsx", fallback="entrusted-facilities.xlsx")
    return response


def _form_page(request, *, title: str, back: str, facility=None):
    return lambda page, status: render(
        request,
        "entrusted/form.html",
        {"form": page, "title": title, "back": back, "facility": facility},
        status=status,
    )


@login_required
def facility_create(request):
    require(access_entrusted_manage_any(request.user))
    form = FacilityForm(request.POST if request.method == "POST" else None)

    def save(values):
        facility = services.facility_create(actor=request.user, **values)
        return f"위탁 시설 {with_object(facility.name)} 등록했습니다.", facility.get_absolute_url()

    back = reverse("entrusted:facility_list")
    return service_step(request, save, form=form, render_page=_form_page(request, title="위탁 시설 등록", back=back))


def _facility_kept(request, code: str):
    facility = selectors.facility_get(user=request.user, code=code)
    require(access_entrusted_manage(request.user, facility.division.path))
    return facility


@login_required
def facility_edit(request, code: str):
    facility = _facility_kept(request, code)
    initial = {
        "name": facility.name,
        "kind": facility.kind,
        "division": facility.division,
        "address": facility.address,
        "entrusted_task": facility.entrusted_task,
        "note": facility.note,
    }
    form = FacilityForm(request.POST if request.method == "POST" else None, initial=initial, editing=True)

    def save(values):
        services.facility_update(actor=request.user, facility=facility, **values)
        return f"위탁 시설 {with_object(facility.name)} 고쳤습니다.", facility.get_absolute_url()

    page = _form_page(request, title="위탁 시설 고치기", back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


@login_required
def facility_detail(request, code: str):
    require(access_entrusted_view(request.user))
    facility = selectors.facility_get(user=request.user, code=code)
    on = worklist_day(request)
    detail = selectors.facility_detail(user=request.user, facility=facility, on=on)
    context = {
        "detail": detail,
        "facility": facility,
        "on": on,
        "can_manage": access_entrusted_manage(request.user, facility.division.path),
    }
    return render(request, "entrusted/facility_detail.html", context)


def _contract_initial(contract) -> dict:
    return {
        "trustee": contract.trustee,
        "term_start": contract.term_start,
        "term_end": contract.term_end,
        "signed_on": contract.signed_on,
        "state": contract.state,
        "amount_per_year": contract.amount_per_year,
        "note": contract.note,
    }


@login_required
def contract_create(request, code: str):
    facility = _facility_kept(request, code)
    form = ContractForm(request.POST if request.method == "POST" else None)

    def save(values):
        contract = services.contract_create(actor=request.user, facility=facility, **values)
        return f"{with_object(contract.trustee.name)} 수탁기관으로 계약을 등록했습니다.", facility.get_absolute_url()

    page = _form_page(request, title="위탁 계약 등록", back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


def _contract_kept(request, pk: int):
    contract = selectors.contract_get(user=request.user, pk=pk)
    require(access_entrusted_manage(request.user, contract.facility.division.path))
    return contract


@login_required
def contract_edit(request, pk: int):
    contract = _contract_kept(request, pk)
    facility = contract.facility
    form = ContractForm(request.POST if request.method == "POST" else None, initial=_contract_initial(contract))

    def save(values):
        services.contract_update(actor=request.user, contract=contract, **values)
        return "위탁 계약을 고쳤습니다.", facility.get_absolute_url()

    page = _form_page(request, title="위탁 계약 고치기", back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


@login_required
def budget_create(request, pk: int):
    contract = _contract_kept(request, pk)
    facility = contract.facility
    form = BudgetForm(request.POST if request.method == "POST" else None)

    def save(values):
        budget = services.budget_set(actor=request.user, contract=contract, **values)
        return f"{budget.year}년 예산을 저장했습니다.", facility.get_absolute_url()

    title = f"연도별 예산 ({contract.trustee.name})"
    page = _form_page(request, title=title, back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


@login_required
def settlement_record(request, pk: int):
    budget = selectors.budget_get(user=request.user, pk=pk)
    facility = budget.contract.facility
    require(access_entrusted_manage(request.user, facility.division.path))
    initial = {"settled_amount": budget.settled_amount, "settled_on": budget.settled_on}
    form = SettlementForm(request.POST if request.method == "POST" else None, initial=initial)

    def save(values):
        services.settlement_record(actor=request.user, budget=budget, **values)
        return f"{budget.year}년 정산을 기록했습니다.", facility.get_absolute_url()

    title = f"{budget.year}년 정산 ({budget.contract.trustee.name}, 예산 {budget.budget:,}원)"
    page = _form_page(request, title=title, back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


@login_required
def evaluation_create(request, pk: int):
    contract = _contract_kept(request, pk)
    facility = contract.facility
    form = EvaluationForm(request.POST if request.method == "POST" else None)

    def save(values):
        evaluation = services.evaluation_record(actor=request.user, contract=contract, **values)
        return f"{evaluation.year}년 평가를 저장했습니다.", facility.get_absolute_url()

    title = f"연도별 평가 ({contract.trustee.name})"
    page = _form_page(request, title=title, back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


def _step_form(request, facility, initial=None):
    contracts = selectors.contract_list(user=request.user, facility=facility)
    return StepForm(request.POST if request.method == "POST" else None, initial=initial, contracts=contracts)


@login_required
def step_create(request, code: str):
    facility = _facility_kept(request, code)
    form = _step_form(request, facility)

    def save(values):
        step = services.renewal_step_set(actor=request.user, facility=facility, **values)
        return f"재위탁 절차 {with_object(step.get_kind_display())} 저장했습니다.", facility.get_absolute_url()

    page = _form_page(request, title="재위탁 절차 단계 등록", back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


def _step_kept(request, pk: int):
    step = selectors.renewal_step_get(user=request.user, pk=pk)
    require(access_entrusted_manage(request.user, step.facility.division.path))
    return step


@login_required
def step_edit(request, pk: int):
    step = _step_kept(request, pk)
    facility = step.facility
    initial = {
        "kind": step.kind,
        "round": step.round,
        "due_on": step.due_on,
        "ending_contract": step.ending_contract,
        "contract": step.contract,
        "result": step.result,
    }
    form = _step_form(request, facility, initial)

    def save(values):
        services.renewal_step_set(actor=request.user, facility=facility, step=step, **values)
        return f"재위탁 절차 {with_object(step.get_kind_display())} 고쳤습니다.", facility.get_absolute_url()

    page = _form_page(request, title="재위탁 절차 단계 고치기", back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


@login_required
def step_done(request, pk: int):
    step = _step_kept(request, pk)
    facility = step.facility
    form = StepDoneForm(request.POST if request.method == "POST" else None, initial={"result": step.result})

    def save(values):
        services.renewal_step_done(actor=request.user, step=step, **values)
        return (
            f"재위탁 절차 {with_object(step.get_kind_display())} 마친 것으로 기록했습니다.",
            facility.get_absolute_url(),
        )

    title = f"{step.get_kind_display()} 완료 기록"
    page = _form_page(request, title=title, back=facility.get_absolute_url(), facility=facility)
    return service_step(request, save, form=form, render_page=page)


def _within(request) -> int:
    try:
        return max(1, min(int(request.GET.get("within", "365")), 3650))
    except ValueError:
        return 365


@login_required
def ending_list(request):
    """The contracts that end within `within` days (365 unless asked) of the day (?on=, today unless asked);
    ?kept=1: only the facilities the user keeps (the work list's link)."""
    require(access_entrusted_view(request.user))
    on, within, kept = worklist_day(request), _within(request), request.GET.get("kept") == "1"
    contracts = selectors.contracts_ending(user=request.user, on=on, within_days=within, kept=kept)
    form = EndingForm(initial={"on": on, "within": within})
    page = paginate(request, contracts)
    rows = [(contract, (contract.term_end - on).days) for contract in page]
    context = {"form": form, "on": on, "within": within, "kept": kept, "page": page, "rows": rows}
    return render(request, "entrusted/ending_list.html", context)


@login_required
def steps_due(request):
    """The renewal steps not done whose due date is before the day (?on=); ?kept=1 as the work list links it."""
    require(access_entrusted_view(request.user))
    on, kept = worklist_day(request), request.GET.get("kept") == "1"
    steps = selectors.renewal_steps_due(user=request.user, on=on, kept=kept)
    page = paginate(request, steps)
    rows = selectors.renewal_path(steps=page, on=on)
    context = {"on": on, "kept": kept, "page": page, "rows": rows, "form": EndingForm(initial={"on": on})}
    return render(request, "entrusted/steps_due.html", context)
