"""Bad input on grants: a disbursement beyond the agreement, a settlement that does not add up, a matching ratio
that is wrong, an amount outside the programme's range, scores outside the scale — a Korean message, nothing
half-written (no tranche, no settlement, no budget movement, the agreement as it was)."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.finance.models import BudgetMovement
from iljari.grants import services
from iljari.grants.models import Disbursement, GrantAgreement, Settlement

MILLION = 1_000_000


def test_a_disbursement_beyond_the_agreement_is_refused_and_nothing_is_written(make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=250 * MILLION)
    movements = BudgetMovement.objects.count()
    with pytest.raises(ValidationFailed) as error:
        services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 9, 10), amount=60 * MILLION)
    message = error.value.field_errors["amount"][0]
    assert "남은 금액은 50,000,000원" in message and "60,000,000원은 교부할 수 없습니다" in message
    assert Disbursement.objects.filter(agreement=agreement).count() == 1
    assert BudgetMovement.objects.count() == movements


def test_a_disbursement_before_signing_or_outside_the_budget_year_is_refused(make_agreement):
    draft = make_agreement()
    with pytest.raises(ValidationFailed, match="협약이 체결된 사업에만"):
        services.disbursement_record(actor=None, agreement=draft, paid_on=date(2018, 8, 10), amount=MILLION)
    signed = make_agreement("2018-YJ-002", sign_on=date(2018, 8, 1))
    with pytest.raises(ValidationFailed) as error:
        services.disbursement_record(actor=None, agreement=signed, paid_on=date(2019, 1, 10), amount=MILLION)
    assert "회계연도(2018년)" in error.value.field_errors["paid_on"][0]
    for amount in (0, -5, "100"):
        with pytest.raises(ValidationFailed):
            services.disbursement_record(actor=None, agreement=signed, paid_on=date(2018, 8, 10), amount=amount)
    assert not Disbursement.objects.exists()


def test_a_settlement_that_does_not_add_up_shows_the_gap_and_writes_nothing(make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=200 * MILLION)
    movements = BudgetMovement.objects.count()
    with pytest.raises(ValidationFailed) as error:
        services.settlement_record(
            actor=None, agreement=agreement, settled_on=date(2018, 12, 20), spent=180 * MILLION, returned=15 * MILLION
        )
    assert error.value.message == (
        "정산이 맞지 않습니다: 교부액 200,000,000원 = 집행액 180,000,000원 + 반납액 15,000,000원이어야 하는데 "
        "5,000,000원이 모자랍니다."
    )
    with pytest.raises(ValidationFailed, match="넘칩니다"):
        services.settlement_record(
            actor=None, agreement=agreement, settled_on=date(2018, 12, 20), spent=190 * MILLION, returned=15 * MILLION
        )
    assert not Settlement.objects.exists()
    assert BudgetMovement.objects.count() == movements
    agreement.refresh_from_db()
    assert agreement.status == GrantAgreement.Status.SIGNED


@pytest.mark.parametrize(
    ("city", "matched", "expected"),
    [
        (300 * MILLION, 30 * MILLION, "33,333,334원 이상"),  # own funds 10% of the total: 300m → at least 33.3m
        (300 * MILLION, 0, "33,333,334원 이상"),
    ],
)
def test_own_funds_below_the_programme_ratio_are_refused(make_agreement, city, matched, expected):
    with pytest.raises(ValidationFailed) as error:
        make_agreement(city=city, matched=matched)
    assert expected in error.value.field_errors["matched_amount"][0]
    assert not GrantAgreement.objects.exists()


def test_a_city_district_grant_must_match_fifty_fifty(make_agreement, district_programme):
    with pytest.raises(ValidationFailed) as error:
        make_agreement(city=20 * MILLION, matched=10 * MILLION, programme=district_programme)
    message = error.value.field_errors["matched_amount"][0]
    assert "시비 50 : 구비 50" in message and "구비 20,000,000원이어야 합니다" in message
    agreement = make_agreement(city=20 * MILLION, matched=20 * MILLION, programme=district_programme)
    assert agreement.total_amount == 40 * MILLION


def test_a_grant_outside_the_programme_range_is_refused(make_agreement):
    with pytest.raises(ValidationFailed) as error:
        make_agreement(city=700 * MILLION, matched=80 * MILLION)
    assert "600,000,000원 이하" in error.value.field_errors["city_amount"][0]
    with pytest.raises(ValidationFailed) as error:
        make_agreement(city=50 * MILLION, matched=6 * MILLION)
    assert "100,000,000원 이상" in error.value.field_errors["city_amount"][0]


def test_a_duplicate_agreement_number_and_a_reversed_period_are_refused(make_agreement):
    make_agreement()
    with pytest.raises(ValidationFailed) as error:
        make_agreement()
    assert "이미 쓰는 협약번호" in error.value.field_errors["code"][0]


def test_evaluation_scores_outside_the_scale_and_a_cut_without_a_smaller_amount_are_refused(make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=300 * MILLION)
    services.settlement_record(
        actor=None, agreement=agreement, settled_on=date(2018, 12, 20), spent=300 * MILLION, returned=0
    )
    with pytest.raises(ValidationFailed) as error:
        services.evaluation_record(
            actor=None, agreement=agreement, evaluated_on=date(2019, 1, 20), score_plan=120, score_jobs=80,
            score_finance=-1, decision="extend",
        )  # fmt: skip
    assert set(error.value.field_errors) == {"score_plan", "score_finance"}
    with pytest.raises(ValidationFailed) as error:
        services.evaluation_record(
            actor=None, agreement=agreement, evaluated_on=date(2019, 1, 20), score_plan=70, score_jobs=70,
            score_finance=70, decision="cut", next_amount=400 * MILLION,
        )  # fmt: skip
    assert "300,000,000원보다 적게" in error.value.field_errors["next_amount"][0]
    agreement.refresh_from_db()
    assert agreement.status == GrantAgreement.Status.SETTLED


def test_an_extension_without_next_years_programme_is_refused_and_nothing_is_written(make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=300 * MILLION)
    services.settlement_record(
        actor=None, agreement=agreement, settled_on=date(2018, 12, 20), spent=300 * MILLION, returned=0
    )
    with pytest.raises(ValidationFailed, match="2019년 '청년일자리 민관협력사업' 보조금 사업을 먼저 등록"):
        services.evaluation_record(
            actor=None, agreement=agreement, evaluated_on=date(2019, 1, 20), score_plan=90, score_jobs=90,
            score_finance=90, decision="extend",
        )  # fmt: skip
    agreement.refresh_from_db()
    assert agreement.status == GrantAgreement.Status.SETTLED
    assert not hasattr(agreement, "evaluation") or not GrantAgreement.objects.filter(previous=agreement).exists()
