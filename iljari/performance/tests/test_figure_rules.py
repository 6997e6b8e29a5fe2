"""The figure rules over figures a programme's text printed: parts (a total and its parts), rate (a printed rate and
what it is a rate of, within the tolerance) and rounded (a figure printed in 천개/억원 and the exact figure it rounds),
each with passing and failing data; and the rule terms the service refuses."""

import itertools
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.performance.services import (
    indicator_set,
    indicator_value_record,
    programme_figure_set,
    validation_rule_set,
    validation_run,
)

YEAR = 2018
AS_OF = date(2018, 6, 30)
keys = itertools.count(1)


def figure(key, value, unit, year=YEAR):
    return programme_figure_set(
        actor=None, year=year, key=key, label=f"수치 {key}", value=value, unit=unit, source_text="원문", source_page="Ⅲ"
    )


def rule(code, kind, left, right, whole="", operator="==", tolerance="0", **fields):
    return validation_rule_set(
        actor=None,
        code=code,
        area="programmes",
        kind=kind,
        name=f"규칙 {code}",
        left_series=left,
        operator=operator,
        right_series=right,
        whole_series=whole,
        tolerance=Decimal(tolerance),
        **fields,
    )


def result_of(code):
    return next(r for r in validation_run(year=YEAR, as_of=AS_OF).results if r.rule.code == code)


# --- parts ---------------------------------------------------------------------------------------------------------


def test_parts_that_add_up_to_the_printed_total_pass(db):
    figure("total", 10109, "명")
    figure("city", 990, "명")
    figure("district", 9119, "명")
    rule("PARTS", "parts", "figure:total", "figure:city + figure:district")
    result = result_of("PARTS")
    assert (result.outcome, result.left_value, result.right_value) == ("passed", 10109, 10109)
    assert result.explanation == "10,109명 = 10,109명"


def test_parts_that_fall_short_of_the_printed_total_fail_and_say_by_how_much(db):
    figure("goal", 1000, "개")
    for key, value in (("a", 297), ("b", 100), ("c", 600)):
        figure(key, value, "개")
    rule("GOAL", "parts", "figure:goal", "figure:a + figure:b + figure:c")
    result = result_of("GOAL")
    assert (result.outcome, result.left_value, result.right_value) == ("failed", 1000, 997)
    assert result.explanation == "합계는 1,000개인데 부분의 합은 997개입니다(차이 3개)."


def test_a_part_may_be_subtracted(db):
    figure("reduced", 151, "시간")
    figure("before", 2275, "시간")
    figure("after", 2124, "시간")
    rule("HOURS", "parts", "figure:reduced", "figure:before - figure:after")
    assert result_of("HOURS").outcome == "passed"
    figure("after", 2125, "시간")
    assert result_of("HOURS").outcome == "failed"


def test_parts_in_different_money_units_are_compared_in_won(db):
    figure("budget", "1.6", "억원")  # 160백만원
    figure("hub", 60, "백만원")
    figure("rest", 100, "백만원")
    rule("MONEY", "parts", "figure:budget", "figure:hub + figure:rest")
    result = result_of("MONEY")
    assert (result.outcome, result.left_value) == ("passed", 160_000_000)


def test_a_part_the_year_does_not_print_makes_the_rule_uncheckable_not_failed(db):
    figure("total", 10, "개")
    figure("one", 4, "개")
    rule("GAP", "parts", "figure:total", "figure:one + figure:two")
    result = result_of("GAP")
    assert (result.outcome, result.right_value) == ("skipped", None)
    assert figure("two", 6, "개", year=2019) and result_of("GAP").outcome == "skipped"  # another year's figure
    figure("two", 6, "개")
    assert result_of("GAP").outcome == "passed"


def test_a_parts_rule_with_an_inequality(db):
    figure("employed", 1785, "명")
    figure("counselled", 13869, "명")
    rule("LE", "parts", "figure:employed", "figure:counselled", operator="<=")
    assert result_of("LE").outcome == "passed"
    figure("employed", 13870, "명")
    assert result_of("LE").outcome == "failed"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example writes figures
)
@given(parts=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=6), off=st.integers(-5, 5))
def test_a_parts_rule_passes_exactly_when_the_parts_add_up(db, parts, off):
    run = next(keys)
    for index, value in enumerate(parts):
        figure(f"h{run}.{index}", value, "원")
    figure(f"h{run}.total", sum(parts) + off, "원")
    rule(f"H{run}", "parts", f"figure:h{run}.total", " + ".join(f"figure:h{run}.{i}" for i in range(len(parts))))
    assert result_of(f"H{run}").outcome == ("passed" if off == 0 else "failed")


# --- rate ----------------------------------------------------------------------------------------------------------


def test_a_printed_rate_that_is_not_part_over_whole_fails(db):
    figure("rate", 51, "%")
    figure("paid", 1157, "백만원")
    figure("budget", 2496, "백만원")
    rule("RATE", "rate", "figure:rate", "figure:paid", "figure:budget", tolerance="0.005")
    result = result_of("RATE")
    assert result.outcome == "failed"
    assert result.left_value == Decimal("0.51")
    assert abs(result.right_value - Decimal("0.46354")) < Decimal("0.00001")  # 1,157 / 2,496
    assert result.explanation == "보고서는 51.0%로 적었으나 1,157백만원 ÷ 2,496백만원 = 46.4%입니다."


def test_a_printed_rate_within_its_rounding_passes(db):
    figure("rate", 38, "%")  # "약 38% 증가"
    figure("y2017", 127, "명")
    figure("y2018", 175, "명")
    rule("RISE", "rate", "figure:rate", "figure:y2018 - figure:y2017", "figure:y2017", tolerance="0.005")
    result = result_of("RISE")
    assert result.outcome == "passed"  # 48 / 127 = 37.8%
    assert result.explanation == "38.0% (다시 계산하면 48명 ÷ 127명 = 37.8%)"


def test_a_competition_ratio_is_a_rate_in_times(db):
    figure("ratio", "5.4", "배")
    figure("applied", 541, "개")
    figure("planned", 100, "개")
    rule("RATIO", "rate", "figure:ratio", "figure:applied", "figure:planned", tolerance="0.05")
    assert result_of("RATIO").outcome == "passed"
    figure("ratio", "5.5", "배")
    result = result_of("RATIO")
    assert result.outcome == "failed" and "5.41:1" in result.explanation


def test_a_rate_over_a_whole_of_zero_cannot_be_checked(db):
    figure("rate", 50, "%")
    figure("part", 0, "명")
    figure("whole", 0, "명")
    rule("ZERO", "rate", "figure:rate", "figure:part", "figure:whole", tolerance="0.005")
    assert result_of("ZERO").outcome == "skipped"


# --- rounded -------------------------------------------------------------------------------------------------------


def test_a_figure_in_thousands_that_is_the_exact_figure_rounded_passes(db):
    figure("thousands", 150, "천개")
    figure("exact", 150_061, "개")
    rule("ROUND", "rounded", "figure:thousands", "figure:exact")
    assert result_of("ROUND").outcome == "passed"


def test_a_figure_in_thousands_that_truncates_instead_of_rounding_fails(db):
    figure("thousands", 203, "천개")
    figure("exact", 203_895, "개")
    rule("ROUND", "rounded", "figure:thousands", "figure:exact")
    result = result_of("ROUND")
    assert (result.outcome, result.left_value, result.right_value) == ("failed", 203_000, 203_895)
    assert result.explanation == "보고서는 203천개로 적었으나 203,895개를 천개 단위로 반올림하면 204천개입니다."


def test_rounding_is_half_up_and_works_in_hundred_millions(db):
    figure("eok", 13, "억원")
    figure("won", 1_250_000_000, "원")  # 12.5억원 rounds half up to 13억원
    rule("EOK", "rounded", "figure:eok", "figure:won")
    assert result_of("EOK").outcome == "passed"
    figure("won", 1_249_999_999, "원")
    assert result_of("EOK").outcome == "failed"


def test_a_rounded_rule_reads_an_indicator_and_a_series_subject(db):
    indicator = indicator_set(actor=None, code="IND-X", name="민간 일자리", unit="천개")
    indicator_value_record(actor=None, indicator=indicator, year=YEAR, kind="target", value=Decimal(203), as_of=AS_OF)
    figure("exact", 203_495, "개")
    rule("IND", "rounded", "indicator.target[IND-X]", "figure:exact")
    result = result_of("IND")
    assert (result.outcome, result.subject, result.unit) == ("passed", "IND-X", "천개")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(exact=st.integers(min_value=0, max_value=10**9), off=st.sampled_from([-1, 0, 1]))
def test_a_rounded_rule_passes_exactly_when_the_printed_thousands_are_the_rounded_value(db, exact, off):
    run = next(keys)
    thousands = (exact + 500) // 1000 + off  # rounded half up by hand
    figure(f"r{run}.k", thousands, "천명")
    figure(f"r{run}.n", exact, "명")
    rule(f"R{run}", "rounded", f"figure:r{run}.k", f"figure:r{run}.n")
    assert result_of(f"R{run}").outcome == ("passed" if off == 0 else "failed")


# --- the rules the service refuses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "left", "right", "whole", "field"),
    [
        ("parts", "figure:a", "figure:b +", "", "right_series"),
        ("parts", "figure:a", "figure:b figure:c", "", "right_series"),
        ("parts", "figure:", "figure:b", "", "left_series"),
        ("parts", "figure:a", "no.such.series[x]", "", "right_series"),
        ("parts", "figure:a", "budget.spent", "", "right_series"),  # a series term needs its subject
        ("rate", "figure:a", "figure:b", "", "whole_series"),
        ("rate", "figure:a + figure:b", "figure:c", "figure:d", "left_series"),
        ("rounded", "figure:a + figure:b", "figure:c", "", "left_series"),
        ("sum", "figure:a", "figure:b", "", "kind"),
    ],
)
def test_a_figure_rule_with_bad_terms_is_refused_with_the_field_named(db, kind, left, right, whole, field):
    with pytest.raises(ValidationFailed) as refused:
        rule("BAD", kind, left, right, whole)
    assert field in refused.value.field_errors


def test_only_the_office_manager_enters_printed_figures(personas):
    with pytest.raises(NotAllowed) as refused:
        programme_figure_set(
            actor=personas[Role.DIVISION_STAFF], year=YEAR, key="k", label="수치", value=1, unit="개",
            source_text="원문", source_page="Ⅲ",
        )  # fmt: skip
    assert "총괄" in str(refused.value)
    made = programme_figure_set(
        actor=personas[Role.OFFICE_MANAGER], year=YEAR, key="k", label="수치", value=1, unit="개",
        source_text="원문", source_page="Ⅲ",
    )  # fmt: skip
    assert made.value == 1
