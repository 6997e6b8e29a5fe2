"""fund pages: loans (list, detail with schedule and history, register, disburse, repayments, schedule export),
bank statements, deferment decisions, the portfolio, the ledger and the notices. Parse, call one service or
selector, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_committees_view,
    access_fund_ledger_view,
    access_fund_manage,
    access_fund_view,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won
from iljari.core.forms import UploadForm
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.lists import list_read, list_sheet
from iljari.core.xlsx import Column, xlsx_table
from iljari.fund import selectors, services
from iljari.fund.forms import (
    AsOfForm,
    DecisionForm,
    DefermentRequestForm,
    DisburseForm,
    LoanFilterForm,
    LoanForm,
    NoticeBatchForm,
    RepaymentForm,
)
from iljari.fund.lists import LOANS, NOTICES
from iljari.fund.models import Account, DefermentRequest, Notice
from iljari.fund.tasks import notices_batch as notices_batch_task


def _as_of(request):
    """The day the page is as of: the one the user chose (`?as_of=`, kept through the page's forms and redirects),
    else the day the fund opens at (selectors.fund_default_day: its newest ledger day). The form shows the day."""
    form = AsOfForm(request.GET or None)
    chosen = form.cleaned_data.get("as_of") if form.is_valid() else None
    if chosen is not None:
        return form, chosen
    as_of = selectors.fund_default_day()
    return AsOfForm(initial={"as_of": as_of}), as_of


def _with_as_of(request, url: str) -> str:
    """The URL with the day the user chose, so the page after a step shows the day it was taken on."""
    form = AsOfForm(request.GET or None)
    chosen = form.cleaned_data.get("as_of") if form.is_valid() else None
    return f"{url}?{urlencode({'as_of': chosen.isoformat()})}" if chosen else url


def _loans(request):
    """The loans as the list asks: the filter form's search and filters, sorted by the list spec (fund/lists.py)."""
    listing = list_read(request, LOANS)
    form = LoanFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, listing, listing.order(selectors.loan_list(user=request.user, **filters))


@login_required
def loan_list(request):
    require(access_fund_view(request.user))
    form, listing, rows = _loans(request)
    return render(
        request,
        "fund/loan_list.html",
        {
            "form": form,
            "listing": listing,
            "page": paginate(request, rows),
            "can_manage": access_fund_manage(request.user),
        },
    )


@login_required
def loan_export(request):
    """The loans as the list shows them (the same search, filters and sort), every row, as xlsx."""
    require(access_fund_view(request.user))
    _form, listing, rows = _loans(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "사회투자기금 융자 목록.xlsx", fallback="loans.xlsx")
    return response


def _loan_page(request, loan, *, status=200, **forms):
    as_of_form, as_of = _as_of(request)
    can_manage = access_fund_manage(request.user)
    context = {
        "loan": loan,
        "as_of_form": as_of_form,
        "as_of": as_of,
        "position": selectors.loan_position(loan, as_of) if loan.disbursed_on else None,
        "rows": selectors.schedule_rows(loan=loan),
        "history": selectors.loan_history(loan=loan),
        "repaid": selectors.repayment_history(loan=loan),
        "can_manage": can_manage,
        "can_committees": access_committees_view(request.user),
        "repayment_form": forms.get("repayment_form") or RepaymentForm(initial={"received_on": as_of}),
        "deferment_form": forms.get("deferment_form") or DefermentRequestForm(initial={"requested_on": as_of}),
        "disburse_form": forms.get("disburse_form") or DisburseForm(initial={"on": as_of}),
        "disburse_approval": selectors.loan_disburse_approval(loan=loan) if not loan.disbursed_on else None,
    }
    return render(request, "fund/loan_detail.html", context, status=status)


@login_required
def loan_detail(request, number: str):
    loan = selectors.loan_get(user=request.user, number=number)
    return _loan_page(request, loan)


@login_required
def loan_create(request):
    require(access_fund_manage(request.user))
    form = LoanForm(request.POST or None, agreements=selectors.agreement_list(user=request.user))

    def save(data):
        borrower = selectors.borrower_find(business_number=data.pop("borrower_number"))
        if borrower is None:
            raise ValidationFailed(
                field_errors={"borrower_number": ["이 사업자등록번호로 등록된 기업·단체가 없습니다."]}
            )
        loan = services.loan_register(actor=request.user, borrower=borrower, **data)
        return f"융자 {loan.number}를 등록했습니다. 실행일을 넣어 실행하십시오.", loan.get_absolute_url()

    return service_step(
        request, save, form=form, render_page=lambda f, status: render(request, "fund/loan_form.html", {"form": f},
                                                                       status=status)
    )  # fmt: skip


def _loan_step(request, number, form_class, form_key, act):
    """A step on a loan's page (`act(loan, data) -> message`): the loan's page again with the form's errors, or
    after the step, at the day the page was as of (`?as_of=` of the form's action)."""
    require(access_fund_manage(request.user))
    loan = selectors.loan_get(user=request.user, number=number)
    return service_step(
        request,
        lambda data: (act(loan, data), _with_as_of(request, loan.get_absolute_url())),
        form=form_class(request.POST),
        render_page=lambda form, status: _loan_page(request, loan, status=status, **{form_key: form}),
    )


@login_required
@require_POST
def loan_disburse(request, number: str):
    """융자 실행 is an approval (결재): an official whose position gives the final approval for the principal (전결)
    pays out at once; anyone else goes on to the draft form of the approval with the day they chose."""
    form = DisburseForm(request.POST)
    if form.is_valid() and access_fund_manage(request.user):
        payout = services.LoanDisbursement(
            selectors.loan_get(user=request.user, number=number), form.cleaned_data["on"]
        )
        if not selectors.loan_disburse_at_once(user=request.user, payout=payout):
            return redirect(reverse("approvals:draft", args=[services.LOAN_DISBURSE, payout.key]))

    def act(loan, data):
        services.loan_disburse(actor=request.user, loan=loan, on=data["on"])
        return f"전결로 융자 {loan.number}를 {data['on']}에 실행했습니다. 상환 일정이 만들어졌습니다."

    return _loan_step(request, number, DisburseForm, "disburse_form", act)


@login_required
@require_POST
def repayment_post(request, number: str):
    def act(loan, data):
        repayment = services.repayment_post(actor=request.user, loan=loan, **data)
        return (
            f"{format_won(repayment.amount)}을 반영했습니다: 연체이자 {format_won(repayment.overdue_interest)}, "
            f"이자 {format_won(repayment.interest)}, 원금 {format_won(repayment.principal)}."
        )

    return _loan_step(request, number, RepaymentForm, "repayment_form", act)


@login_required
@require_POST
def deferment_request(request, number: str):
    def act(loan, data):
        services.deferment_request(actor=request.user, loan=loan, **data)
        return "상환유예·이행연기 신청을 받았습니다. 심의위원회에서 결정합니다."

    return _loan_step(request, number, DefermentRequestForm, "deferment_form", act)


@login_required
def schedule_export(request, number: str):
    loan = selectors.loan_get(user=request.user, number=number)
    columns = [
        Column("number", "회차", "int"),
        Column("due_on", "납기일", "date"),
        Column("principal", "원금", "int"),
        Column("interest", "이자", "int"),
        Column("total", "합계", "int"),
        Column("balance_after", "상환 후 잔액", "int"),
    ]
    rows = [
        {"number": r.number, "due_on": r.due_on, "principal": r.principal, "interest": r.interest, "total": r.total,
         "balance_after": r.balance_after}
        for r in selectors.schedule_rows(loan=loan)
    ]  # fmt: skip
    note = (
        f"{loan.number} {loan.borrower.name}: {loan.get_method_display()}, 연 {loan.annual_rate}%, "
        "월 이자 = 잔액 × 연리 / 12(원 미만 절사)"
    )
    data = xlsx_table(title="상환 일정", columns=columns, rows=rows, note=note)
    response = HttpResponse(data, content_type=XLSX)
    download_named(response, f"상환 일정({loan.number}).xlsx", fallback=f"schedule-{loan.number}.xlsx")
    return response


@login_required
def statement_upload(request):
    require(access_fund_manage(request.user))

    def post(data):
        file = data["file"]
        result = services.statement_import(actor=request.user, data=file.read(), file_name=file.name)
        # the summary first, then each skipped row (so they are flashed here, in this order)
        messages.success(request, f"입금 {result.posted:,}건을 반영했습니다. 건너뛴 행 {len(result.skipped):,}개.")
        for line in result.skipped[:50]:
            messages.info(request, line)
        return None, reverse("fund:statement_upload")

    return service_step(
        request,
        post,
        form=UploadForm(request.POST or None, request.FILES or None),
        render_page=lambda upload, status: render(
            request, "fund/statement_upload.html", {"upload": upload}, status=status
        ),
    )


@login_required
def statement_template(request):
    require(access_fund_manage(request.user))
    data = xlsx_table(title="입금 내역", columns=services.statement_columns(), rows=[])
    response = HttpResponse(data, content_type=XLSX)
    download_named(response, "입금 내역 양식.xlsx", fallback="bank-statement-template.xlsx")
    return response


@login_required
def deferment_list(request):
    require(access_fund_view(request.user))
    return render(
        request,
        "fund/deferment_list.html",
        {
            "pending": selectors.deferment_pending(user=request.user),
            "can_manage": access_fund_manage(request.user),
            "form": DecisionForm(initial={"held_on": timezone.localdate()}),
            "committee": selectors.deferment_committee(),
            "can_committees": access_committees_view(request.user),
        },
    )


@login_required
@require_POST
def deferment_decide(request, pk: int):
    require(access_fund_manage(request.user))

    def decide():
        pending = selectors.deferment_pending(user=request.user).filter(pk=pk).first()
        if pending is None:
            raise ValidationFailed("심의를 기다리는 신청이 아닙니다.")
        form = DecisionForm(request.POST)
        if not form.is_valid():
            raise ValidationFailed("심의위원회 개최일과 결정을 확인하십시오.")
        data = form.cleaned_data
        decided = services.deferment_decide(
            actor=request.user,
            request=pending,
            held_on=data["held_on"],
            approve=data["decision"] == "approve",
            note=data["note"],
        )
        if decided.status == DefermentRequest.Status.APPROVED:
            message = f"{decided.loan.number}: 승인했습니다. {data['held_on']}부터 새 상환 일정을 적용합니다."
        else:
            message = f"{decided.loan.number}: 부결했습니다. 상환 일정은 그대로입니다."
        return message, decided.loan.get_absolute_url()

    return service_step(request, decide, back=reverse("fund:deferment_list"))


@login_required
def portfolio(request):
    require(access_fund_view(request.user))
    form, as_of = _as_of(request)
    result = selectors.portfolio(user=request.user, as_of=as_of)
    return render(
        request,
        "fund/portfolio.html",
        {
            "form": form,
            "as_of": as_of,
            "p": result,
            "plan": selectors.year_plan(year=as_of.year),
            "first_half": selectors.agreements_of_round(user=request.user, year=as_of.year, call_round=1),
        },
    )


@login_required
def ledger(request):
    require(access_fund_ledger_view(request.user))
    form, as_of = _as_of(request)
    balances = selectors.ledger_balances(as_of=as_of)
    rows = [{"code": code, "name": label, "balance": balances[code]} for code, label in Account.choices]
    return render(
        request,
        "fund/ledger.html",
        {"form": form, "as_of": as_of, "rows": rows, "total": sum(balances.values())},
    )


@login_required
def _notices(request):
    """The notices as the list asks: the kind, the search box, sorted (fund/lists.py)."""
    require(access_fund_view(request.user))
    listing = list_read(request, NOTICES)
    kind = request.GET.get("kind", "")
    kind = kind if kind in Notice.Kind.values else ""
    return listing, listing.order(selectors.notice_list(user=request.user, kind=kind, q=listing.q))


@login_required
def notice_export(request):
    """The notices as the list shows them (the same search, kind and sort), every row, as xlsx."""
    listing, notices = _notices(request)
    response = HttpResponse(list_sheet(listing, notices.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "상환·연체 고지 목록.xlsx", fallback="fund-notices.xlsx")
    return response


@login_required
def notice_list(request):
    listing, notices = _notices(request)
    today = timezone.localdate()
    start = today.replace(day=1 if today.day <= 15 else 16)
    return render(
        request,
        "fund/notice_list.html",
        {
            "listing": listing,
            "page": paginate(request, notices),
            "can_manage": access_fund_manage(request.user),
            "form": NoticeBatchForm(initial={"kind": "repayment", "period_start": start, "period_end": today}),
            "issue_approvals": selectors.notices_issue_approvals(user=request.user),
        },
    )


@login_required
@require_POST
def notice_batch(request):
    """고지 일괄 발송 is an approval (결재): an official whose position gives the final approval for the batch's
    total (전결) starts the batch job at once; anyone else goes on to the draft form of the approval."""
    require(access_fund_manage(request.user))
    form = NoticeBatchForm(request.POST)
    if form.is_valid():
        batch = services.NoticeBatch(**{k: form.cleaned_data[k] for k in ("kind", "period_start", "period_end")})
        if not selectors.notices_issue_at_once(user=request.user, batch=batch):
            return redirect(reverse("approvals:draft", args=[services.NOTICES_ISSUE, batch.key]))

    def start():
        if not form.is_valid():
            raise ValidationFailed("고지 구분과 기간을 확인하십시오.")
        job = services.notices_batch_start(actor=request.user, task=notices_batch_task, **form.cleaned_data)
        if job is None:  # not 전결 after all (the rules changed meanwhile): the approval is drafted
            return "결재를 올렸습니다 — 결재가 끝나면 고지 일괄 기록이 시작됩니다.", reverse("fund:notice_list")
        return "전결로 고지 일괄 기록을 시작했습니다.", reverse("core:job_detail", args=[job.pk])

    return service_step(request, start, back=reverse("fund:notice_list"))


@login_required
def notice_detail(request, pk: int):
    notice = selectors.notice_get(user=request.user, pk=pk)
    position = selectors.loan_position(notice.loan, notice.period_end)
    batch = f"{notice.kind}-{notice.period_start:%Y-%m-%d}"  # the notices of the same kind and period
    return render(request, "fund/notice.html", {"notice": notice, "position": position, "batch_subject": batch})
