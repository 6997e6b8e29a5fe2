"""Validation rules written as expressions over the named series (kind "formula", 식): read by the parser (never
eval), checked (an unknown series is named; no division by a series that can be zero, nor by anything zero on the
data), previewed on the 2018 data before saving, created and retired through the page and the API, and run with
the other rules. The figures expected are the 2018 report's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.roles import Role
from iljari.performance.expressions import (
    Binary,
    ExpressionError,
    Negative,
    Number,
    Ref,
    expression_parse,
    expression_refs,
    expression_value,
)
from iljari.performance.models import ValidationResult, ValidationRule
from iljari.performance.series import SERIES
from iljari.performance.services import validation_run

AS_OF = date(2018, 6, 30)
PAGE = "/performance/validation/rules/new/?year=2018&as_of=2018-06-30"


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def korean(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def rule_form(**overrides) -> dict:
    data = {
        "code": "BUD-JOBS-HALF",
        "name": "일자리정책담당관의 상반기 집행률은 절반 이상",
        "description": "",
        "area": "budget",
        "left_series": "budget.spent[JOBS-POLICY] ÷ budget.current_budget[JOBS-POLICY]",
        "operator": ">=",
        "right_series": "0.5",
        "tolerance": "0",
        "importance": "medium",
        "missing_values": "skip_if_any",
        "year": "2018",
        "as_of": "2018-06-30",
    }
    return {**data, **overrides}


# --- the parser ----------------------------------------------------------------------------------------------


def test_the_parser_reads_precedence_parentheses_and_the_report_signs():
    values = {"a": Decimal(6), "b": Decimal(3), "figure:x-1.y": Decimal(2)}

    def value(text: str) -> Decimal | None:
        return expression_value(expression_parse(text), lambda ref: values.get(ref.code))

    assert value("a + b × 2") == Decimal(12)
    assert value("(a + b) * 2") == Decimal(18)
    assert value("a ÷ b − 1") == Decimal(1)
    assert value("-a + figure:x-1.y") == Decimal(-4)
    assert value("a / (b - 3)") is None  # a zero divisor is a missing value, never an exception
    assert value("a + nothing") is None
    node = expression_parse("budget.spent[JOBS-POLICY] / budget.current_budget[]")
    assert [(ref.code, ref.subject) for ref in expression_refs(node)] == [
        ("budget.spent", "JOBS-POLICY"),
        ("budget.current_budget", ""),
    ]


@pytest.mark.parametrize(
    "text", ["", "1 +", "(1 + 2", "1 2", "a )", "__import__('os')", "a; b", "a ** 2", "figure:", "2019x", "a @ b"]
)
def test_what_the_parser_cannot_read_is_a_korean_error(text):
    with pytest.raises(ExpressionError) as error:
        expression_parse(text)
    assert korean(str(error.value))


NAMES = st.sampled_from(
    [f"{code}[JOBS-POLICY]" for code in SERIES if code.startswith("budget.")]
    + [f"{code}[youth]" for code in SERIES if code.startswith("jobs.") and code.endswith(".group")]
    + ["jobs.target.kind", "staffing.authorized[]", "figure:p1-01.goal", "figure:p2-04.fktu.disbursed"]
)
NUMBERS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False).map(str)


def _expressions():
    leaves = st.one_of(NAMES, NUMBERS)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from([" + ", " - ", " × ", " ÷ ", " * ", " / ", " − "]), inner).map("".join),
            inner.map(lambda text: f"({text})"),
            inner.map(lambda text: f"-{text}"),
        ),
        max_leaves=8,
    )


@given(text=_expressions())
@settings(max_examples=200, deadline=None)
def test_any_expression_over_known_names_reads_back_to_a_tree(text):
    node = expression_parse(text)
    assert isinstance(node, Number | Ref | Negative | Binary)
    # evaluating with any values never raises (a zero divisor is None)
    expression_value(node, lambda ref: Decimal(0))


@given(text=st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_either_reads_or_is_refused_in_korean(text):
    try:
        expression_parse(text)
    except ExpressionError as error:
        assert korean(str(error))


SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(text=_expressions())
@SLOW
def test_a_preview_of_any_expression_over_known_series_never_fails_the_server(office, client_as, text):
    response = client_as(Role.OFFICE_MANAGER).post(PAGE, {**rule_form(left_series=text), "action": "preview"})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        messages = response.context["form"].errors.get("left_series", [])
        assert messages and all(korean(message) for message in messages)
    assert not ValidationRule.objects.filter(code="BUD-JOBS-HALF").exists()


@given(
    name=st.from_regex(r"[a-z][a-z_]{2,10}\.[a-z_]{2,10}", fullmatch=True).filter(lambda n: n not in SERIES),
    subject=st.sampled_from(["", "[JOBS-POLICY]", "[]"]),
)
@SLOW
def test_an_unknown_series_is_always_refused_and_named(office, client_as, name, subject):
    response = client_as(Role.OFFICE_MANAGER).post(PAGE, rule_form(right_series=f"1 + {name}{subject}"))
    assert response.status_code == 400
    assert response.context["form"].errors["right_series"] == [f"알 수 없는 계열입니다: {name}"]
    assert not ValidationRule.objects.filter(code="BUD-JOBS-HALF").exists()


# --- preview, create, run, retire --------------------------------------------------------------------------------


def test_the_preview_shows_the_2018_values_and_the_outcome_before_anything_is_saved(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    response = manager.post(PAGE, {**rule_form(), "action": "preview"})
    assert response.status_code == 200
    preview = response.context["preview"]
    # 일자리정책담당관, 2018-06-30: 지출액 100,177백만원 of 예산현액 187,341백만원 (the report's 53.5%)
    terms = {term.text: term.value for term in preview.terms}
    assert terms["budget.spent[JOBS-POLICY]"] == "100,177백만원"
    assert terms["budget.current_budget[JOBS-POLICY]"] == "187,341백만원"
    assert preview.left == "0.53" and preview.outcome == ValidationResult.Outcome.PASSED
    assert 'data-outcome="passed"' in response.content.decode()
    assert not ValidationRule.objects.filter(code="BUD-JOBS-HALF").exists()

    # the jobs table: 직접 150,061 + 간접 203,895 = the printed 총계 353,956
    total = rule_form(
        left_series="jobs.target.kind[direct] + jobs.target.kind[indirect]",
        operator="==",
        right_series="reported:jobs.target[]",
    )
    preview = manager.post(PAGE, {**total, "action": "preview"}).context["preview"]
    assert (preview.left, preview.right, preview.outcome) == ("353,956개", "353,956개", "passed")
    # 60% would fail: the preview says so
    failing = manager.post(PAGE, {**rule_form(right_series="0.6"), "action": "preview"}).context["preview"]
    assert failing.outcome == ValidationResult.Outcome.FAILED


def test_a_rule_is_created_from_its_expressions_runs_and_is_retired(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    response = manager.post(PAGE, {**rule_form(), "action": "save"})
    assert response.status_code == 302, response.content.decode()
    rule = ValidationRule.objects.get(code="BUD-JOBS-HALF")
    assert (rule.kind, rule.left_series, rule.right_series) == (
        "formula",
        "budget.spent[JOBS-POLICY] ÷ budget.current_budget[JOBS-POLICY]",
        "0.5",
    )
    assert LogEntry.objects.get_for_object(rule).get().actor == office[Role.OFFICE_MANAGER]

    run = validation_run(year=2018, as_of=AS_OF)
    result = next(r for r in run.results if r.rule.code == "BUD-JOBS-HALF")
    assert result.outcome == ValidationResult.Outcome.PASSED and result.subject == "JOBS-POLICY"
    assert round(result.left_value, 4) == Decimal("0.5347")  # 100,177 ÷ 187,341
    page = manager.get("/performance/validation/?year=2018").content.decode()
    assert "지출액(부서별·계) 일자리정책담당관 ÷ 예산현액(부서별·계) 일자리정책담당관 ≥ 0.5" in page

    assert manager.post("/performance/validation/rules/BUD-JOBS-HALF/retire/").status_code == 302
    rule.refresh_from_db()
    assert rule.is_active is False
    assert not any(r.rule.code == "BUD-JOBS-HALF" for r in validation_run(year=2018, as_of=AS_OF).results)
    assert LogEntry.objects.get_for_object(rule).filter(action=LogEntry.Action.UPDATE).exists()

    twice = manager.post(PAGE, {**rule_form(), "action": "save"})
    assert twice.status_code == 400 and "이미" in twice.context["form"].errors["code"][0]


@pytest.mark.parametrize(
    ("side", "text", "says"),
    [
        ("left_series", "budget.current_budget[] ÷ budget.spent[]", "0일 수 있는 계열"),
        ("left_series", "jobs.target.kind[direct] ÷ jobs.achieved.kind", "0일 수 있는 계열"),
        ("left_series", "budget.spent[] / reported:budget.spent[]", "0일 수 있는 계열"),
        ("right_series", "1 / (figure:p1-01.goal - 1000)", "0이어서"),  # 선정목표 1,000개
        ("right_series", "budget.spent[] / 0", "0이어서"),
        ("left_series", "budget.nothing[JOBS-POLICY] + 1", "알 수 없는 계열입니다: budget.nothing"),
        ("left_series", "figure:no.such.key", "없는 본문 수치입니다: figure:no.such.key"),
        ("left_series", "budget.spent[JOBS-POLICY] +", "항이 하나 더"),
    ],
)
def test_a_side_that_cannot_be_checked_safely_is_refused_on_its_field(office, client_as, side, text, says):
    manager = client_as(Role.OFFICE_MANAGER)
    for action in ("preview", "save"):
        response = manager.post(PAGE, {**rule_form(**{side: text}), "action": action})
        assert response.status_code == 400
        assert says in " ".join(response.context["form"].errors[side])
    assert not ValidationRule.objects.filter(code="BUD-JOBS-HALF").exists()


def test_only_the_office_manager_creates_and_retires_rules(office, client_as):
    for role in (Role.DIVISION_STAFF, Role.AUDITOR):
        client = client_as(role)
        assert client.post(PAGE, {**rule_form(), "action": "save"}).status_code == 403
        assert client.post("/performance/validation/rules/IND-CUMULATIVE/retire/").status_code == 403
    assert ValidationRule.objects.get(code="IND-CUMULATIVE").is_active


def test_formula_rules_through_the_api(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    body = {
        "left": "budget.committed[] ÷ budget.current_budget[]",
        "operator": "<=",
        "right": "1",
        "year": 2018,
        "as_of": "2018-06-30",
    }
    preview = manager.post("/api/performance/rules/preview", body, content_type="application/json")
    assert preview.status_code == 200, preview.content
    # 원인행위액 133,238 of 예산현액 237,715백만원 (the report's 계 row): 0.56
    assert preview.json()["left"] == "0.56" and preview.json()["outcome"] == "passed"
    created = manager.post(
        "/api/performance/rules",
        {**body, "code": "BUD-COMMITTED-WITHIN", "name": "원인행위액은 예산현액 안", "area": "budget"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["kind"] == "formula"
    assert any(rule["code"] == "BUD-COMMITTED-WITHIN" for rule in manager.get("/api/performance/rules").json())
    bad = manager.post(
        "/api/performance/rules/preview", {**body, "right": "1 / budget.spent[]"}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "right_series"
    retired = manager.post("/api/performance/rules/BUD-COMMITTED-WITHIN/retire")
    assert retired.status_code == 200 and retired.json()["is_active"] is False
    staff = client_as(Role.DIVISION_STAFF)
    assert (
        staff.post(
            "/api/performance/rules",
            {**body, "code": "X-1", "name": "x", "area": "budget"},
            content_type="application/json",
        ).status_code
        == 403
    )
