"""grants pages: programmes, agreements (list with search and paging, xlsx export, detail with tranches, reports,
settlement, evaluation and history, the forms of each step), payrolls; the grantee's own pages. Parse, call one
service or selector, render."""

from __future__ import annotations

import contextlib
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_grants_manage,
    access_grants_manage_any,
    access_grants_view,
    access_payroll_template,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won, screen_date
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_read
from iljari.enterprises.selectors import organisation_by_business_number
from iljari.grants import selectors, services
from iljari.grants.forms import (
    AgreementFilterForm,
    AgreementForm,
    DisbursementForm,
    EvaluationForm,
    GrantProgrammeForm,
    PayrollApproveForm,
    PayrollUploadForm,
    SettlementForm,
    SignForm,
    SpendingReportForm,
)
from iljari.grants.lists import AGREEMENTS
from iljari.grants.models import GrantAgreement, GrantProgramme, SpendingItem
from iljari.org.selectors import district_choices


def _filters(request):
    programmes = selectors.grant_programme_list(user=request.user)
    form = AgreementFilterForm(request.GET or None, programmes=programmes)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, {k: v for k, v in filters.items() if v}


@login_required
def agreement_list(request):
    require(access_grants_view(request.user))
    form, filters = _filters(request)
    listing = list_read(request, AGREEMENTS)
    rows = listing.order(selectors.agreement_list(user=request.user, **filters))
    return render(
        request,
        "grants/agreement_list.html",
        {"form": form, "listing": listing, "page": paginate(request, rows)},
    )


@login_required
def agreement_export(request):
    """The agreements as the list shows them: the same search, filters and sort."""
    require(access_grants_view(request.user))
    _, filters = _filters(request)
    order = list_read(request, AGREEMENTS).order
    response = HttpResponse(selectors.agreement_sheet(user=request.user, order=order, **filters), content_type=XLSX)
    download_named(response, "보조금 협약 목록.xlsx", fallback="grant-agreements.xlsx")
    return response


@login_required
def programme_list(request):
    programmes = selectors.grant_programme_list(user=request.user)
    return render(
        request,
        "grants/programme_list.html",
        {"programmes": programmes, "can_manage": access_grants_manage_any(request.user)},
    )


@login_required
def programme_create(request):
    require(access_grants_manage_any(request.user))
    programmes = selectors.manageable_programmes(user=request.user)
    year = timezone.localdate().year
    with contextlib.suppress(ValueError):
        year = int(request.POST.get("year") or request.GET.get("year") or year)
    lines = selectors.budget_line_choices(user=request.user, year=year)
    form = GrantProgrammeForm(request.POST or None, programmes=programmes, lines=lines, initial={"year": year})

    def save(data):
        data = dict(data)
        programme_code, line_code = data.pop("programme"), data.pop("budget_line")
        programme = next(p for p in programmes if p.code == programme_code)
        line = next(line for line in lines if line.code == line_code)
        made = services.grant_programme_set(
            actor=request.user, code=data.pop("code"), year=data.pop("year"), name=data.pop("name"),
            programme=programme, budget_line=line, **data,
        )  # fmt: skip
        return f"보조금 사업 {with_object(made.name)} 저장했습니다.", made.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(request, "grants/programme_form.html", {"form": f}, status=status),
    )


@login_required
def programme_detail(request, code: str):
    programme = selectors.grant_programme_get(user=request.user, code=code)
    agreements = selectors.agreement_list(user=request.user, programme=programme.code)
    return render(
        request,
        "grants/programme_detail.html",
        {
            "programme": programme,
            "page": paginate(request, agreements),
            "can_manage": access_grants_manage(request.user, programme.programme.division.path),
        },
    )


@login_required
def agreement_create(request, code: str):
    require(access_grants_manage_any(request.user))
    programme = selectors.grant_programme_get(user=request.user, code=code)
    require(access_grants_manage(request.user, programme.programme.division.path))
    applications = selectors.selectable_applications(user=request.user, programme=programme)
    districts = list(district_choices())
    form = AgreementForm(request.POST or None, applications=applications, districts=districts)

    def save(data):
        application = next((a for a in applications if str(a.pk) == data["application"]), None)
        if application is not None:
            grantee = application.organisation
        else:
            grantee = organisation_by_business_number(user=request.user, number=data["grantee_number"])
            if grantee is None:
                raise ValidationFailed(
                    field_errors={
                        "grantee_number": ["선정된 신청을 고르거나, 등록된 기업·단체의 사업자등록번호를 적으십시오."]
                    }
                )
        district = next((d for d in districts if d.code == data["district"]), None)
        agreement = services.agreement_create(
            actor=request.user,
            programme=programme,
            grantee=grantee,
            application=application,
            code=data["code"],
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            city_amount=data["city_amount"],
            matched_amount=data["matched_amount"] or 0,
            jobs_planned=data["jobs_planned"] or 0,
            district=district,
        )
        return f"협약 {agreement.code}를 만들었습니다. 협약일을 넣어 체결하십시오.", agreement.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "grants/agreement_form.html", {"form": f, "programme": programme}, status=status
        ),
    )


def _detail_page(request, agreement, *, status=200, **forms):
    today = timezone.localdate()
    detail = selectors.agreement_detail(user=request.user, agreement=agreement)
    can_manage = access_grants_manage(request.user, agreement.programme.programme.division.path)
    context = {
        "agreement": agreement,
        "detail": detail,
        "can_manage": can_manage,
        "categories": SpendingItem.Category.choices,
        "is_employment": agreement.programme.kind == GrantProgramme.Kind.EMPLOYMENT,
        "sign_form": forms.get("sign_form") or SignForm(initial={"signed_on": today}),
        "sign_approval": selectors.agreement_sign_approval(agreement=agreement),
        "disbursement_approval": selectors.disbursement_approval(agreement=agreement),
        "disbursement_form": forms.get("disbursement_form") or DisbursementForm(initial={"paid_on": today}),
        "report_form": forms.get("report_form") or SpendingReportForm(initial={"period_end": today}),
        "settlement_form": forms.get("settlement_form")
        or SettlementForm(initial={"settled_on": today, "spent": detail.disbursed, "returned": 0}),
        "evaluation_form": forms.get("evaluation_form") or EvaluationForm(initial={"evaluated_on": today}),
    }
    return render(request, "grants/agreement_detail.html", context, status=status)


@login_required
def agreement_detail(request, code: str):
    agreement = selectors.agreement_get(user=request.user, code=code)
    return _detail_page(request, agreement)


def _agreement_step(request, code, form_class, form_key, act):
    """A step on an agreement's page (`act(agreement, form) -> message`): the page again with the form's errors."""
    require(access_grants_manage_any(request.user))
    agreement = selectors.agreement_get(user=request.user, code=code)
    form = form_class(request.POST)
    return service_step(
        request,
        lambda _data: (act(agreement, form), agreement.get_absolute_url()),
        form=form,
        render_page=lambda f, status: _detail_page(request, agreement, status=status, **{form_key: f}),
    )


@login_required
@require_POST
def agreement_sign(request, code: str):
    """협약 체결 is an approval (결재): an official whose position gives the final approval for the city share (전결)
    signs at once; anyone else goes on to the draft form of the approval with the day they chose."""
    require(access_grants_manage_any(request.user))
    agreement = selectors.agreement_get(user=request.user, code=code)
    form = SignForm(request.POST)
    if form.is_valid():
        signing = services.AgreementSigning(agreement, form.cleaned_data["signed_on"])
        if not selectors.agreement_sign_at_once(user=request.user, signing=signing):
            return redirect(reverse("approvals:draft", args=[services.AGREEMENT_SIGN, signing.key]))

    def act(agreement, form):
        signed = services.agreement_sign(actor=request.user, agreement=agreement, **form.cleaned_data)
        return f"전결로 협약 {signed.code}를 체결했습니다: 시비 {format_won(signed.city_amount)}을 원인행위했습니다."

    return _agreement_step(request, code, SignForm, "sign_form", act)


@login_required
@require_POST
def disbursement_record(request, code: str):
    """교부 is an approval (결재): an official whose position gives the final approval for the tranche (전결) pays it
    at once; anyone else goes on to the draft form of the approval with the day, the amount and the note."""
    require(access_grants_manage_any(request.user))
    agreement = selectors.agreement_get(user=request.user, code=code)
    form = DisbursementForm(request.POST)
    if form.is_valid() and access_grants_manage(request.user, agreement.programme.programme.division.path):
        data = form.cleaned_data
        payment = services.TranchePayment(agreement, data["paid_on"], data["amount"])
        try:  # a tranche that cannot be paid is refused on the form below, not sent to a draft
            services.disbursement_check(agreement=agreement, paid_on=payment.paid_on, amount=payment.amount)
        except ValidationFailed:
            pass
        else:
            if data["amount"] > 0 and not selectors.disbursement_at_once(user=request.user, payment=payment):
                draft = reverse("approvals:draft", args=[services.DISBURSE, payment.key])
                return redirect(f"{draft}?{urlencode({'note': data['note']})}" if data["note"] else draft)

    def act(agreement, form):
        d = services.disbursement_record(actor=request.user, agreement=agreement, **form.cleaned_data)
        if d is None:  # not 전결 after all (the rules changed meanwhile): the approval is drafted
            return "결재를 올렸습니다 — 결재가 끝나면 보조금이 교부되고 예산 사업의 지출액이 됩니다."
        return f"전결로 {d.number}차 {format_won(d.amount)}을 {screen_date(d.paid_on)}에 교부했습니다."

    return _agreement_step(request, code, DisbursementForm, "disbursement_form", act)


def _report_submit(request, agreement, form) -> None:
    """A spending report from its form (the division's page and the grantee's own)."""
    data = form.cleaned_data
    services.spending_report_submit(
        actor=request.user,
        agreement=agreement,
        period_end=data["period_end"],
        items=form.items(),
        jobs_created=data["jobs_created"] or 0,
        note=data["note"],
    )


@login_required
@require_POST
def spending_report(request, code: str):
    def act(agreement, form):
        _report_submit(request, agreement, form)
        return f"{screen_date(form.cleaned_data['period_end'])} 기준 집행 보고를 등록했습니다."

    return _agreement_step(request, code, SpendingReportForm, "report_form", act)


@login_required
@require_POST
def settlement_record(request, code: str):
    def act(agreement, form):
        s = services.settlement_record(actor=request.user, agreement=agreement, **form.cleaned_data)
        return (
            f"정산했습니다: 교부액 {format_won(s.disbursed)} = 집행액 {format_won(s.spent)} "
            f"+ 반납액 {format_won(s.returned)}."
        )

    return _agreement_step(request, code, SettlementForm, "settlement_form", act)


@login_required
@require_POST
def evaluation_record(request, code: str):
    def act(agreement, form):
        e = services.evaluation_record(actor=request.user, agreement=agreement, **form.cleaned_data)
        extra = " 다음 해 협약(준비)을 만들었습니다." if e.decision != "stop" else ""
        return f"평가를 등록했습니다({e.get_decision_display()}, 평균 {e.score}점).{extra}"

    return _agreement_step(request, code, EvaluationForm, "evaluation_form", act)


@login_required
def payroll_detail(request, pk: int):
    payroll = selectors.payroll_get(user=request.user, pk=pk)
    agreement = payroll.agreement
    can_manage = access_grants_manage(request.user, agreement.programme.programme.division.path)
    if request.method == "POST":
        require(can_manage)

    form = PayrollApproveForm(
        request.POST if request.method == "POST" else None, initial={"paid_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        # 승인 is an approval (결재): an official whose position gives it for the subsidy (전결) pays at once; anyone
        # else goes on to the draft form with the day (a payroll that cannot be approved is refused on this page)
        payment = services.PayrollPayment(payroll, form.cleaned_data["paid_on"])
        try:
            services.payroll_approve_check(payroll=payroll, paid_on=payment.paid_on)
        except ValidationFailed:
            pass
        else:
            if not selectors.payroll_at_once(user=request.user, payment=payment):
                return redirect(reverse("approvals:draft", args=[services.PAYROLL_PAY, payment.key]))

    def approve(data):
        d = services.payroll_approve(actor=request.user, payroll=payroll, paid_on=data["paid_on"])
        if d is None:  # not 전결 after all (the rules changed meanwhile): the approval is drafted
            message = "결재를 올렸습니다 — 결재가 끝나면 지원액이 교부되고 예산 사업의 지출액이 됩니다."
        else:
            message = f"전결로 승인하고 {format_won(d.amount)}을 {d.number}차로 교부했습니다."
        return message, reverse("grants:payroll_detail", args=[payroll.pk])

    back = (
        agreement.get_absolute_url()
        if access_grants_view(request.user)
        else reverse("grants:my_agreement", args=[agreement.code])
    )
    return service_step(
        request,
        approve,
        form=form,
        render_page=lambda form, status: render(
            request,
            "grants/payroll_detail.html",
            {
                "payroll": payroll,
                "lines": payroll.lines.all(),
                "form": form,
                "can_manage": can_manage,
                "back": back,
                "approval": selectors.payroll_approval(payroll=payroll),
            },
            status=status,
        ),
    )


@login_required
def payroll_template(request):
    require(access_payroll_template(request.user))
    response = HttpResponse(selectors.payroll_template(), content_type=XLSX)
    download_named(response, "인건비 지원 신청 양식.xlsx", fallback="payroll-template.xlsx")
    return response


# --- the grantee's own pages ----------------------------------------------------------------------------------


@login_required
def my_agreement_list(request):
    rows = selectors.my_agreement_list(user=request.user)
    return render(request, "grants/my_agreement_list.html", {"agreements": rows})


def _my_page(request, agreement, *, status=200, report_form=None, payroll_form=None):
    detail = selectors.agreement_detail(user=request.user, agreement=agreement, history=False)
    context = {
        "agreement": agreement,
        "detail": detail,
        "categories": SpendingItem.Category.choices,
        "is_employment": agreement.programme.kind == GrantProgramme.Kind.EMPLOYMENT,
        "report_form": report_form or SpendingReportForm(initial={"period_end": timezone.localdate()}),
        "payroll_form": payroll_form or PayrollUploadForm(),
        "open": agreement.status == GrantAgreement.Status.SIGNED,
    }
    return render(request, "grants/my_agreement.html", context, status=status)


@login_required
def my_agreement(request, code: str):
    agreement = selectors.my_agreement_get(user=request.user, code=code)
    if request.method != "POST":
        return _my_page(request, agreement)
    done = reverse("grants:my_agreement", args=[agreement.code])
    if request.POST.get("step") == "payroll":

        def upload(data):
            payroll = services.payroll_import(
                actor=request.user, agreement=agreement, title=data["title"], data=data["file"].read()
            )
            message = (
                f"인건비 지원을 신청했습니다: {payroll.employees}명, 지원액 {format_won(payroll.subsidy)}(승인 전)."
            )
            return message, done

        return service_step(
            request,
            upload,
            form=PayrollUploadForm(request.POST, request.FILES),
            render_page=lambda form, status: _my_page(request, agreement, status=status, payroll_form=form),
        )
    form = SpendingReportForm(request.POST)

    def report(data):
        _report_submit(request, agreement, form)
        return f"{screen_date(data['period_end'])} 기준 집행 보고를 제출했습니다.", done

    return service_step(
        request,
        report,
        form=form,
        render_page=lambda f, status: _my_page(request, agreement, status=status, report_form=f),
    )
