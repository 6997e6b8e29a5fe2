"""grants SIB services — the writes of the social impact bond (사회성과보상사업).

Contract:
- sib_contract_create(*, actor, code, title, provider, target_population, starts_on, ends_on, principal,
      threshold_rate, cap_rate, investors, metrics, operator="", note="") -> OutcomeContract
      investors: [{"name", "amount"}] adding up to the principal exactly; metrics: [{"name", "unit", "baseline",
      "target", "weight"}] with weights adding up to 100%; a target different from its baseline.
- sib_evaluation_record(*, actor, contract, evaluator, evaluated_on, measured, note="") -> OutcomeEvaluation
      the independent evaluation: a measured value for every metric ({metric_id: value}), not before the contract
      starts; computes each metric's achievement, the payment (payment_compute) and its split to the investors
      (shares_split), all in one transaction. One evaluation per contract.
- payment_compute(*, principal, threshold_rate, cap_rate, results) -> (achievement %, amount)   pure
- shares_split(*, amount, investors) -> list[int]                                              pure, pro rata

The formula is in grants.models.sib's docstring (and on the contract's page). `actor=None` is the system (demo
loader, tests' set-up). Mistakes raise ValidationFailed with Korean messages and write nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

from django.db import transaction

from iljari.core.access import access_sib_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won, screen_date
from iljari.core.korean import with_object, with_subject, with_topic
from iljari.grants.models import (
    Investor,
    MetricResult,
    OutcomeContract,
    OutcomeEvaluation,
    OutcomeMetric,
    OutcomePayment,
    PaymentShare,
)

HUNDRED = Decimal(100)


def _require_manage(actor) -> None:
    if actor is not None:
        require(access_sib_manage(actor), "사회성과보상사업을 관리할 권한이 없습니다.")


MAX_WON = 10**15
MAX_VALUE = Decimal(10**12)  # the metric columns hold 12 digits before the point
MAX_RATE = Decimal(1000)  # 천 %: the rate columns hold less than 10,000
MAX_ACHIEVEMENT = Decimal("99999.99")  # a metric's achievement is kept at most this (in %)


def _decimal(
    value, field_name: str, label: str, errors: dict, *, limit: Decimal = MAX_VALUE, places: str = "0.01"
) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        errors[field_name] = [f"{with_object(label)} 숫자로 적으십시오."]
        return None
    if not number.is_finite():
        errors[field_name] = [f"{with_object(label)} 숫자로 적으십시오."]
        return None
    if abs(number) >= limit:
        errors[field_name] = [f"{with_subject(label)} 너무 큽니다({limit:,} 미만)."]
        return None
    if number != number.quantize(Decimal(places)):
        errors[field_name] = [f"{with_topic(label)} 소수점 {len(places) - 2}자리까지 적습니다."]
        return None
    return number


def sib_contract_create(
    *,
    actor,
    code: str,
    title: str,
    provider,
    target_population: str,
    starts_on: date,
    ends_on: date,
    principal: int,
    threshold_rate,
    cap_rate,
    investors: list[dict],
    metrics: list[dict],
    operator: str = "",
    note: str = "",
) -> OutcomeContract:
    _require_manage(actor)
    errors: dict[str, list[str]] = {}
    code, title = (code or "").strip(), (title or "").strip()
    if not code:
        errors["code"] = ["사업코드를 적으십시오."]
    elif OutcomeContract.objects.filter(code=code).exists():
        errors["code"] = [f"사업코드 {code}는 이미 있습니다."]
    if not title:
        errors["title"] = ["사업명을 적으십시오."]
    if not (target_population or "").strip():
        errors["target_population"] = ["사업대상을 적으십시오."]
    if ends_on <= starts_on:
        errors["ends_on"] = ["사업 종료일은 시작일보다 뒤여야 합니다."]
    if isinstance(principal, bool) or not isinstance(principal, int) or not 0 < principal < MAX_WON:
        errors["principal"] = ["투자 원금은 1원 이상의 정수여야 합니다(천조 원 미만)."]
        principal = None
    threshold = _decimal(threshold_rate, "threshold_rate", "최소 달성률", errors, limit=MAX_RATE, places="0.1")
    cap = _decimal(cap_rate, "cap_rate", "보상 상한", errors, limit=MAX_RATE, places="0.1")
    if threshold is not None and cap is not None:
        if threshold < 0 or threshold > 100:
            errors["threshold_rate"] = ["최소 달성률은 0% 이상 100% 이하입니다."]
        elif cap < threshold or cap <= 0:
            errors["cap_rate"] = ["보상 상한은 0%보다 크고 최소 달성률 이상이어야 합니다."]
    names = set()
    total = 0
    for index, investor in enumerate(investors or []):
        name = (investor.get("name") or "").strip()
        amount = investor.get("amount")
        if not name:
            errors[f"investors.{index}.name"] = [f"{index + 1}번째 투자자의 이름을 적으십시오."]
        elif name in names:
            errors[f"investors.{index}.name"] = [f"투자자 {with_subject(name)} 두 번 있습니다."]
        names.add(name)
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount < MAX_WON:
            errors[f"investors.{index}.amount"] = [f"{index + 1}번째 투자자의 투자액은 1원 이상의 정수여야 합니다."]
        else:
            total += amount
    if not investors:
        errors["investors"] = ["투자자를 한 명 이상 적으십시오."]
    elif (
        principal is not None
        and not errors.keys() & {f"investors.{i}.amount" for i in range(len(investors))}
        and total != principal
    ):
        errors["investors"] = [
            f"투자자별 투자액의 합({format_won(total)})이 투자 원금({format_won(principal)})과 다릅니다. "
            f"차이 {format_won(abs(total - principal))}."
        ]
    weights = Decimal(0)
    clean_metrics = []
    for index, metric in enumerate(metrics or []):
        name = (metric.get("name") or "").strip()
        if not name:
            errors[f"metrics.{index}.name"] = [f"{index + 1}번째 성과지표의 이름을 적으십시오."]
        baseline = _decimal(metric.get("baseline"), f"metrics.{index}.baseline", "기준값", errors)
        target = _decimal(metric.get("target"), f"metrics.{index}.target", "목표값", errors)
        weight = _decimal(
            metric.get("weight"), f"metrics.{index}.weight", "가중치", errors, limit=MAX_RATE, places="0.1"
        )
        if baseline is not None and target is not None and baseline == target:
            errors[f"metrics.{index}.target"] = [f"성과지표 {name}의 목표값이 기준값과 같습니다."]
        if weight is not None:
            if weight <= 0:
                errors[f"metrics.{index}.weight"] = ["가중치는 0%보다 커야 합니다."]
            weights += weight
        clean_metrics.append({"name": name, "unit": (metric.get("unit") or "").strip(), "baseline": baseline,
                              "target": target, "weight": weight})  # fmt: skip
    if not metrics:
        errors["metrics"] = ["성과지표를 하나 이상 적으십시오."]
    elif weights != HUNDRED and not any(key.startswith("metrics.") for key in errors):
        errors["metrics"] = [f"성과지표 가중치의 합이 {weights}%입니다. 100%여야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        contract = OutcomeContract.objects.create(
            code=code,
            title=title,
            provider=provider,
            operator=(operator or "").strip(),
            target_population=target_population.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            principal=principal,
            threshold_rate=threshold,
            cap_rate=cap,
            note=note,
        )
        # one by one (a handful of rows): each in the change history
        for i, inv in enumerate(investors):
            Investor.objects.create(contract=contract, order=i, name=inv["name"].strip(), amount=inv["amount"])
        for i, metric in enumerate(clean_metrics):
            OutcomeMetric.objects.create(contract=contract, order=i, **metric)
    return contract


def metric_achievement(*, baseline: Decimal, target: Decimal, measured: Decimal) -> Decimal:
    """(measured − baseline) / (target − baseline), never below 0 (nor above MAX_ACHIEVEMENT), in percent to 0.01
    (floor)."""
    rate = (measured - baseline) / (target - baseline) * HUNDRED
    return min(max(Decimal(0), rate), MAX_ACHIEVEMENT).quantize(Decimal("0.01"), rounding=ROUND_FLOOR)


def payment_compute(*, principal: int, threshold_rate: Decimal, cap_rate: Decimal, results) -> tuple[Decimal, int]:
    """results: [(weight %, achievement %)] → (overall achievement %, payment in 원)."""
    overall = sum((weight * achievement / HUNDRED for weight, achievement in results), Decimal(0))
    overall = overall.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
    if overall < threshold_rate:
        return overall, 0
    paid_rate = min(overall, cap_rate)
    return overall, int((Decimal(principal) * paid_rate / HUNDRED).to_integral_value(rounding=ROUND_FLOOR))


def shares_split(*, amount: int, investors: list[int]) -> list[int]:
    """`amount` split pro rata to the investors' amounts: floors, then the remaining 원 one each to the largest
    remainders (ties to the earlier investor). The shares add up to `amount`."""
    total = sum(investors)
    shares = [amount * invested // total for invested in investors]
    remainders = [amount * invested % total for invested in investors]
    left = amount - sum(shares)
    for index in sorted(range(len(investors)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return shares


def sib_evaluation_record(
    *, actor, contract: OutcomeContract, evaluator: str, evaluated_on: date, measured: dict, note: str = ""
) -> OutcomeEvaluation:
    _require_manage(actor)
    errors: dict[str, list[str]] = {}
    evaluator = (evaluator or "").strip()
    if not evaluator:
        errors["evaluator"] = ["평가기관을 적으십시오."]
    if evaluated_on < contract.starts_on:
        errors["evaluated_on"] = [
            f"평가일({screen_date(evaluated_on)})이 사업 시작일({screen_date(contract.starts_on)})보다 앞섭니다."
        ]
    if OutcomeEvaluation.objects.filter(contract=contract).exists():
        errors["evaluator"] = ["이 사업의 성과 평가는 이미 기록되어 있습니다."]
    metrics = list(contract.metrics.order_by("order", "pk"))
    values = {}
    for metric in metrics:
        raw = measured.get(metric.pk, measured.get(str(metric.pk)))
        field_name = f"metric_{metric.pk}"
        if raw is None or raw == "":
            errors[field_name] = [f"성과지표 {metric.name}의 측정값을 적으십시오."]
            continue
        value = _decimal(raw, field_name, f"{metric.name} 측정값", errors)
        if value is not None:
            values[metric.pk] = value
    if errors:
        raise ValidationFailed(field_errors=errors)
    results = []
    for metric in metrics:
        achievement = metric_achievement(baseline=metric.baseline, target=metric.target, measured=values[metric.pk])
        results.append((metric, values[metric.pk], achievement))
    overall, amount = payment_compute(
        principal=contract.principal,
        threshold_rate=contract.threshold_rate,
        cap_rate=contract.cap_rate,
        results=[(metric.weight, achievement) for metric, _, achievement in results],
    )
    investors = list(contract.investors.order_by("order", "pk"))
    with transaction.atomic():
        evaluation = OutcomeEvaluation.objects.create(
            contract=contract, evaluator=evaluator, evaluated_on=evaluated_on, note=(note or "").strip()
        )
        for metric, value, achievement in results:
            MetricResult.objects.create(evaluation=evaluation, metric=metric, measured=value, achievement=achievement)
        payment = OutcomePayment.objects.create(evaluation=evaluation, achievement=overall, amount=amount)
        shares = shares_split(amount=amount, investors=[i.amount for i in investors])
        for investor, share in zip(investors, shares, strict=True):
            PaymentShare.objects.create(payment=payment, investor=investor, amount=share)
    return evaluation
