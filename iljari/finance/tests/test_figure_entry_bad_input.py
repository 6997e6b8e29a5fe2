"""The monthly entry forms (budget execution, job achievements, indicator values) on the 2018 report's figures:
bad input answers 400 with the Korean message on the page and writes nothing; good input saves and redirects;
division staff enter only their own division's figures; a locked month refuses entries until it is unlocked.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

import pytest

from iljari.core.locks import month_lock, month_unlock
from iljari.core.roles import Role
from iljari.finance.models import BudgetLine, BudgetSnapshot
from iljari.performance.models import Indicator, IndicatorValue, JobAchievement, JobTarget

BUDGET_RECORD = "/finance/budget/record/?year=2018&as_of=2018-06-30"
JOBS_RECORD = "/performance/jobs/record/?year=2018"
INDICATOR_RECORD = "/performance/indicators/record/?year=2018&as_of=2018-06-30"
REPORT_DAY = date(2018, 6, 30)


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def line(code: str) -> BudgetLine:
    return BudgetLine.objects.get(year=2018, code=code)


def budget_post(client, code: str = "JOBS-POLICY-2018", **changes):
    # JOBS-POLICY, July: the June figures of the report (187,341 / 105,588 / 100,177 백만원) moved on a little.
    data = {
        "line": line(code).pk,
        "as_of": "2018-07-31",
        "current_budget": "187341000000",
        "committed": "110000000000",
        "spent": "105000000000",
        **changes,
    }
    return client.post(BUDGET_RECORD, data)


def snapshots() -> list[tuple]:
    return sorted(BudgetSnapshot.objects.values_list("line__code", "as_of", "current_budget", "committed", "spent"))


def assert_refused(response, message: str) -> None:
    assert response.status_code == 400
    assert message in page_text(response)


# --- budget execution -------------------------------------------------------------------------------------


def test_a_good_budget_entry_saves_and_redirects_to_its_date(office, client_as):
    response = budget_post(client_as(Role.OFFICE_MANAGER))

    assert response.status_code == 302
    assert response["Location"] == "/finance/budget/?year=2018&as_of=2018-07-31"
    snapshot = BudgetSnapshot.objects.get(line__code="JOBS-POLICY-2018", as_of=date(2018, 7, 31))
    assert (snapshot.current_budget, snapshot.committed, snapshot.spent) == (
        187_341_000_000,
        110_000_000_000,
        105_000_000_000,
    )
    june = BudgetSnapshot.objects.get(line__code="JOBS-POLICY-2018", as_of=REPORT_DAY)
    assert june.spent == 100_177_000_000


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"current_budget": "-187341000000"}, "0 이상의 값을 입력해 주세요"),
        ({"spent": "-1"}, "0 이상의 값을 입력해 주세요"),
        ({"spent": "187341000001"}, "지출액이 예산현액보다 클 수 없습니다"),
        ({"as_of": "2019-01-31"}, "기준일은 2018년 안의 날짜여야 합니다"),
        ({"as_of": "2017-12-31"}, "2018년 안의 날짜"),
        ({"committed": "많음"}, "정수를 입력하세요"),
        ({"spent": "1.5"}, "정수를 입력하세요"),
        ({"as_of": "2018-02-30"}, "올바른 날짜를 입력하세요"),
    ],
    ids=[
        "negative budget",
        "negative spending",
        "spending above the budget",
        "date in the next year",
        "date in the previous year",
        "text in an amount",
        "fraction of a won",
        "impossible date",
    ],
)
def test_a_bad_budget_entry_is_refused_in_korean_and_nothing_is_written(office, client_as, changes, message):
    before = snapshots()

    response = budget_post(client_as(Role.OFFICE_MANAGER), **changes)

    assert_refused(response, message)
    assert snapshots() == before


def test_spending_above_the_budget_is_shown_on_the_spent_field(office, client_as):
    response = budget_post(client_as(Role.OFFICE_MANAGER), spent="187341000001")

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["spent"] == ["지출액이 예산현액보다 클 수 없습니다(집행률 100% 초과)."]
    assert 'id="id_spent_error"' in response.content.decode()


def test_division_staff_enter_their_own_divisions_budget(office, client_as):
    response = budget_post(client_as(Role.DIVISION_STAFF))

    assert response.status_code == 302
    assert BudgetSnapshot.objects.filter(line__code="JOBS-POLICY-2018", as_of=date(2018, 7, 31)).exists()


def test_division_staff_cannot_enter_another_divisions_budget_and_nothing_is_written(office, client_as):
    # The form offers division staff only their own division's lines (the scoped selector), so a
    # LABOUR-POLICY line is not a valid choice: refused on the form (400, as every form error), never saved.
    staff = client_as(Role.DIVISION_STAFF)
    before = snapshots()

    response = budget_post(
        staff,
        code="LABOUR-POLICY-2018",
        current_budget="19490000000",
        committed="9154000000",
        spent="6000000000",
    )

    assert response.status_code == 400
    assert response.context["form"].errors["line"] == ["올바르게 선택해 주세요. 선택하신 것이 선택가능항목에 없습니다."]
    offered = [choice.instance.code for choice, _ in list(response.context["form"].fields["line"].choices)[1:]]
    assert offered == ["JOBS-POLICY-2018"]
    assert snapshots() == before


def test_the_office_manager_may_enter_any_divisions_budget(office, client_as):
    response = budget_post(
        client_as(Role.OFFICE_MANAGER),
        code="LABOUR-POLICY-2018",
        current_budget="19490000000",
        committed="9154000000",
        spent="6000000000",
    )

    assert response.status_code == 302
    assert BudgetSnapshot.objects.get(line__code="LABOUR-POLICY-2018", as_of=date(2018, 7, 31)).spent == 6_000_000_000


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.DISTRICT_OFFICER, Role.CITIZEN])
def test_roles_that_do_not_enter_figures_get_403_on_the_budget_form(office, client_as, role):
    before = snapshots()

    response = budget_post(client_as(role))

    assert response.status_code == 403
    assert snapshots() == before


def test_a_locked_month_refuses_a_staff_entry_until_it_is_unlocked(office, client_as):
    manager = office[Role.OFFICE_MANAGER]
    staff = client_as(Role.DIVISION_STAFF)
    month_lock(actor=manager, year=2018, month=6)
    before = snapshots()

    response = budget_post(staff, as_of="2018-06-30", spent="101000000000")

    assert response.status_code == 400
    assert "마감" in page_text(response)
    assert "2018년 6월" in page_text(response)
    assert snapshots() == before
    assert BudgetSnapshot.objects.get(line__code="JOBS-POLICY-2018", as_of=REPORT_DAY).spent == 100_177_000_000

    month_unlock(actor=manager, year=2018, month=6)
    response = budget_post(staff, as_of="2018-06-30", spent="101000000000")

    assert response.status_code == 302
    assert BudgetSnapshot.objects.get(line__code="JOBS-POLICY-2018", as_of=REPORT_DAY).spent == 101_000_000_000


def test_a_locked_month_does_not_hold_back_the_next_month(office, client_as):
    month_lock(actor=office[Role.OFFICE_MANAGER], year=2018, month=6)

    response = budget_post(client_as(Role.DIVISION_STAFF), as_of="2018-07-31")

    assert response.status_code == 302


# --- job achievements -------------------------------------------------------------------------------------


def job_target(key: str) -> JobTarget:
    return JobTarget.objects.get(year=2018, programme__isnull=True, target_group=key)


def achievements() -> list[tuple]:
    return sorted(JobAchievement.objects.values_list("job_target_id", "as_of", "achieved"))


def jobs_post(client, key: str = "youth", **changes):
    # 청년: 48,697 achieved by the end of June 2018 against a target of 76,692.
    data = {"job_target": job_target(key).pk, "as_of": "2018-07-31", "achieved": "52000", **changes}
    return client.post(JOBS_RECORD, data)


def test_a_good_achievement_entry_saves_and_redirects(office, client_as):
    response = jobs_post(client_as(Role.DIVISION_STAFF))

    assert response.status_code == 302
    assert response["Location"] == "/performance/jobs/?year=2018&as_of=2018-07-31"
    assert JobAchievement.objects.get(job_target=job_target("youth"), as_of=date(2018, 7, 31)).achieved == 52_000
    assert JobAchievement.objects.get(job_target=job_target("youth"), as_of=REPORT_DAY).achieved == 48_697


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"achieved": "-1"}, "인원·건수는 0 이상의 정수여야 합니다(최대 100,000,000)."),
        ({"achieved": "많음"}, "인원·건수는 숫자여야 합니다."),
        ({"as_of": "2019-01-31"}, "기준일은 2018년 안의 날짜여야 합니다"),
        ({"as_of": ""}, "필수 항목입니다"),
    ],
    ids=["negative", "text", "date outside the year", "no date"],
)
def test_a_bad_achievement_entry_is_refused_in_korean_and_nothing_is_written(office, client_as, changes, message):
    before = achievements()

    response = jobs_post(client_as(Role.DIVISION_STAFF), **changes)

    assert_refused(response, message)
    assert achievements() == before


def test_a_locked_month_refuses_an_achievement(office, client_as):
    month_lock(actor=office[Role.OFFICE_MANAGER], year=2018, month=7)
    before = achievements()

    response = jobs_post(client_as(Role.DIVISION_STAFF))

    assert_refused(response, "마감")
    assert achievements() == before


# --- indicator values -------------------------------------------------------------------------------------


def indicator_post(client, code: str = "IND-01", **changes):
    # 공공 일자리(직접일자리): the 2018 target is 150 천개; an actual of 140 as of July.
    data = {
        "indicator": Indicator.objects.get(code=code).pk,
        "year": "2018",
        "kind": "actual",
        "as_of": "2018-07-31",
        "value": "140",
        **changes,
    }
    return client.post(INDICATOR_RECORD, data)


def indicator_values() -> list[tuple]:
    return sorted(IndicatorValue.objects.values_list("indicator__code", "year", "kind", "as_of", "value"))


def test_a_good_indicator_actual_saves_and_redirects(office, client_as):
    response = indicator_post(client_as(Role.DIVISION_STAFF))

    assert response.status_code == 302
    assert response["Location"] == "/performance/indicators/?year=2018&as_of=2018-06-30"
    value = IndicatorValue.objects.get(indicator__code="IND-01", year=2018, kind="actual")
    assert (value.as_of, value.value) == (date(2018, 7, 31), Decimal("140"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"as_of": "2019-01-15"}, "실적의 기준일은 2018년 안의 날짜여야 합니다"),
        ({"as_of": "2017-12-31"}, "2018년 안의 날짜"),
        ({"value": "-3"}, "값은 0 이상의 수(소수점 2자리까지)여야 합니다"),
        ({"value": "많음"}, "값은 숫자여야 합니다."),
        ({"kind": "forecast"}, "올바르게 선택해 주세요"),
    ],
    ids=["actual dated in the next year", "actual dated in the previous year", "negative", "text", "unknown kind"],
)
def test_a_bad_indicator_value_is_refused_in_korean_and_nothing_is_written(office, client_as, changes, message):
    before = indicator_values()

    response = indicator_post(client_as(Role.DIVISION_STAFF), **changes)

    assert_refused(response, message)
    assert indicator_values() == before


def test_a_target_may_be_dated_before_its_year(office, client_as):
    # Targets are set ahead: the 2019 target of IND-01 (155 천개) was printed in the 2018 report.
    response = indicator_post(
        client_as(Role.OFFICE_MANAGER), year="2019", kind="target", as_of="2018-07-31", value="156"
    )

    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="IND-01", year=2019, kind="target", as_of=date(2018, 7, 31))


def test_division_staff_cannot_enter_another_divisions_indicator(office, client_as):
    # IND-03 (생활임금 적용인원) belongs to 노동정책담당관 (objective 2). The service refuses: 403.
    before = indicator_values()

    response = indicator_post(client_as(Role.DIVISION_STAFF), code="IND-03", value="11000")

    assert response.status_code == 403
    assert "이 지표의 값을 입력할 권한이 없습니다." in page_text(response)
    assert indicator_values() == before


def test_the_office_manager_may_enter_any_divisions_indicator(office, client_as):
    response = indicator_post(client_as(Role.OFFICE_MANAGER), code="IND-03", value="11000")

    assert response.status_code == 302
    value = IndicatorValue.objects.get(indicator__code="IND-03", year=2018, kind="actual")
    assert value.value == Decimal("11000")
