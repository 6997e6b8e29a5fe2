"""Hypothesis strategies for each figure kind (core.figures): values within a kind's bounds, values beyond them
(just past each bound, far past, 2^63 and its neighbours), and the spellings of a number that is none (NaN,
Infinity, sNaN, 1e400). The forms', the API's and the sheet parser's tests draw from these."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from iljari.core.figures import DateKind, NumberKind

NOT_NUMBERS = ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "1e400", "-1e400"]
HUGE = [2**63, 2**63 - 1, -(2**63), 2**64, 10**20, 10**30]


def within(kind: NumberKind):
    if kind.integer:
        return st.integers(min_value=int(kind.low), max_value=int(kind.high))
    return st.decimals(min_value=kind.low, max_value=kind.high, places=kind.places, allow_nan=False)


def beyond(kind: NumberKind):
    step = Decimal(1).scaleb(-kind.places)
    above = st.decimals(min_value=kind.high + step, max_value=Decimal("1e40"), places=kind.places)
    below = st.decimals(min_value=Decimal("-1e40"), max_value=kind.low - step, places=kind.places)
    huge = st.sampled_from(HUGE).filter(lambda value: not kind.fits(value))
    values = st.one_of(above, below, huge)
    return values.map(int) if kind.integer else values


def not_numbers():
    return st.sampled_from(NOT_NUMBERS)


def dates_within(kind: DateKind):
    low, high = kind.bounds()
    return st.dates(min_value=low, max_value=high)


def dates_beyond(kind: DateKind):
    low, high = kind.bounds()
    return st.one_of(
        st.dates(min_value=date(1, 1, 1), max_value=low - timedelta(days=1)),
        st.dates(min_value=high + timedelta(days=1), max_value=date(9999, 12, 31)),
    )
