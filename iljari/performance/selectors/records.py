"""The report's counts beside the records (보고서 수치와 기록): the rows of `performance.record_figures`, grouped by
programme in the order of part Ⅲ, for the page, its export, the API and `iljari record-figures`.

Contract:
- record_figure_table(*, user, year, as_of, programme=None, mismatches_only=False) -> RecordFigureTable
      every registered figure (of one programme) with its value from records as of the day, the printed value and
      whether they agree, grouped by programme (plan order: objective, then number; the programme's title from the
      plan), with the counts by status; `mismatches_only` keeps the 불일치 rows. Office figures' gate.
- group_rows(year, rows) -> list[RecordFigureGroup]   rows grouped the same way (no gate: the command's read)
- record_figure_programmes(*, user, year) -> list[tuple[code, title]]   the programmes that have a registered figure
- record_figure_sheet(*, user, year, as_of, programme=None, mismatches_only=False) -> bytes   the same rows, xlsx
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from iljari.core.access import access_office_figures_view, require
from iljari.core.formats import screen_date
from iljari.core.xlsx import xlsx_stream
from iljari.performance.record_figures import (
    STATUS_LABELS,
    RecordFigureRow,
    record_figure_rows,
    record_figures_registered,
)
from iljari.plan.models import Programme


@dataclass
class RecordFigureGroup:
    code: str
    title: str
    rows: list[RecordFigureRow] = field(default_factory=list)


@dataclass
class RecordFigureTable:
    year: int
    as_of: date
    groups: list[RecordFigureGroup]
    counts: dict[str, int]  # status -> rows (before the mismatches-only filter)

    @property
    def rows(self) -> list[RecordFigureRow]:
        return [row for group in self.groups for row in group.rows]


def _titles(year: int) -> dict[str, tuple[tuple[int, int], str]]:
    """code -> ((objective, number), title) for the year's programmes."""
    rows = Programme.objects.filter(objective__vision__year=year).values_list(
        "code", "objective__number", "number", "title"
    )
    return {code: ((objective, number), title) for code, objective, number, title in rows}


def record_figure_table(
    *, user, year: int, as_of: date, programme: str | None = None, mismatches_only: bool = False
) -> RecordFigureTable:
    require(access_office_figures_view(user))
    rows = record_figure_rows(year=year, as_of=as_of, programme=programme or None)
    counts = {status: 0 for status in STATUS_LABELS}
    for row in rows:
        counts[row.status] += 1
    if mismatches_only:
        rows = [row for row in rows if row.status == "differs"]
    return RecordFigureTable(year=year, as_of=as_of, groups=group_rows(year, rows), counts=counts)


def group_rows(year: int, rows: list[RecordFigureRow]) -> list[RecordFigureGroup]:
    """The rows grouped by programme, in the plan's order (the system's read: the command's lines)."""
    titles = _titles(year)
    groups: dict[str, RecordFigureGroup] = {}
    for row in rows:
        code = row.figure.programme
        if code not in groups:
            groups[code] = RecordFigureGroup(code=code, title=titles.get(code, (None, ""))[1])
        groups[code].rows.append(row)
    far = (99, 99)
    return sorted(groups.values(), key=lambda g: (titles.get(g.code, (far, ""))[0], g.code))


def record_figure_programmes(*, user, year: int) -> list[tuple[str, str]]:
    require(access_office_figures_view(user))
    codes = {figure.programme for figure in record_figures_registered()}
    titles = _titles(year)
    far = (99, 99)
    return [
        (code, titles[code][1] if code in titles else code)
        for code in sorted(codes, key=lambda c: (titles.get(c, (far, ""))[0], c))
    ]


SHEET_HEADERS = [
    ("주요업무 코드", "text"),
    ("주요업무", "text"),
    ("수치", "text"),
    ("기록 값", "decimal"),
    ("인쇄값", "decimal"),
    ("단위", "text"),
    ("판정", "text"),
    ("기록 화면", "text"),
]


def record_figure_sheet(
    *, user, year: int, as_of: date, programme: str | None = None, mismatches_only: bool = False
) -> bytes:
    table = record_figure_table(user=user, year=year, as_of=as_of, programme=programme, mismatches_only=mismatches_only)
    rows = (
        [
            group.code,
            group.title,
            row.figure.label,
            row.value,
            row.printed,
            row.figure.unit,
            row.status_label,
            row.url,
        ]
        for group in table.groups
        for row in group.rows
    )
    return xlsx_stream(
        title=f"{year} 보고서 수치와 기록",
        headers=SHEET_HEADERS,
        rows=rows,
        note=f"{screen_date(as_of)} 기준: 각 수치를 기록에서 센 값과 보고서에 인쇄된 값",
    )
