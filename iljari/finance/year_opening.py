"""finance's step of opening a year (core.years): the budget lines in use carried into the new year.

A line keeps its code (the 세부사업's stable code: plan maps a programme's links by it), its division, name and
source; its figures are not carried (the new year's execution starts with its own snapshots). Retired lines and lines
of a division no longer active are left behind. A line whose code the new year already has is left as it is.
Set-based: three queries and one bulk insert (with its change-history entries), whatever the number of lines.
"""

from __future__ import annotations

from iljari.core.history import history_bulk_created
from iljari.core.years import PreviewPart
from iljari.finance.models import BudgetLine

LABEL = "예산 사업"


def _describe(line: BudgetLine) -> str:
    return f"{line.code} {line.name} ({line.org_unit.name}, {line.get_source_display()})"


def _carried(from_year: int, to_year: int) -> tuple[list[BudgetLine], list[BudgetLine]]:
    """(lines of from_year to carry whose code to_year lacks, lines to_year already has)."""
    existing = list(
        BudgetLine.objects.filter(year=to_year).select_related("org_unit").order_by("org_unit__path", "code")
    )
    codes = {line.code for line in existing}
    source = (
        BudgetLine.objects.filter(year=from_year, retired_on__isnull=True, org_unit__is_active=True)
        .select_related("org_unit")
        .order_by("org_unit__path", "code")
    )
    return [line for line in source if line.code not in codes], existing


def preview(from_year: int, to_year: int) -> list[PreviewPart]:
    missing, existing = _carried(from_year, to_year)
    return [PreviewPart(LABEL, [_describe(line) for line in missing], [_describe(line) for line in existing])]


def open_year(from_year: int, to_year: int, actor, batch) -> dict[str, int]:
    missing, _ = _carried(from_year, to_year)
    created = BudgetLine.objects.bulk_create(
        [
            BudgetLine(year=to_year, org_unit_id=line.org_unit_id, code=line.code, name=line.name, source=line.source)
            for line in missing
        ],
        batch_size=1000,
    )
    history_bulk_created(created, describe=lambda line: f"{to_year} {line.name} ({line.get_source_display()})")
    return {LABEL: len(created)}
