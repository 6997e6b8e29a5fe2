"""grants SIB selectors — reads of the social impact bond contracts, scoped to the user.

Contract:
- sib_contract_list(*, user) -> QuerySet[OutcomeContract]     office-wide roles; investor count and the payment
      annotated (one query)
- sib_contract_get(*, user, code) -> OutcomeContract            404 when absent
- sib_contract_detail(*, contract) -> dict                      investors, metrics with their results, the
      evaluation, the payment and its shares
"""

from __future__ import annotations

from django.db.models import Count, OuterRef, QuerySet, Subquery

from iljari.core.access import access_sib_view, require
from iljari.core.errors import NotFound
from iljari.enterprises.models import Organisation
from iljari.grants.models import MetricResult, OutcomeContract, OutcomeEvaluation, OutcomePayment


def sib_contract_list(*, user) -> QuerySet[OutcomeContract]:
    require(access_sib_view(user), "사회성과보상사업을 볼 권한이 없습니다.")
    payment = OutcomePayment.objects.filter(evaluation__contract=OuterRef("pk"))
    return (
        OutcomeContract.objects.select_related("provider")
        .annotate(
            investor_count=Count("investors", distinct=True),
            payment_amount=Subquery(payment.values("amount")[:1]),
        )
        .order_by("-starts_on", "code")
    )


def sib_contract_get(*, user, code: str) -> OutcomeContract:
    require(access_sib_view(user), "사회성과보상사업을 볼 권한이 없습니다.")
    contract = OutcomeContract.objects.select_related("provider").filter(code=code).first()
    if contract is None:
        raise NotFound("사회성과보상사업을 찾을 수 없습니다.")
    return contract


def sib_contract_detail(*, contract: OutcomeContract) -> dict:
    investors = list(contract.investors.order_by("order", "pk"))
    metrics = list(contract.metrics.order_by("order", "pk"))
    evaluation = OutcomeEvaluation.objects.filter(contract=contract).first()
    results = {}
    payment = None
    shares = {}
    if evaluation is not None:
        results = {r.metric_id: r for r in MetricResult.objects.filter(evaluation=evaluation)}
        payment = OutcomePayment.objects.filter(evaluation=evaluation).first()
        if payment is not None:
            shares = {s.investor_id: s.amount for s in payment.shares.all()}
    return {
        "investors": [
            {"investor": i, "share": shares.get(i.pk), "ratio": i.amount * 100 / contract.principal} for i in investors
        ],  # fmt: skip
        "metrics": [{"metric": m, "result": results.get(m.pk)} for m in metrics],
        "evaluation": evaluation,
        "payment": payment,
        "investor_total": sum(i.amount for i in investors),
    }


def provider_find(*, business_number: str):
    """The organisation with this business number (dashes allowed), or None: the provider of a new contract."""
    digits = (business_number or "").replace("-", "").strip()
    return Organisation.objects.filter(business_number=digits).first() if digits else None
