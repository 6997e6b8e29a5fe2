"""The entrusted services: who may write, what they refuse (in Korean, writing nothing) and the change history."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.entrusted import selectors, services
from iljari.entrusted.models import Contract, Evaluation, Facility, RenewalStep, YearBudget
from iljari.entrusted.tests.factories import make_contract, make_entrusted, make_facility
from iljari.org.models import OrgUnit, Partner


@pytest.fixture
def made(personas):
    return make_entrusted()


def _counts():
    return tuple(m.objects.count() for m in (Facility, Contract, YearBudget, Evaluation, RenewalStep))


def test_the_office_manager_registers_a_facility_and_the_change_history_records_it(made, personas):
    facility = services.facility_create(
        actor=personas[Role.OFFICE_MANAGER], code="youth-centre", name="청년일자리센터", kind="youth_job_centre",
        division=OrgUnit.objects.get(code="JOBS-POLICY"),
    )  # fmt: skip
    assert facility.code == "YOUTH-CENTRE"
    entry = LogEntry.objects.get_for_object(facility).get()
    assert entry.action == LogEntry.Action.CREATE and "청년일자리센터" in entry.object_repr


@pytest.mark.parametrize(
    ("role", "division", "allowed"),
    [
        (Role.OFFICE_MANAGER, "SOCIAL-ECONOMY", True),
        (Role.DIVISION_STAFF, "JOBS-POLICY", True),  # the staff persona's own division
        (Role.DIVISION_STAFF, "SOCIAL-ECONOMY", False),
        (Role.AUDITOR, "JOBS-POLICY", False),
        (Role.PARTNER_AGENCY, "JOBS-POLICY", False),
        (Role.SYSTEM_ADMIN, "JOBS-POLICY", False),
    ],
)
def test_a_facility_is_kept_by_the_manager_and_its_own_division(made, personas, role, division, allowed):
    facility = made["east"] if division == "JOBS-POLICY" else made["centre"]
    before = _counts()
    if allowed:
        services.budget_set(actor=personas[role], contract=facility.contracts.first(), year=2019, budget=5)
        assert _counts() != before
    else:
        with pytest.raises(NotAllowed):
            services.budget_set(actor=personas[role], contract=facility.contracts.first(), year=2019, budget=5)
        assert _counts() == before


def test_overlapping_contracts_of_a_facility_are_refused_and_nothing_is_written(made):
    before = _counts()
    with pytest.raises(ValidationFailed) as refused:
        make_contract(made["east"], "TTI-NORTH", date(2019, 2, 1), date(2022, 2, 28), state="planned")
    assert "겹칩니다" in refused.value.field_errors["term_start"][0]
    assert "(학)경복대학교" in refused.value.field_errors["term_start"][0]
    assert _counts() == before
    # the day after the term ends is free
    make_contract(made["east"], "TTI-NORTH", date(2019, 3, 1), date(2022, 2, 28), state="planned")


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"term_start": date(2019, 3, 1), "term_end": date(2019, 3, 1)}, "term_end", "시작일보다 뒤"),
        ({"term_start": date(2019, 3, 1), "term_end": None}, "term_end", "함께 적거나"),
        ({"term_start": None, "term_end": date(2019, 3, 1)}, "term_start", "함께 적거나"),
        ({"state": "open"}, "state", "상태를 고르십시오"),
        ({"amount_per_year": -1}, "amount_per_year", "연간 위탁금은"),
        ({"trustee": "SEOUL-METRO"}, "trustee", "위탁기관으로 등록된"),
    ],
)
def test_a_bad_contract_is_refused_in_korean_and_writes_nothing(made, personas, values, field, words):
    arguments = {"term_start": date(2021, 3, 1), "term_end": date(2024, 2, 28), "state": "planned", **values}
    arguments["trustee"] = Partner.objects.get(code=arguments.pop("trustee", "TTI-NORTH"))
    before = _counts()
    with pytest.raises(ValidationFailed) as refused:
        services.contract_create(actor=personas[Role.OFFICE_MANAGER], facility=made["central"], **arguments)
    assert words in refused.value.field_errors[field][0]
    assert "을(를)" not in str(refused.value.field_errors)
    assert _counts() == before


def test_one_budget_per_contract_and_year_and_a_settlement_within_it(made, personas):
    manager = personas[Role.OFFICE_MANAGER]
    budget = services.budget_set(actor=manager, contract=made["east_contract"], year=2018, budget=900_000_000)
    assert budget.pk == made["budget"].pk and YearBudget.objects.count() == 1
    with pytest.raises(ValidationFailed) as refused:
        services.settlement_record(actor=manager, budget=budget, settled_amount=900_000_001,
                                   settled_on=date(2019, 2, 10), settlement="confirmed")  # fmt: skip
    assert "넘을 수 없습니다" in refused.value.field_errors["settled_amount"][0]
    settled = services.settlement_record(actor=manager, budget=budget, settled_amount=850_000_000,
                                         settled_on=date(2019, 2, 10), settlement="confirmed")  # fmt: skip
    assert settled.returned == 50_000_000
    with pytest.raises(ValidationFailed):
        services.budget_set(actor=manager, contract=made["east_contract"], year=2018, budget=1)
    assert YearBudget.objects.get().budget == 900_000_000


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(score=st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_an_evaluation_score_is_kept_only_from_0_to_100(made, personas, score):
    Evaluation.objects.all().delete()
    arguments = {"contract": made["east_contract"], "year": 2018, "score": score, "evaluated_on": date(2018, 12, 20)}
    if Decimal(0) <= score <= Decimal(100):
        evaluation = services.evaluation_record(actor=personas[Role.OFFICE_MANAGER], **arguments)
        assert evaluation.score == score
    else:
        with pytest.raises(ValidationFailed) as refused:
            services.evaluation_record(actor=personas[Role.OFFICE_MANAGER], **arguments)
        assert "점수는" in refused.value.field_errors["score"][0]
        assert not Evaluation.objects.exists()


def test_renewal_steps_keep_the_reports_order(made, personas):
    manager = personas[Role.OFFICE_MANAGER]
    before = _counts()
    with pytest.raises(ValidationFailed) as refused:  # 적격자심의위원회 due before the 공모·선정
        services.renewal_step_set(actor=manager, facility=made["east"], kind=3, due_on=date(2018, 11, 30))
    assert "앞 단계 '수탁기관 공모·선정'" in refused.value.field_errors["due_on"][0]
    with pytest.raises(ValidationFailed) as refused:  # the same kind twice in a round
        services.renewal_step_set(actor=manager, facility=made["east"], kind=1, due_on=date(2018, 9, 1))
    assert "이미 있습니다" in refused.value.field_errors["kind"][0]
    assert _counts() == before
    with pytest.raises(ValidationFailed) as refused:  # 공모·선정 done before the 시의회 동의안
        services.renewal_step_done(actor=manager, step=made["call"], done_on=date(2018, 12, 1))
    assert refused.value.message == "앞 단계 시의회 동의안을 먼저 마쳐야 합니다."
    services.renewal_step_done(actor=manager, step=made["council"], done_on=date(2018, 9, 20))
    with pytest.raises(ValidationFailed):  # a day before the step it follows
        services.renewal_step_done(actor=manager, step=made["call"], done_on=date(2018, 9, 1))
    done = services.renewal_step_done(actor=manager, step=made["call"], done_on=date(2018, 12, 1), result="선정")
    assert done.done_on == date(2018, 12, 1) and done.result == "선정"


def test_a_step_names_only_its_own_facilitys_contracts(made, personas):
    with pytest.raises(ValidationFailed) as refused:
        services.renewal_step_set(actor=personas[Role.OFFICE_MANAGER], facility=made["east"], kind=3,
                                  due_on=date(2019, 1, 31), contract=made["central_contract"])  # fmt: skip
    assert refused.value.field_errors["contract"] == ["이 시설의 계약이 아닙니다."]


def test_contracts_ending_and_steps_due_count_on_the_day(made, personas):
    manager, staff = personas[Role.OFFICE_MANAGER], personas[Role.DIVISION_STAFF]
    day = date(2018, 6, 30)
    assert list(selectors.contracts_ending(user=manager, on=day)) == [made["east_contract"]]
    assert selectors.contracts_ending(user=manager, on=day, within_days=700).count() == 2
    assert selectors.contracts_ending(user=manager, on=date(2019, 3, 1)).count() == 1  # 중부 only
    assert list(selectors.renewal_steps_due(user=manager, on=date(2018, 10, 1))) == [made["council"]]
    assert selectors.renewal_steps_due(user=manager, on=date(2018, 9, 30)).count() == 0  # due today: not late
    assert selectors.renewal_steps_due(user=staff, on=date(2019, 1, 1), kept=True).count() == 2
    assert selectors.renewal_steps_due(user=personas[Role.AUDITOR], on=date(2019, 1, 1), kept=True).count() == 0


def test_a_partner_agency_reads_only_its_own_contracts(made, personas):
    partner = personas[Role.PARTNER_AGENCY]  # TTI-EAST
    assert [f.code for f in selectors.facility_list(user=partner)] == ["EAST"]
    assert list(selectors.contract_list(user=partner)) == [made["east_contract"]]
    with pytest.raises(NotAllowed):
        selectors.facility_list(user=personas[Role.DISTRICT_OFFICER])


def test_a_facility_for_another_division_is_refused_to_division_staff(made, personas):
    with pytest.raises(NotAllowed):
        make_facility("X", "x")  # the system may
        services.facility_create(actor=personas[Role.DIVISION_STAFF], code="Y", name="y", kind="other",
                                 division=OrgUnit.objects.get(code="SOCIAL-ECONOMY"))  # fmt: skip
    assert not Facility.objects.filter(code="Y").exists()
