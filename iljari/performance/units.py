"""The units figures are printed in, and how many base units (원, 개, 명, a ratio) each holds.

Validation compares figures in base units: 150천개 is 150,000개, 1,157백만원 is 1,157,000,000원, 51% is 0.51.
A unit not listed here counts things one by one (scale 1, its own base).
"""

from __future__ import annotations

from decimal import Decimal

RATE_UNITS = {"%": Decimal("0.01"), "배": Decimal(1)}
UNIT_SCALES: dict[str, Decimal] = {
    "원": Decimal(1),
    "천원": Decimal(1_000),
    "백만원": Decimal(1_000_000),
    "억원": Decimal(100_000_000),
    "천개": Decimal(1_000),
    "천명": Decimal(1_000),
    "천건": Decimal(1_000),
    **RATE_UNITS,
}
BASE_UNITS = {"천원": "원", "백만원": "원", "억원": "원", "천개": "개", "천명": "명", "천건": "건"}


def unit_scale(unit: str) -> Decimal:
    return UNIT_SCALES.get(unit, Decimal(1))


def base_unit(unit: str) -> str:
    return BASE_UNITS.get(unit, unit)


def to_base(value: Decimal | None, unit: str) -> Decimal | None:
    return None if value is None else Decimal(value) * unit_scale(unit)
