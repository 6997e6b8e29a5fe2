"""Table cells as the office's reports print them: numbers with thousands separators (kept as numbers for xlsx),
amounts in 백만원 or 억원, rates to 0.1%, a dash for no figure and "(유실)" for a figure the source lost."""

from __future__ import annotations

from iljari.core.formats import figure_decimals, format_amount, format_figure, format_rate
from iljari.reports.document import XLSX_INTEGER, XLSX_PERCENT1, Cell

MISSING = "(유실)"


def number_cell(value: int | None, *, header: bool = False) -> Cell:
    if value is None:
        return Cell("-", align="right")
    decimals = figure_decimals(value)
    number_format = XLSX_INTEGER if not decimals else XLSX_INTEGER.replace("#,##0", "#,##0." + "0" * decimals)
    return Cell(format_figure(value), value=value, number_format=number_format, align="right", header=header)


def won_cell(value: int | None, unit: str) -> Cell:
    if value is None:
        return Cell("-", align="right")
    shown = format_amount(value, unit)
    divisor = {"백만원": 1_000_000, "억원": 100_000_000}[unit]
    return Cell(shown, value=round(value / divisor), number_format=XLSX_INTEGER, align="right")


def rate_cell(value) -> Cell:
    if value is None:
        return Cell("-", align="right")
    return Cell(format_rate(value), value=value, number_format=XLSX_PERCENT1, align="right")
