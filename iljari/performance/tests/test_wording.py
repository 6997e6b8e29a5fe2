"""Validation speaks Korean: values in the report's units and formats, Korean names for divisions, target groups,
indicators, programmes and series, rules as sentences — on the page, in `iljari validate` and in the API, with the
violations first and a 위반만 보기 filter."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from iljari.core.roles import Role
from iljari.performance import wording
from iljari.performance.models import ValidationRule
from iljari.performance.services import validation_run

AS_OF = date(2018, 6, 30)
# what the old wording printed: series codes, target-group codes, raw ratios, 원 with decimals
CODES = ("budget.committed", "budget.current_budget", "low_income", "disabled", "middle_aged", "0.53", ".00")


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (Decimal("0.53"), "%", "53.0%"),
        (Decimal("0.4635"), "%", "46.4%"),
        (Decimal("0.51"), "%", "51.0%"),
        (1_157_000_000, "백만원", "1,157백만원"),
        (Decimal("1157000000.000000"), "백만원", "1,157백만원"),
        (1_148_200_000_000, "억원", "11,482억원"),
        (Decimal("1234567.00"), "원", "1,234,567원"),
        (150_000, "천개", "150천개"),
        (Decimal("10774"), "명", "10,774명"),
        (Decimal("5.41"), "배", "5.41:1"),
        (Decimal("7"), "배", "7:1"),
        (-9, "명", "△9명"),
        (None, "%", "-"),
    ],
)
def test_values_are_shown_in_the_units_and_formats_the_report_uses(value, unit, text):
    assert wording.format_value(value, unit) == text


@pytest.mark.parametrize(
    ("text", "object_", "direction"),
    [("203,895개", "를", "로"), ("10,774명", "을", "으로"), ("1,300억원", "을", "으로"), ("151시간", "을", "으로"),
     ("3,000일", "을", "로"), ("51.0%", "를", "로"), ("5.4:1", "을", "로")],
)  # fmt: skip
def test_particles_follow_the_last_syllable(text, object_, direction):
    assert (wording.object_particle(text), wording.direction_particle(text)) == (object_, direction)


def test_subjects_and_rules_have_korean_names(office):
    labels = wording.Labels.load()
    assert labels.subject("disabled") == "장애인"
    assert labels.subject("low_income") == "저소득"
    assert labels.subject("indirect") == "간접일자리"
    assert labels.subject("JOBS-POLICY") == "일자리정책담당관"
    assert labels.subject("IND-03 2018") == "생활임금 적용인원(누적) 2018년"
    assert labels.subject("IND-02") == "민간 일자리(취업지원, 직업훈련, 창업지원, 고용장려금)"
    assert labels.subject("P2-04") == "서울지역 노동단체 지원"
    assert labels.subject("") == "계"
    rules = {rule.code: rule for rule in ValidationRule.objects.all()}
    assert labels.rule(rules["BUD-COMMITTED-BUDGET"]) == "원인행위액(부서별·계) ≤ 예산현액(부서별·계)"
    assert labels.rule(rules["JOB-TARGET-TOTAL"]) == "합계: 일자리 목표(직접·간접) = 보고서에 적힌 일자리 목표 총계"
    assert labels.rule(rules["TXT-P2-04-RATE"]) == (
        "한국노총 보조금 교부율(보고) ≈ (한국노총 보조금 6월까지 교부액) ÷ (한국노총 지원 사업비(9개 사업))"
    )


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _result_lines(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.startswith("  ")]


def test_the_command_speaks_korean_and_lists_violations_first(office, capsys):
    call_command("validate", "--year", "2018", "--as-of", "2018-06-30")
    out = capsys.readouterr().out
    lines = _result_lines(out)
    marks = [line.split(" ")[0] for line in lines]
    assert marks == sorted(marks, key=["위반", "확인", "통과"].index)  # 위반, then 확인 불가, then 통과
    assert marks.count("위반") == 4
    assert not [code for code in CODES if code in out]
    assert "IND-03" not in out and "IND-CUMULATIVE" not in out
    assert "— 장애인: 값이 없어 확인할 수 없습니다(왼쪽 -, 오른쪽 83.6%)." in out
    assert "— 일자리정책담당관: 53.5% = 53.5%" in out
    assert "— 계: 133,238백만원 ≤ 237,715백만원" in out


def test_the_command_shows_violations_only_when_asked(office, capsys):
    call_command("validate", "--year", "2018", "--as-of", "2018-06-30", "--violations-only")
    lines = _result_lines(capsys.readouterr().out)
    assert len(lines) == 4 and all(line.startswith("위반 [보통] ") for line in lines)
    assert any("보고서는 51.0%로 적었으나 1,157백만원 ÷ 2,496백만원 = 46.4%입니다." in line for line in lines)


def test_the_page_lists_violations_first_in_korean_and_filters_them(office, client_as):
    validation_run(year=2018, as_of=AS_OF)
    client = client_as(Role.DIVISION_STAFF)
    page = client.get("/performance/validation/?year=2018&as_of=2018-06-30").content.decode()
    assert "위반만 보기" in page and "violations=1" in page
    first_failed, first_passed = page.index("ilj-result-failed"), page.index("ilj-result-passed")
    assert first_failed < page.index("ilj-result-skipped") < first_passed
    assert "원인행위액(부서별·계) ≤ 예산현액(부서별·계)" in page  # the rule as a sentence
    assert "budget.committed" not in page and "low_income" not in page
    assert "53.5%" in page and "237,715백만원" in page
    assert "6월까지 1,157백만원(51%) 교부" in page  # the printed figures with their source text

    only = client.get("/performance/validation/?year=2018&as_of=2018-06-30&violations=1").content.decode()
    assert only.count('class="ilj-result-failed"') == 4
    assert "ilj-result-passed" not in only and "ilj-result-skipped" not in only
    assert "전체 보기" in only


def test_the_api_words_results_and_filters_violations(office, client_as):
    validation_run(year=2018, as_of=AS_OF)
    client = client_as(Role.OFFICE_MANAGER)
    rows = client.get("/api/performance/validation?year=2018").json()
    outcomes = [row["outcome"] for row in rows]
    assert outcomes == sorted(outcomes, key=["failed", "skipped", "passed"].index)
    disabled = next(r for r in rows if r["rule"] == "JOB-RATE-PRINTED" and r["subject"] == "disabled")
    assert (disabled["subject_label"], disabled["right"], disabled["outcome_label"]) == (
        "장애인",
        "83.6%",
        "확인 불가(값 없음)",
    )
    only = client.get("/api/performance/validation?year=2018&violations=true").json()
    assert {row["rule"] for row in only} == {
        "IND-CUMULATIVE",
        "IND-ROUNDED-INDIRECT",
        "TXT-P1-01-GOAL",
        "TXT-P2-04-RATE",
    }
    rate = next(row for row in only if row["rule"] == "TXT-P2-04-RATE")
    assert (rate["left"], rate["right"], rate["subject_label"]) == ("51.0%", "46.4%", "서울지역 노동단체 지원")


def test_the_finance_pages_show_their_results_in_korean(office, client_as):
    from iljari.finance.models import BudgetLine

    client = client_as(Role.OFFICE_MANAGER)
    line = BudgetLine.objects.get(code="LABOUR-POLICY-2018")
    form = {"line": line.pk, "as_of": "2018-07-31", "current_budget": 19_490_000_000, "committed": 1_000_000_000}
    client.post("/finance/budget/record/?year=2018&as_of=2018-07-31", {**form, "spent": 6_000_000_000})
    validation_run(year=2018, as_of=date(2018, 7, 31))
    page = client.get("/finance/budget/?year=2018&as_of=2018-07-31").content.decode()
    assert "지출액(부서별·계) ≤ 원인행위액(부서별·계)" in page
    assert "6,000백만원 ≤ 1,000백만원 관계가 성립하지 않습니다(차이 5,000백만원)." in page
    shown = re.sub(r"<[^>]+>", " ", page)  # the text an official reads (the harness's data-figure marks aside)
    assert "노동정책담당관" in shown and "LABOUR-POLICY" not in shown and "budget.spent" not in shown
