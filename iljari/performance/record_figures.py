"""Figures from records: each count the business report prints for a programme, computed from the records an app
keeps, beside the number the report printed.

Contract:
- `record_figure_register(figure)` — an app above performance registers, in its `AppConfig.ready`, each figure it
  counts from its own records: a `RecordFigure` with a stable key (the key of the `ProgrammeFigure` the report's text
  printed, when it did), the programme's code, a Korean label, the unit, the URL name of the page where an official
  keeps the records, and `count(year=, as_of=)`, which counts them (records dated from 1 January of the year to the
  as-of date, or standing on that date) and answers a number in the unit, or None when there is nothing to count.
- `record_figure_rows(*, year, as_of, programme=None)` — every registered figure (of a programme) with its value
  from records and, when the year's `ProgrammeFigure` of the same key exists, the printed value and whether they
  agree, by programme and within one in registration order. Read by the page 보고서 수치와 기록, its API, the
  command and the demo check.
- `record_figures_registered()` — the figures in registration order (tests).
- `RecordFigureRow.status` — "agrees" (일치), "differs" (불일치), "unprinted" (인쇄값 없음: the report printed no
  number under the key) or "no_records" (기록 없음: the count answered None); `status_label` says it in Korean.

The page 보고서 수치와 기록 (`/performance/record-figures/`), `GET /api/performance/record-figures` and
`iljari record-figures` show these rows (docs/report-figures.md).

Performance never imports the apps that register; a count runs their selectors through the callable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.urls import NoReverseMatch, reverse

_FIGURES: dict[str, RecordFigure] = {}


@dataclasses.dataclass(frozen=True)
class RecordFigure:
    key: str
    programme: str
    label: str
    unit: str
    page: str
    count: Callable[..., int | Decimal | None]
    page_kwargs: dict | None = None


@dataclasses.dataclass(frozen=True)
class RecordFigureRow:
    figure: RecordFigure
    value: Decimal | None
    printed: Decimal | None
    printed_text: str
    url: str

    @property
    def agrees(self) -> bool | None:
        if self.printed is None or self.value is None:
            return None
        return self.value == self.printed

    @property
    def value_text(self) -> str:
        return "" if self.value is None else f"{self.value.normalize():,f}{self.figure.unit}"

    @property
    def status(self) -> str:
        if self.printed is None:
            return "unprinted"
        if self.value is None:
            return "no_records"
        return "agrees" if self.value == self.printed else "differs"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


STATUS_LABELS = {"agrees": "일치", "differs": "불일치", "unprinted": "인쇄값 없음", "no_records": "기록 없음"}


def record_figure_register(figure: RecordFigure) -> None:
    existing = _FIGURES.get(figure.key)
    if existing is not None and existing != figure:
        raise ValueError(f"figure key {figure.key!r} is registered twice")
    _FIGURES[figure.key] = figure


def record_figures_registered() -> list[RecordFigure]:
    return list(_FIGURES.values())


def _page_url(figure: RecordFigure) -> str:
    try:
        return reverse(figure.page, kwargs=figure.page_kwargs or None)
    except NoReverseMatch:
        return figure.page if figure.page.startswith("/") else ""


def record_figure_rows(*, year: int, as_of: date, programme: str | None = None) -> list[RecordFigureRow]:
    from iljari.performance.models import ProgrammeFigure

    figures = [f for f in _FIGURES.values() if programme is None or f.programme == programme]
    printed = {
        row.key: row
        for row in ProgrammeFigure.objects.filter(year=year, key__in=[f.key for f in figures]).only(
            "key", "value", "unit"
        )
    }
    rows = []
    for figure in figures:
        value = figure.count(year=year, as_of=as_of)
        mark = printed.get(figure.key)
        rows.append(
            RecordFigureRow(
                figure=figure,
                value=None if value is None else Decimal(value),
                printed=None if mark is None else mark.value.normalize(),
                printed_text="" if mark is None else f"{mark.value.normalize():,f}{mark.unit}",
                url=_page_url(figure),
            )
        )
    order = {key: index for index, key in enumerate(_FIGURES)}  # within a programme, as registered (the text's order)
    rows.sort(key=lambda r: (r.figure.programme, order[r.figure.key]))
    return rows
