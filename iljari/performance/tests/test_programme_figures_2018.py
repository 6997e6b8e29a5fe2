"""The figures inside part Ⅲ's programme text of the 2018 report, checked against each other and the tables: the
demo run finds the text's inconsistencies. Every expected value below is worked out by hand from the report."""

from datetime import date
from decimal import Decimal

import pytest

from iljari.performance.models import ProgrammeFigure, ValidationRule
from iljari.performance.services import validation_run

AS_OF = date(2018, 6, 30)


@pytest.fixture
def run(personas, dataset_2018):
    results = validation_run(year=2018, as_of=AS_OF).results
    return {(r.rule.code, r.subject): r for r in results}


def test_the_grant_paid_by_june_is_46_4_percent_of_its_budget_not_the_printed_51(run):
    # "한국노총 서울지역본부 지원 보조금 6월까지 1,157백만원(51%) 교부" of "9개 사업 지원(2,496백만원)"
    result = run[("TXT-P2-04-RATE", "P2-04")]
    assert result.outcome == "failed"
    assert result.left_value == Decimal("0.51")
    assert result.right_value.quantize(Decimal("0.0001")) == Decimal("0.4635")  # 1,157 / 2,496 = 0.46354…
    assert result.explanation == "보고서는 51.0%로 적었으나 1,157백만원 ÷ 2,496백만원 = 46.4%입니다."


def test_the_five_year_selection_goal_is_not_the_sum_of_its_yearly_parts(run):
    # "선정목표 : 1,000개 기업('22년)" — "'16~17년(기선정) : 297개, '18년(예정) : 100개, '19~'22년(예정) : 600개"
    result = run[("TXT-P1-01-GOAL", "P1-01")]
    assert (result.outcome, result.left_value, result.right_value) == ("failed", 1000, 997)
    # the 600 itself is "150개/연" for the four years '19~'22
    assert run[("TXT-P1-01-YEARLY", "P1-01")].outcome == "passed"


def test_the_private_jobs_indicator_in_thousands_does_not_round_the_job_table(run):
    # 민간 일자리 2018 목표 203천개; 간접일자리 목표 203,895개 rounds to 204천개 (203 is truncated)
    indirect = run[("IND-ROUNDED-INDIRECT", "IND-02")]
    assert (indirect.outcome, indirect.left_value, indirect.right_value) == ("failed", 203_000, 203_895)
    assert "204천개" in indirect.explanation
    # 공공 일자리 150천개 and 직접일자리 150,061개 agree
    direct = run[("IND-ROUNDED-DIRECT", "IND-01")]
    assert (direct.outcome, direct.left_value, direct.right_value) == ("passed", 150_000, 150_061)


def test_the_rest_of_the_text_is_consistent(run):
    text_rules = {code: r for (code, _), r in run.items() if code.startswith("TXT-")}
    failed = sorted(code for code, r in text_rules.items() if r.outcome == "failed")
    assert failed == ["TXT-P1-01-GOAL", "TXT-P2-04-RATE"]
    assert [code for code, r in text_rules.items() if r.outcome == "skipped"] == []  # every figure was transcribed
    # a few of the sums and rates, by hand
    assert run[("TXT-P1-06-HALVES", "P1-06")].left_value == 10109  # 4,951 + 5,158
    assert run[("TXT-P1-05-JOBS", "P1-05")].right_value == 2573  # 1,286 + 734 + 260 + 91 + 202
    assert run[("TXT-P2-05-DAILY", "P2-05")].right_value == 175  # 70 + 57 + 48 (상암 "-")
    rise = run[("TXT-P2-05-INCREASE", "P2-05")]
    assert rise.outcome == "passed" and rise.right_value.quantize(Decimal("0.001")) == Decimal("0.378")  # 48/127
    assert run[("TXT-P1-03-RATIO", "P1-03")].right_value.quantize(Decimal("0.01")) == Decimal("7.01")  # 6,617/944
    assert run[("TXT-P3-01-TARGET", "P3-01")].right_value == 1300 * 10**8  # the 정책지표's 1,300억원


def test_tens_of_figures_of_the_programme_text_are_kept_with_their_source(personas, dataset_2018):
    figures = ProgrammeFigure.objects.filter(year=2018)
    assert figures.count() >= 60
    assert ValidationRule.objects.filter(kind__in=["parts", "rate", "rounded"]).count() >= 30
    grant = figures.get(key="p2-04.fktu.disbursed")
    assert (grant.programme.code, grant.value, grant.unit, grant.as_of) == ("P2-04", 1157, "백만원", AS_OF)
    assert "1,157백만원(51%)" in grant.source_text and grant.source_page == "Ⅲ 2-④ 추진현황"
    assert figures.filter(programme__isnull=True).count() == 0


def test_the_office_manager_edits_a_figure_rule_and_it_stays_a_figure_rule(personas, dataset_2018, client_as):
    from iljari.core.roles import Role

    client = client_as(Role.OFFICE_MANAGER)
    page = client.get("/performance/validation/rules/TXT-P2-04-RATE/").content.decode()
    assert "비율 규칙" in page and "한국노총 보조금 6월까지 교부액" in page
    rule = ValidationRule.objects.get(code="TXT-P2-04-RATE")
    form = {
        "name": rule.name,
        "area": rule.area,
        "left_series": rule.left_series,
        "operator": rule.operator,
        "right_series": rule.right_series,
        "tolerance": "0.06",
        "importance": "high",
        "missing_values": rule.missing_values,
        "is_active": "on",
    }
    assert client.post("/performance/validation/rules/TXT-P2-04-RATE/", form).status_code == 302
    rule.refresh_from_db()
    assert (rule.kind, rule.whole_series, rule.importance) == ("rate", "figure:p2-04.fktu.budget", "high")
    # within a tolerance of 6 points, 51% against 46.4% passes
    validation_run(year=2018, as_of=AS_OF)
    assert ValidationRule.objects.get(code="TXT-P2-04-RATE").results.get().outcome == "passed"
