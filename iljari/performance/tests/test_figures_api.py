"""The figures API on the 2018 report: reads (budget, staffing, job targets, indicators, validation, programmes)
and monthly writes (budget snapshots, job achievements, indicator values, milestones), with session clients and
with a bearer token, in the one error format {"code", "message", "errors"}."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from django.test import Client

from iljari.core.locks import month_lock
from iljari.core.roles import Role
from iljari.finance.models import BudgetSnapshot
from iljari.performance.models import IndicatorValue, JobAchievement
from iljari.plan.models import Milestone
from iljari.testing import PASSWORD

MILLION = 1_000_000
BUDGET_JUNE = "/api/finance/budget?year=2018&as_of=2018-06-30"


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def bearer(username: str) -> dict:
    response = Client().post(
        "/api/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 201
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def post(client, url: str, body: dict, **headers):
    return client.post(url, body, content_type="application/json", **headers)


def rows_by_unit(body: dict) -> dict:
    return {row["unit"]: row for row in body["rows"]}


def assert_error_format(response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"code", "message", "errors"}
    assert body["code"] == code
    assert any("\uac00" <= ch <= "\ud7a3" for ch in body["message"])  # a Korean message
    return body


def field_errors(response) -> dict[str, str]:
    return {error["field"]: error["message"] for error in response.json()["errors"]}


# --- reads ------------------------------------------------------------------------------------------------


def test_the_budget_of_june_2018_is_the_reports_table_in_won(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).get(BUDGET_JUNE)

    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2018 and body["as_of"] == "2018-06-30"
    rows = rows_by_unit(body)
    total = rows[None]
    assert total["current_budget"] == 237_715_000_000
    assert total["committed"] == 133_238_000_000
    assert total["spent"] == 124_144_000_000
    assert round(total["execution_rate"], 3) == 0.522  # printed 52.2%
    for unit, (budget, committed, spent, printed_rate) in {
        "JOBS-POLICY": (187341, 105588, 100177, 0.535),
        "LABOUR-POLICY": (19490, 9154, 5553, 0.285),
        "SOCIAL-ECONOMY": (30884, 18496, 18414, 0.596),
    }.items():
        row = rows[unit]
        assert (row["current_budget"], row["committed"], row["spent"]) == (
            budget * MILLION,
            committed * MILLION,
            spent * MILLION,
        )
        assert round(row["execution_rate"], 3) == printed_rate


def test_the_budget_reads_the_same_with_a_bearer_token(office):
    body = Client().get(BUDGET_JUNE, **bearer("t_manager")).json()

    assert rows_by_unit(body)[None]["spent"] == 124_144_000_000


def test_division_staff_see_only_their_divisions_budget(office, client_as):
    for client, headers in ((client_as(Role.DIVISION_STAFF), {}), (Client(), bearer("t_staff"))):
        rows = rows_by_unit(client.get(BUDGET_JUNE, **headers).json())

        assert set(rows) == {None, "JOBS-POLICY"}
        assert rows[None]["current_budget"] == 187_341_000_000  # their division's total, not the office's
        assert rows["JOBS-POLICY"]["spent"] == 100_177_000_000


def test_the_auditor_reads_the_whole_offices_budget(office, client_as):
    rows = rows_by_unit(client_as(Role.AUDITOR).get(BUDGET_JUNE).json())

    assert rows[None]["current_budget"] == 237_715_000_000
    assert {"JOBS-POLICY", "LABOUR-POLICY", "SOCIAL-ECONOMY"} <= set(rows)


def test_the_staffing_totals_are_the_reports(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/finance/staffing")

    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2018-07-11"
    assert body["public_service_workers"] == 21
    rows = rows_by_unit(body)
    assert (rows[None]["authorized"], rows[None]["current"], rows[None]["shortfall"]) == (81, 72, -9)
    for unit, figures in {
        "JOBS-POLICY": (32, 29, -3),
        "LABOUR-POLICY": (23, 20, -3),
        "SOCIAL-ECONOMY": (26, 23, -3),
    }.items():
        assert (rows[unit]["authorized"], rows[unit]["current"], rows[unit]["shortfall"]) == figures
    assert rows[None]["cells"]["fixed_term"] == [11, 8]
    assert rows[None]["cells"]["general:grade6"] == [25, 24]


# 일자리 창출 추진 목표 ('18. 6월말): the lost targets with their achievements and printed rates.
LOST_TARGETS = {
    "middle_aged": (42962, 0.574),
    "seniors": (60542, 0.789),
    "disabled": (4935, 0.836),
    "low_income": (19645, 0.928),
}
KNOWN_TARGETS = {"youth": 76692, "women": 70924, "general": 27618}


def test_the_job_targets_of_2018_with_the_lost_targets_as_ranges(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/performance/jobs?year=2018&as_of=2018-06-30")

    assert response.status_code == 200
    body = response.json()
    assert body["total_target"] == 353_956
    assert body["total_achieved"] == 245_657
    assert round(float(body["total_rate"]), 3) == 0.694  # printed 69.4%
    groups = {row["key"]: row for row in body["groups"]}
    assert list(groups) == ["youth", "women", "middle_aged", "seniors", "disabled", "low_income", "general"]
    assert [row["key"] for row in body["kinds"]] == ["direct", "indirect"]
    assert {key: row["target"] for key, row in groups.items() if row["target"] is not None} == KNOWN_TARGETS
    assert sorted(key for key, row in groups.items() if row["target"] is None) == sorted(LOST_TARGETS)
    lows = highs = 0
    for key, (achieved, printed_rate) in LOST_TARGETS.items():
        row = groups[key]
        assert row["achieved"] == achieved
        low, high = row["implied_range"]
        assert isinstance(low, int) and isinstance(high, int) and 0 < low <= high
        # every target in the range gives the printed rate at 0.1%
        assert math.isclose(round(achieved / low, 3), printed_rate)
        assert math.isclose(round(achieved / high, 3), printed_rate)
        lows, highs = lows + low, highs + high
    # what the lost targets share: the total less the known ones
    assert lows <= 353_956 - sum(KNOWN_TARGETS.values()) <= highs
    for row in body["groups"]:
        if row["target"] is not None:
            assert row["implied_range"] is None


def test_the_indicators_of_2018_carry_the_reports_actuals_and_targets(office, client_as):
    response = client_as(Role.AUDITOR).get("/api/performance/indicators?year=2018&as_of=2018-06-30")

    assert response.status_code == 200
    indicators = {row["code"]: row for row in response.json()}
    assert sorted(indicators) == [f"IND-{n:02d}" for n in range(1, 11)]
    ind01 = {year["year"]: year for year in indicators["IND-01"]["years"]}
    assert sorted(ind01) == [2016, 2017, 2018, 2019, 2020]
    assert Decimal(str(ind01[2016]["actual"])) == 114
    assert Decimal(str(ind01[2017]["actual"])) == 136
    assert Decimal(str(ind01[2018]["target"])) == 150
    assert ind01[2018]["actual"] is None
    assert indicators["IND-03"]["cumulative"] is True
    assert indicators["IND-03"]["unit"] == "명"


def test_the_validation_of_june_2018_passes_the_budget_totals_and_cannot_check_the_lost_targets(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/performance/validation?year=2018")

    assert response.status_code == 200
    outcomes = {(r["rule"], r["subject"]): r["outcome"] for r in response.json()}
    for rule in ("BUD-TOTAL-BUDGET", "BUD-TOTAL-COMMITTED", "BUD-TOTAL-SPENT", "STF-AUTHORIZED", "STF-CURRENT"):
        assert outcomes[(rule, "")] == "passed", rule
    assert outcomes[("JOB-ACHIEVED-PARTS", "")] == "passed"  # 245,657 both ways
    assert outcomes[("JOB-TARGET-PARTS", "")] == "skipped"  # four group targets are lost


def test_the_plan_of_2018_has_the_reports_21_programmes(office, client_as):
    response = client_as(Role.DIVISION_STAFF).get("/api/plan/years/2018/programmes")

    assert response.status_code == 200
    programmes = response.json()
    assert len(programmes) == 21
    assert [p["code"] for p in programmes][:2] == ["P1-01", "P1-02"]
    assert {p["division"] for p in programmes} == {"JOBS-POLICY", "LABOUR-POLICY", "SOCIAL-ECONOMY"}


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.CITIZEN, Role.PARTNER_AGENCY])
@pytest.mark.parametrize(
    "url",
    [
        BUDGET_JUNE,
        "/api/finance/staffing",
        "/api/performance/jobs?year=2018",
        "/api/performance/indicators?year=2018",
        "/api/performance/validation?year=2018",
        "/api/plan/years/2018/programmes",
    ],
)
def test_roles_outside_the_office_get_403_in_the_one_error_format(office, client_as, role, url):
    assert_error_format(client_as(role).get(url), 403, "forbidden")


def test_a_district_officers_token_gets_the_same_403(office):
    assert_error_format(Client().get(BUDGET_JUNE, **bearer("t_district")), 403, "forbidden")


def test_no_credentials_is_401_in_the_error_format(office):
    assert_error_format(Client().get(BUDGET_JUNE), 401, "not_authenticated")


# --- budget snapshots -------------------------------------------------------------------------------------


def snapshot_body(line: str = "JOBS-POLICY-2018", **changes) -> dict:
    return {
        "line": line,
        "year": 2018,
        "as_of": "2018-07-31",
        "current_budget": 187_341_000_000,
        "committed": 110_000_000_000,
        "spent": 105_000_000_000,
        **changes,
    }


def test_division_staff_post_a_snapshot_for_their_own_division_with_a_token(office):
    staff = bearer("t_staff")
    response = post(Client(), "/api/finance/budget/snapshots", snapshot_body(), **staff)

    assert response.status_code == 201
    assert response.json() == {
        "line": "JOBS-POLICY-2018",
        "as_of": "2018-07-31",
        "current_budget": 187_341_000_000,
        "committed": 110_000_000_000,
        "spent": 105_000_000_000,
    }
    rows = rows_by_unit(Client().get("/api/finance/budget?year=2018&as_of=2018-07-31", **staff).json())
    assert rows["JOBS-POLICY"]["spent"] == 105_000_000_000


def test_division_staff_post_a_snapshot_with_their_session(office, client_as):
    response = post(client_as(Role.DIVISION_STAFF), "/api/finance/budget/snapshots", snapshot_body())

    assert response.status_code == 201
    assert BudgetSnapshot.objects.filter(line__code="JOBS-POLICY-2018", as_of="2018-07-31").exists()


def test_division_staff_cannot_post_another_divisions_snapshot(office, client_as):
    body = snapshot_body(
        "LABOUR-POLICY-2018", current_budget=19_490_000_000, committed=9_154_000_000, spent=6_000_000_000
    )
    before = BudgetSnapshot.objects.count()

    for client, headers in ((Client(), bearer("t_staff")), (client_as(Role.DIVISION_STAFF), {})):
        assert_error_format(post(client, "/api/finance/budget/snapshots", body, **headers), 403, "forbidden")

    assert BudgetSnapshot.objects.count() == before
    manager = post(client_as(Role.OFFICE_MANAGER), "/api/finance/budget/snapshots", body)
    assert manager.status_code == 201


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.DISTRICT_OFFICER])
def test_readers_and_outsiders_cannot_post_a_snapshot(office, client_as, role):
    before = BudgetSnapshot.objects.count()

    assert_error_format(post(client_as(role), "/api/finance/budget/snapshots", snapshot_body()), 403, "forbidden")
    assert BudgetSnapshot.objects.count() == before


def test_text_in_an_amount_is_a_422_with_a_korean_field_error(office):
    before = BudgetSnapshot.objects.count()

    response = post(
        Client(), "/api/finance/budget/snapshots", snapshot_body(current_budget="많음"), **bearer("t_staff")
    )

    assert_error_format(response, 422, "validation_error")
    assert field_errors(response) == {"current_budget": "정수여야 합니다."}
    assert BudgetSnapshot.objects.count() == before


def test_a_missing_amount_and_a_bad_date_are_listed_by_field(office):
    body = snapshot_body(as_of="2018-02-30")
    del body["spent"]

    response = post(Client(), "/api/finance/budget/snapshots", body, **bearer("t_staff"))

    assert_error_format(response, 422, "validation_error")
    errors = field_errors(response)
    assert errors["spent"] == "필수 항목입니다."
    assert "as_of" in errors


def test_spending_above_the_budget_is_a_400_on_the_spent_field(office):
    before = BudgetSnapshot.objects.count()

    response = post(
        Client(),
        "/api/finance/budget/snapshots",
        snapshot_body(spent=187_341_000_001),
        **bearer("t_staff"),
    )

    assert_error_format(response, 400, "validation_error")
    errors = field_errors(response)
    assert list(errors) == ["spent"]
    assert "지출액이 예산현액보다 클 수 없습니다" in errors["spent"]
    assert BudgetSnapshot.objects.count() == before


def test_a_negative_amount_and_a_date_outside_the_year_are_400_by_field(office):
    response = post(
        Client(),
        "/api/finance/budget/snapshots",
        snapshot_body(committed=-1, as_of="2019-01-31"),
        **bearer("t_staff"),
    )

    assert_error_format(response, 400, "validation_error")
    errors = field_errors(response)
    assert errors["committed"] == "원인행위액은 0 이상이어야 합니다."
    assert errors["as_of"] == "기준일은 2018년 안의 날짜여야 합니다."


def test_an_unknown_budget_line_is_404(office):
    response = post(Client(), "/api/finance/budget/snapshots", snapshot_body("NO-SUCH-2018"), **bearer("t_staff"))

    assert_error_format(response, 404, "not_found")


def test_a_snapshot_in_a_locked_month_is_refused(office):
    month_lock(actor=office[Role.OFFICE_MANAGER], year=2018, month=7)

    response = post(Client(), "/api/finance/budget/snapshots", snapshot_body(), **bearer("t_staff"))

    body = assert_error_format(response, 400, "validation_error")
    assert "마감" in body["message"]
    assert not BudgetSnapshot.objects.filter(as_of="2018-07-31").exists()


# --- job achievements -------------------------------------------------------------------------------------


def test_division_staff_record_a_youth_achievement_and_the_next_read_shows_it(office):
    staff = bearer("t_staff")  # the job targets are managed by 일자리정책담당관
    body = {"year": 2018, "key": "youth", "as_of": "2018-07-31", "achieved": 52_000}

    response = post(Client(), "/api/performance/jobs/achievements", body, **staff)

    assert response.status_code == 201
    assert response.json() == {"key": "youth", "as_of": "2018-07-31", "achieved": 52_000}
    jobs = Client().get("/api/performance/jobs?year=2018&as_of=2018-07-31", **staff).json()
    youth = next(row for row in jobs["groups"] if row["key"] == "youth")
    assert youth["achieved"] == 52_000
    assert round(float(youth["achievement_rate"]), 3) == 0.678  # 52,000 / 76,692
    june = Client().get("/api/performance/jobs?year=2018&as_of=2018-06-30", **staff).json()
    assert next(row for row in june["groups"] if row["key"] == "youth")["achieved"] == 48_697


def test_a_bad_achievement_is_refused_by_field(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    before = JobAchievement.objects.count()

    url = "/api/performance/jobs/achievements"
    negative = post(staff, url, {"year": 2018, "key": "youth", "as_of": "2018-07-31", "achieved": -1})
    next_year = post(staff, url, {"year": 2018, "key": "youth", "as_of": "2019-01-31", "achieved": 1})
    unknown = post(staff, url, {"year": 2018, "key": "pets", "as_of": "2018-07-31", "achieved": 1})

    assert_error_format(negative, 422, "validation_error")
    assert "achieved" in field_errors(negative)
    assert_error_format(next_year, 400, "validation_error")
    assert field_errors(next_year) == {"as_of": "기준일은 2018년 안의 날짜여야 합니다."}
    assert_error_format(unknown, 404, "not_found")
    assert JobAchievement.objects.count() == before


# --- indicator values -------------------------------------------------------------------------------------


def test_division_staff_record_an_actual_of_their_own_indicator_but_not_anothers(office):
    staff = bearer("t_staff")
    before = IndicatorValue.objects.count()
    body = {"indicator": "IND-01", "year": 2018, "kind": "actual", "as_of": "2018-07-31", "value": "140"}

    own = post(Client(), "/api/performance/indicators/values", body, **staff)
    other = post(Client(), "/api/performance/indicators/values", {**body, "indicator": "IND-03"}, **staff)

    assert own.status_code == 201
    assert own.json()["indicator"] == "IND-01" and Decimal(str(own.json()["value"])) == 140
    assert_error_format(other, 403, "forbidden")
    assert IndicatorValue.objects.count() == before + 1
    indicators = Client().get("/api/performance/indicators?year=2018&as_of=2018-07-31", **staff).json()
    ind01 = next(row for row in indicators if row["code"] == "IND-01")
    cell = next(year for year in ind01["years"] if year["year"] == 2018)
    assert Decimal(str(cell["actual"])) == 140
    assert Decimal(str(cell["achievement_rate"])).quantize(Decimal("0.001")) == Decimal("0.933")  # 140 / 150


def test_an_indicator_actual_dated_in_another_year_is_refused(office):
    body = {"indicator": "IND-01", "year": 2018, "kind": "actual", "as_of": "2019-01-15", "value": "140"}
    before = IndicatorValue.objects.count()

    response = post(Client(), "/api/performance/indicators/values", body, **bearer("t_staff"))

    assert_error_format(response, 400, "validation_error")
    assert field_errors(response) == {"as_of": "실적의 기준일은 2018년 안의 날짜여야 합니다."}
    assert IndicatorValue.objects.count() == before


# --- milestones -------------------------------------------------------------------------------------------


def planned_milestone(programme: str) -> Milestone:
    milestone = Milestone.objects.filter(programme__code=programme, state="planned").order_by("pk").first()
    assert milestone is not None
    return milestone


def test_division_staff_mark_a_planned_milestone_of_their_programme_done(office, client_as):
    milestone = planned_milestone("P1-01")  # 일생활균형 서울형 강소기업 지원, 일자리정책담당관

    response = post(
        client_as(Role.DIVISION_STAFF), f"/api/plan/milestones/{milestone.pk}/done", {"done_on": "2018-07-18"}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == milestone.pk
    assert body["state"] == "done"
    assert body["done_on"] == "2018-07-18"
    milestone.refresh_from_db()
    assert milestone.state == "done"


def test_a_milestone_done_in_another_year_is_refused_in_korean(office):
    milestone = planned_milestone("P1-01")

    response = post(
        Client(), f"/api/plan/milestones/{milestone.pk}/done", {"done_on": "2019-01-10"}, **bearer("t_staff")
    )

    assert_error_format(response, 400, "validation_error")
    assert field_errors(response) == {"done_on": "완료일은 2018년 안의 날짜여야 합니다."}
    milestone.refresh_from_db()
    assert milestone.state == "planned" and milestone.done_on is None


def test_division_staff_cannot_mark_another_divisions_milestone(office):
    milestone = planned_milestone("P2-01")  # 노동정책담당관

    response = post(
        Client(), f"/api/plan/milestones/{milestone.pk}/done", {"done_on": "2018-07-18"}, **bearer("t_staff")
    )

    assert_error_format(response, 403, "forbidden")
    milestone.refresh_from_db()
    assert milestone.state == "planned"


def test_an_unknown_milestone_is_404(office, client_as):
    response = post(client_as(Role.OFFICE_MANAGER), "/api/plan/milestones/999999/done", {"done_on": "2018-07-18"})

    assert_error_format(response, 404, "not_found")
