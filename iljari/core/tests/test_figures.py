"""The figure kinds (core.figures): every door — model validator, form field, API schema type, sheet cell — takes
the values within a kind's bounds and refuses those beyond with a Korean message, never an exception of its own;
formats show an unusable stored figure as the flag."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticError

from iljari.core import formats
from iljari.core.errors import ValidationFailed
from iljari.core.figures import (
    BIRTH_DATE,
    COUNT,
    FLAG_TEXT,
    MONEY,
    NUMBER_KINDS,
    OFFICE_DATE,
    PERCENT,
    QUANTITY,
    RATE,
    SCORE,
    SIGNED_MONEY,
    YEAR,
    Flagged,
    year_date,
)
from iljari.core.xlsx import Column, xlsx_rows, xlsx_table
from iljari.testing_figures import NOT_NUMBERS, beyond, dates_beyond, dates_within, within

KINDS = [MONEY, SIGNED_MONEY, COUNT, QUANTITY, RATE, PERCENT, SCORE, YEAR]
ODD_TEXTS = [*NOT_NUMBERS, "1e30", "abc"]


def korean(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def kind_and(values):
    return st.sampled_from(KINDS).flatmap(lambda kind: st.tuples(st.just(kind), values(kind)))


@given(kind_and(within))
def test_a_value_within_its_kind_passes_every_door(pair):
    kind, value = pair

    assert kind.problem(value) is None
    kind.validator(value)
    assert kind.parse_cell(str(value)) == value
    assert TypeAdapter(kind.schema()).validate_python(value) == value
    assert kind.form_field().clean(str(value)) == value


@given(kind_and(beyond))
def test_a_value_beyond_its_kind_is_refused_in_korean_at_every_door(pair):
    kind, value = pair

    assert korean(kind.problem(value))
    with pytest.raises(ValidationError) as error:
        kind.validator(value)
    assert korean(error.value.messages[0])
    with pytest.raises(ValueError, match="[가-힣]"):
        kind.parse_cell(str(value))
    with pytest.raises(PydanticError):
        TypeAdapter(kind.schema()).validate_python(value)
    with pytest.raises(ValidationError) as error:
        kind.form_field().clean(str(value))
    assert korean(error.value.messages[0])


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_nan_infinity_and_overflow_are_refused_in_korean(kind, text):
    if kind.fits(text):
        pytest.skip("a value of this kind")
    with pytest.raises(ValueError, match="[가-힣]"):
        kind.parse_cell(text)
    with pytest.raises(PydanticError):
        TypeAdapter(kind.schema()).validate_python(text)
    assert korean(kind.problem(text))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")])
def test_a_cell_holding_a_float_or_decimal_that_is_no_number_is_refused(value):
    for kind in KINDS:
        with pytest.raises(ValueError, match="[가-힣]"):
            kind.parse_cell(value)


def test_the_bounds_are_those_of_the_columns_that_hold_them():
    assert MONEY.high < 2**63 and SIGNED_MONEY.low > -(2**63)  # BigIntegerField
    assert COUNT.high < 2**31  # PositiveIntegerField
    assert QUANTITY.high * 100 < 10**16  # DecimalField(max_digits=16, decimal_places=2)
    assert set(NUMBER_KINDS) >= {"money", "count", "quantity", "rate", "percent", "score", "year"}


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=-800, max_value=800))
def test_a_date_of_a_year_is_taken_within_a_year_either_side(year, days):
    day = date(year, 7, 1) + timedelta(days=days)
    kind = year_date(year)

    assert kind.fits(day) == (year - 1 <= day.year <= year + 1 and day.year >= 2000)


@pytest.mark.parametrize(
    "day", [date(1, 1, 1), date(1000, 1, 1), date(1999, 12, 31), date(2101, 1, 1), date(9999, 12, 31)]
)
def test_an_office_date_of_another_century_is_refused_at_every_door(day):
    assert korean(OFFICE_DATE.problem(day))
    with pytest.raises(ValueError, match="[가-힣]"):
        OFFICE_DATE.parse_cell(day.isoformat())
    with pytest.raises(PydanticError):
        TypeAdapter(OFFICE_DATE.schema()).validate_python(day)
    with pytest.raises(ValidationError):
        OFFICE_DATE.form_field().clean(day.isoformat())


def test_a_birth_date_is_between_1900_and_today():
    assert BIRTH_DATE.fits(date(1950, 5, 5))
    assert not BIRTH_DATE.fits(date(1899, 12, 31))
    assert not BIRTH_DATE.fits(date.today() + timedelta(days=1))


# --- the sheet parser -------------------------------------------------------------------------------------


COLUMNS = [Column("amount", "금액(원)", "int", figure=MONEY), Column("value", "값", "decimal", figure=QUANTITY)]


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.sampled_from(ODD_TEXTS + ["-1", str(2**63), str(10**15)]),
        st.integers(min_value=10**15, max_value=10**40),
        st.floats(allow_nan=True, allow_infinity=True).filter(lambda v: v != v or abs(v) >= 1e15 or v < 0),
    )
)
def test_a_sheet_with_a_cell_beyond_its_kind_is_refused_naming_the_row_and_column(cell):
    data = xlsx_table(title="시험", columns=COLUMNS, rows=[{"amount": 1000, "value": 1}, {"amount": cell, "value": 1}])

    with pytest.raises(ValidationFailed) as error:
        xlsx_rows(data=data, columns=COLUMNS, title="시험")

    assert error.value.field_errors["file"][0].startswith("5행 '금액(원)': ")
    assert korean(error.value.field_errors["file"][0])


def test_a_sheet_with_an_unbounded_int_column_refuses_overflow():
    columns = [Column("n", "번호", "int")]
    data = xlsx_table(title="시험", columns=columns, rows=[{"n": str(2**63)}])

    with pytest.raises(ValidationFailed):
        xlsx_rows(data=data, columns=columns, title="시험")


# --- formats ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [Decimal("1e30"), 10**20, 1e20, float("inf"), float("nan"), Decimal("NaN"), Flagged(Decimal(5))]
)
def test_formats_show_an_unusable_figure_as_the_flag(value):
    assert formats.format_number(value) == FLAG_TEXT
    assert formats.format_amount(value) == FLAG_TEXT
    assert formats.format_won(value) == FLAG_TEXT
    assert formats.format_rate(value) == FLAG_TEXT


def test_formats_show_an_ordinary_figure_as_before():
    assert formats.format_number(Decimal("1234567")) == "1,234,567"
    assert formats.format_won(237_715_000_000) == "237,715,000,000원"
    assert formats.format_rate(Decimal("0.52224")) == "52.2%"
    assert formats.format_date(date(1, 1, 1)) == FLAG_TEXT
    assert formats.format_date(date(2018, 7, 11)) == "'18.7.11."


def test_a_flagged_figure_keeps_what_the_database_held():
    assert Flagged(Decimal("NaN"), raw="NaN").raw == "NaN"
    assert Flagged("abc").is_finite()  # arithmetic keeps working on the stand-in


@given(
    st.sampled_from([OFFICE_DATE, BIRTH_DATE, year_date(2018)]).flatmap(
        lambda k: st.tuples(st.just(k), dates_within(k))
    )
)
def test_a_date_within_its_kind_passes_every_door(pair):
    kind, day = pair

    assert kind.parse_cell(day.isoformat()) == day
    assert TypeAdapter(kind.schema()).validate_python(day) == day
    assert kind.form_field().clean(day.isoformat()) == day


@given(
    st.sampled_from([OFFICE_DATE, BIRTH_DATE, year_date(2018)]).flatmap(
        lambda k: st.tuples(st.just(k), dates_beyond(k))
    )
)
def test_a_date_beyond_its_kind_is_refused_in_korean_at_every_door(pair):
    kind, day = pair

    with pytest.raises(ValueError, match="[가-힣]"):
        kind.parse_cell(day.isoformat())
    with pytest.raises(PydanticError):
        TypeAdapter(kind.schema()).validate_python(day)
    with pytest.raises(ValidationError) as error:
        kind.form_field().clean(day.isoformat())
    assert korean(error.value.messages[0])
