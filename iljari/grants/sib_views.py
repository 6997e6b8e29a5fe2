"""SIB pages (사회성과보상사업): the contracts, a contract's page (investors, outcome metrics, the independent
evaluation, the payment it earns and its split, with the formula), registration and the evaluation form. Parse, call
one service or selector, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from iljari.core.access import access_sib_manage, access_sib_view, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won
from iljari.core.http import paginate, service_step
from iljari.core.korean import with_object
from iljari.grants import sib_selectors as selectors
from iljari.grants import sib_services as services
from iljari.grants.district_forms import SibContractForm, SibEvaluationForm


@login_required
def sib_list(request):
    require(access_sib_view(request.user))
    rows = selectors.sib_contract_list(user=request.user)
    return render(
        request, "grants/sib/contract_list.html",
        {"page": paginate(request, rows), "can_manage": access_sib_manage(request.user)},
    )  # fmt: skip


def _contract_page(request, contract, *, status=200, evaluation_form=None):
    detail = selectors.sib_contract_detail(contract=contract)
    context = {
        "contract": contract,
        **detail,
        "can_manage": access_sib_manage(request.user),
        "evaluation_form": evaluation_form or SibEvaluationForm(metrics=[row["metric"] for row in detail["metrics"]]),
    }
    return render(request, "grants/sib/contract_detail.html", context, status=status)


@login_required
def sib_detail(request, code: str):
    return _contract_page(request, selectors.sib_contract_get(user=request.user, code=code))


@login_required
def sib_create(request):
    require(access_sib_manage(request.user))
    form = SibContractForm(request.POST or None)

    def save(data):
        provider = selectors.provider_find(business_number=data.pop("provider_number"))
        if provider is None:
            raise ValidationFailed(
                field_errors={"provider_number": ["이 사업자등록번호로 등록된 기업·단체가 없습니다."]}
            )
        contract = services.sib_contract_create(actor=request.user, provider=provider, **data)
        return f"사회성과보상사업 {with_object(contract.title)} 등록했습니다.", contract.get_absolute_url()

    return service_step(
        request, save, form=form,
        render_page=lambda f, status: render(request, "grants/sib/contract_form.html", {"form": f}, status=status),
    )  # fmt: skip


@login_required
@require_POST
def sib_evaluate(request, code: str):
    require(access_sib_manage(request.user))
    contract = selectors.sib_contract_get(user=request.user, code=code)
    form = SibEvaluationForm(request.POST, metrics=list(contract.metrics.order_by("order", "pk")))

    def evaluate(data):
        evaluation = services.sib_evaluation_record(
            actor=request.user, contract=contract, evaluator=data["evaluator"], evaluated_on=data["evaluated_on"],
            measured=form.measured(), note=data["note"],
        )  # fmt: skip
        message = f"성과 평가를 기록했습니다. 성과보상액 {format_won(evaluation.payment.amount)}."
        return message, contract.get_absolute_url()

    return service_step(
        request,
        evaluate,
        form=form,
        render_page=lambda f, status: _contract_page(request, contract, status=status, evaluation_form=f),
    )
