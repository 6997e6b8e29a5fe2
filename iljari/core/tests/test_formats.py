"""Korean formats as the 2018 report prints them, and parsing back."""

from datetime import date
from decimal import Decimal

import pytest

from iljari.core import formats


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (81, "81"), (237715, "237,715"), (-9, "△9"), (-1234567, "△1,234,567"), (None, "-")],
)
def test_numbers_have_thousands_separators_and_triangle_negatives(value, expected):
    assert formats.format_number(value) == expected


def test_amounts_are_shown_in_the_unit_of_the_table():
    won = 237_715_000_000  # 예산현액 of the office, '18.6.30
    assert formats.format_amount(won, "백만원") == "237,715"
    assert formats.format_amount(won, "억원") == "2,377"
    assert formats.format_amount(won, "천원") == "237,715,000"
    assert formats.format_amount(9_220, "원") == "9,220"


def test_amounts_round_half_up_in_the_display_unit():
    assert formats.format_amount(1_500_000, "백만원") == "2"
    assert formats.format_amount(1_499_999, "백만원") == "1"
    assert formats.format_amount(-2_500_000, "백만원") == "△3"


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="금액 단위"):
        formats.format_amount(1, "만원")


@pytest.mark.parametrize(
    ("spent", "budget", "expected"),
    [
        (124_144, 237_715, "52.2%"),  # the office total, '18.6.30
        (100_177, 187_341, "53.5%"),  # 일자리정책담당관
        (5_553, 19_490, "28.5%"),  # 노동정책담당관
        (18_414, 30_884, "59.6%"),  # 사회적경제담당관
    ],
)
def test_execution_rates_of_the_2018_report(spent, budget, expected):
    assert formats.format_rate(formats.ratio(spent, budget)) == expected


def test_rate_without_denominator_is_undefined_not_zero():
    assert formats.ratio(5, 0) is None
    assert formats.format_rate(None) == "-"


def test_negative_rates_use_the_triangle():
    assert formats.format_rate(Decimal("-0.015")) == "△1.5%"


def test_dates_and_months_as_the_report_prints_them():
    assert formats.format_date(date(2018, 7, 11)) == "'18.7.11."
    assert formats.format_date(date(2018, 12, 1)) == "'18.12.1."
    assert formats.format_month(date(2018, 6, 1)) == "'18.6월"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,234", Decimal(1234)), ("△9", Decimal(-9)), ("-9", Decimal(-9)), ("52.2", Decimal("52.2")), (" 81 ", 81)],
)
def test_numbers_parse_back(text, expected):
    assert formats.parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2a", "△", "1.2.3"])
def test_garbage_is_not_a_number(text):
    with pytest.raises(ValueError, match="숫자로 읽을 수 없습니다"):
        formats.parse_number(text)


def test_amounts_parse_back_to_integer_won():
    assert formats.parse_amount("237,715", "백만원") == 237_715_000_000
    assert formats.parse_amount("△3", "억원") == -300_000_000
    with pytest.raises(ValueError, match="원 단위 아래"):
        formats.parse_amount("1.5", "원")


def test_rates_parse_back_to_ratios():
    assert formats.parse_rate("52.2%") == Decimal("0.522")
    assert formats.parse_rate("△1.5%") == Decimal("-0.015")
    with pytest.raises(ValueError, match="%"):
        formats.parse_rate("52.2")


@pytest.mark.parametrize("text", ["'18.7.11.", "'18. 7. 11.", "’18.7.11", "2018.7.11.", "18.7.11", "′18.7.11."])
def test_dates_parse_in_every_spelling_the_report_uses(text):
    assert formats.parse_date(text) == date(2018, 7, 11)


def test_impossible_dates_are_refused_in_korean():
    with pytest.raises(ValueError, match="없는 날짜"):
        formats.parse_date("'18.2.30.")
    with pytest.raises(ValueError, match="날짜로 읽을 수 없습니다"):
        formats.parse_date("7월 11일")


def test_months_parse_back():
    assert formats.parse_month("'18.6월") == date(2018, 6, 1)
    assert formats.parse_month("'18. 6월말") == date(2018, 6, 1)
    with pytest.raises(ValueError, match="없는 달"):
        formats.parse_month("'18.13월")


@pytest.mark.parametrize("value", [date(2018, 7, 11), date(2020, 2, 28), date(2016, 3, 1)])
def test_format_and_parse_are_inverse(value):
    assert formats.parse_date(formats.format_date(value)) == value
    assert formats.parse_month(formats.format_month(value)) == value.replace(day=1)


def test_template_filters_use_the_same_formats():
    from html import unescape

    from django.template import Context, Template

    rendered = Template("{% load kformat %}{{ won|amount:'백만원' }} {{ r|rate }} {{ d|kdate }} {{ n|num }}").render(
        Context({"won": 19_490_000_000, "r": Decimal("0.2849"), "d": date(2018, 6, 30), "n": -3})
    )
    assert unescape(rendered) == "19,490 28.5% '18.6.30. △3"


@pytest.mark.parametrize(
    ("start", "end", "precision", "open_ended", "label", "expected"),
    [
        (date(2018, 5, 14), date(2018, 6, 1), "day", False, "", "'18.5.14.~6.1."),
        (date(2018, 12, 11), date(2018, 12, 12), "day", False, "", "'18.12.11.~12.12."),
        (date(2018, 7, 1), date(2018, 9, 30), "month", False, "", "'18.7~9월"),
        (date(2018, 7, 1), None, "month", True, "", "'18.7월~"),
        (date(2018, 6, 1), None, "month", False, "", "'18.6월"),
        (date(2018, 11, 1), date(2019, 1, 31), "month", False, "", "'18.11월~'19.1월"),
        (None, date(2019, 3, 31), "month", False, "", "~'19.3월"),
        (None, None, "none", False, "하반기 중", "하반기 중"),
    ],
)
def test_periods_print_as_the_report_prints_them(start, end, precision, open_ended, label, expected):
    assert formats.format_period(start, end, precision=precision, open_ended=open_ended, label=label) == expected


@pytest.mark.parametrize(
    ("word", "topic", "object_", "direction"),
    [
        ("금액", "은", "을", "으로"),  # ends in ㄱ
        ("연도", "는", "를", "로"),  # no final consonant
        ("인원·건수", "는", "를", "로"),
        ("시설", "은", "을", "로"),  # ㄹ takes 로
        ("YJC-S01", "은", "을", "로"),  # a digit, as it is read (일)
        ("51.0%", "는", "를", "로"),  # 퍼센트
        ("'행복협동조합'", "은", "을", "으로"),  # past the closing quote
        ("ho**@example.com", "은(는)", "을(를)", "(으)로"),  # a Latin letter: both forms
    ],
)
def test_particles_follow_the_words_last_syllable(word, topic, object_, direction):
    from iljari.core.korean import direction_particle, object_particle, topic_particle

    assert (topic_particle(word), object_particle(word), direction_particle(word)) == (topic, object_, direction)


def test_a_page_writes_a_period_with_the_year_in_full_and_a_document_as_the_report_prints_it():
    assert formats.format_period(date(2018, 5, 14), date(2018, 6, 1)) == "'18.5.14.~6.1."
    assert formats.format_period(date(2018, 5, 14), date(2018, 6, 1), screen=True) == "2018.5.14.~6.1."
    assert formats.format_period(date(2018, 7, 1), date(2018, 9, 30), precision="month", screen=True) == "2018.7~9월"
    assert formats.format_period(date(2018, 12, 1), date(2019, 3, 1), precision="month", screen=True) == (
        "2018.12월~2019.3월"
    )


def test_the_screen_style_of_a_day_a_moment_and_a_month():
    from datetime import UTC, datetime

    assert formats.screen_date(date(2018, 7, 11)) == "2018.7.11."
    assert formats.screen_month(date(2018, 7, 1)) == "2018년 7월"
    # a moment is shown in Seoul: 01:37 UTC is 10:37 there, and 20:00 UTC is the next day
    assert formats.screen_datetime(datetime(2018, 7, 11, 1, 37, tzinfo=UTC)) == "2018.7.11. 10:37"
    assert formats.screen_datetime(datetime(2018, 7, 11, 20, 0, 5, tzinfo=UTC), seconds=True) == "2018.7.12. 05:00:05"
    assert formats.screen_date(datetime(2018, 7, 11, 20, 0, tzinfo=UTC)) == "2018.7.12."
    assert formats.screen_date(None) == "-" and formats.screen_date(date(1800, 1, 1)) == formats.FLAG_TEXT


def test_a_sheet_cell_holds_a_moment_as_the_office_clock_shows_it():
    from datetime import UTC, datetime

    from openpyxl import Workbook

    from iljari.core.xlsx import cell_put

    cell = cell_put(Workbook().active["A1"], datetime(2018, 3, 2, 1, 37, tzinfo=UTC))
    assert cell.value == datetime(2018, 3, 2, 10, 37)  # 01:37 UTC is 10:37 in Seoul


def test_a_day_with_its_weekday():
    assert formats.screen_date(date(2018, 7, 11), weekday=True) == "2018.7.11.(수)"
    assert formats.screen_date(date(2018, 1, 1), weekday=True) == "2018.1.1.(월)"
