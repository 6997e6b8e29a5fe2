# ruff: noqa: F811  (the fixtures imported from district_fixtures are redefined as test arguments)
"""SIB services: the contract (investors adding up to the principal, weights to 100%), the independent evaluation
(not before the contract starts) and the payment the outcomes earn, split pro rata to the investors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.grants import sib_services as services
from iljari.grants.models import Investor, OutcomeContract, OutcomeEvaluation, OutcomePayment
from iljari.grants.tests.district_fixtures import (  # noqa: F401  (fixtures)
    contract,
    contract_values,
    provider,
    social_economy_staff,
)


def test_investor_amounts_must_add_up_to_the_principal(provider):
    values = contract_values(provider, investors=[{"name": "가", "amount": 700_000_000}, {"name": "나", "amount": 1}])
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_contract_create(**values)
    message = excinfo.value.field_errors["investors"][0]
    assert "투자 원금(1,100,000,000원)과 다릅니다" in message and "차이 399,999,999원" in message
    assert not OutcomeContract.objects.exists()
    assert not Investor.objects.exists()


def test_metric_weights_must_add_up_to_100_and_targets_differ_from_baselines(provider):
    values = contract_values(
        provider,
        metrics=[
            {"name": "가", "unit": "%", "baseline": "0", "target": "50", "weight": "60"},
            {"name": "나", "unit": "%", "baseline": "0", "target": "50", "weight": "30"},
        ],
    )
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_contract_create(**values)
    assert "가중치의 합이 90%입니다. 100%여야 합니다" in excinfo.value.field_errors["metrics"][0]
    values["metrics"][1].update(weight="40", target="0")
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_contract_create(**values)
    assert "목표값이 기준값과 같습니다" in excinfo.value.field_errors["metrics.1.target"][0]


def test_only_the_social_economy_division_keeps_the_sib(provider, personas, social_economy_staff):
    with pytest.raises(NotAllowed):
        services.sib_contract_create(**{**contract_values(provider), "actor": personas[Role.DIVISION_STAFF]})
    services.sib_contract_create(**{**contract_values(provider), "actor": social_economy_staff})


def test_an_evaluation_before_the_contract_starts_is_refused(contract):
    metrics = list(contract.metrics.order_by("order"))
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_evaluation_record(
            actor=None, contract=contract, evaluator="서울연구원", evaluated_on=date(2016, 9, 30),
            measured={metrics[0].pk: 40, metrics[1].pk: 30},
        )  # fmt: skip
    assert "사업 시작일(2016.10.1.)보다 앞섭니다" in excinfo.value.field_errors["evaluated_on"][0]
    assert not OutcomeEvaluation.objects.exists()


def test_a_missing_measured_value_is_refused(contract):
    first = contract.metrics.order_by("order").first()
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_evaluation_record(
            actor=None, contract=contract, evaluator="서울연구원", evaluated_on=date(2019, 10, 15),
            measured={first.pk: 40},
        )  # fmt: skip
    assert len(excinfo.value.field_errors) == 1
    assert not OutcomeEvaluation.objects.exists()


def test_the_payment_follows_the_formula_and_is_split_pro_rata(contract):
    learning, social = contract.metrics.order_by("order")
    evaluation = services.sib_evaluation_record(
        actor=None, contract=contract, evaluator="서울연구원", evaluated_on=date(2019, 10, 15),
        measured={learning.pk: 45, social.pk: "37.5"},
    )  # fmt: skip
    # learning (45-0)/(50-0) = 90%; social (37.5-10)/(40-10) = 91.66…% → 91.66%; A = 0.6×90 + 0.4×91.66 = 90.66%
    results = {r.metric_id: r.achievement for r in evaluation.results.all()}
    assert results == {learning.pk: Decimal("90.00"), social.pk: Decimal("91.66")}
    payment = OutcomePayment.objects.get(evaluation=evaluation)
    assert payment.achievement == Decimal("90.66")
    assert payment.amount == 997_260_000  # 1,100,000,000 × 90.66%
    shares = {s.investor.name: s.amount for s in payment.shares.select_related("investor")}
    assert shares == {"가 투자": 634_620_000, "나 투자": 362_640_000}
    assert sum(shares.values()) == payment.amount
    with pytest.raises(ValidationFailed):  # one evaluation per contract
        services.sib_evaluation_record(
            actor=None, contract=contract, evaluator="다른 기관", evaluated_on=date(2019, 11, 1),
            measured={learning.pk: 50, social.pk: 40},
        )  # fmt: skip


def test_below_the_threshold_nothing_is_paid_and_above_the_cap_the_cap_is_paid():
    assert services.payment_compute(
        principal=1_000, threshold_rate=Decimal(50), cap_rate=Decimal(130), results=[(Decimal(100), Decimal("49.99"))]
    ) == (Decimal("49.99"), 0)
    assert services.payment_compute(
        principal=1_000, threshold_rate=Decimal(50), cap_rate=Decimal(130), results=[(Decimal(100), Decimal(200))]
    ) == (Decimal("200.00"), 1_300)
    assert services.metric_achievement(baseline=Decimal(10), target=Decimal(40), measured=Decimal(5)) == 0


def test_shares_add_up_to_the_payment_to_the_won():
    shares = services.shares_split(amount=100, investors=[1, 1, 1])
    assert shares == [34, 33, 33]
    assert sum(services.shares_split(amount=997_260_001, investors=[700, 300, 100])) == 997_260_001


def test_values_beyond_the_columns_are_refused_in_korean_not_a_server_error(provider, contract):
    values = contract_values(provider, code="SIB-BIG", principal=10**16, threshold_rate="50.05")
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_contract_create(**values)
    assert set(excinfo.value.field_errors) >= {"principal", "threshold_rate"}
    first, second = contract.metrics.order_by("order")
    with pytest.raises(ValidationFailed) as excinfo:
        services.sib_evaluation_record(
            actor=None, contract=contract, evaluator="평가", evaluated_on=date(2019, 10, 1),
            measured={first.pk: "1e13", second.pk: "30"},
        )  # fmt: skip
    assert "너무 큽니다" in excinfo.value.field_errors[f"metric_{first.pk}"][0]
    huge = services.metric_achievement(baseline=Decimal(0), target=Decimal("0.01"), measured=Decimal(10**11))
    assert huge == Decimal("99999.99")
