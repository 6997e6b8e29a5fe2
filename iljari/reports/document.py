"""The report structure that every renderer walks.

A builder (reports/builders/*.py) reads selectors and returns a `Document`: a flat list of blocks in reading
order. A renderer (reports/renderers/*.py) turns a Document into one format (md, html, xlsx; later hwpx, pdf)
and knows nothing of the database. Adding a format is adding a renderer.

Numbering and markers follow the 2018 report: part headings `Ⅰ.`, section headings `1.`, programme headings
`①`, then list items marked `□`, `○`, `-`, `◆`, `※`, `▶` at increasing depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Excel number formats that print as the report does: thousands separators, △ for negatives.
XLSX_INTEGER = '#,##0;"△"#,##0;0'
XLSX_DECIMAL1 = '#,##0.0;"△"#,##0.0;0.0'
XLSX_PERCENT1 = '0.0%;"△"0.0%;0.0%'


@dataclass
class Cell:
    """One table cell: the text as printed, and the value behind it for formats that keep numbers."""

    text: str
    value: int | Decimal | str | None = None  # a number for numeric cells; None for text (renderers use `text`)
    number_format: str = ""  # Excel number format for numeric cells (XLSX_INTEGER, XLSX_PERCENT1, ...)
    colspan: int = 1
    rowspan: int = 1
    header: bool = False  # a header cell (th); in the body, a row header
    align: str = "left"  # left | center | right
    missing: bool = False  # a figure the source lost: shown as text, flagged
    link: str = ""  # where the figure comes from (a page of the app), for html


@dataclass
class Table:
    title: str  # short name: the xlsx sheet name and the heading above the table
    caption: str  # what the table holds, for screen readers
    header: list[list[Cell]]  # header rows; colspan/rowspan for merged cells
    body: list[list[Cell]]
    unit_line: str = ""  # e.g. "(단위 : 백만원, '18.6.30 기준)"
    notes: list[str] = field(default_factory=list)  # lines printed under the table (※ ...)
    # The table as a spreadsheet holds it, where the print joins figures in one cell ("69/64" for 정원/현원): the
    # xlsx renderer writes this layout (each figure a number in its own column) instead; None: the same table.
    sheet: Table | None = None


@dataclass
class Heading:
    level: int  # 1 part (Ⅰ.), 2 section (1.), 3 programme (①), 4 sub-heading (□ 사업개요)
    text: str
    number: str = ""  # "Ⅰ.", "1.", "①", "□"
    new_page: bool = False  # starts a page (pdf: break-before; hwpx: a page break before its paragraph)


@dataclass
class Item:
    text: str
    marker: str = "○"  # □ ○ - ◆ ※ ▶
    level: int = 0  # indentation depth


@dataclass
class Paragraph:
    text: str
    emphasis: bool = False
    framed: bool = False  # drawn in a frame (the vision, as the report draws it)


@dataclass
class Series:
    name: str
    values: list  # one number (or None: no figure) per category


@dataclass
class Chart:
    """A bar or line chart of figures that a Table beside it also holds (every chart has its numbers in a table).
    Renderers draw it as SVG (html, pdf) or a PNG image (hwpx) through reports.charts; md and xlsx keep the table."""

    title: str
    caption: str  # what the chart shows, in words (the alternative text)
    categories: list[str]
    series: list[Series]
    kind: str = "bar"  # bar | line
    unit: str = ""  # the value axis, e.g. "%", "개", "백만원"


@dataclass
class Flow:
    """A flow diagram: its steps in order, drawn as boxes joined by arrows, top to bottom (html, pdf: SVG; hwpx:
    a PNG image); md and xlsx write the steps on one line joined by "→"."""

    title: str
    steps: list[str]


@dataclass
class PageBreak:
    pass


Block = Heading | Item | Paragraph | Table | Chart | Flow | PageBreak


@dataclass
class Document:
    title: str  # "2018 주요업무보고"
    organisation: str  # "일자리노동정책관"
    date_text: str  # "2018. 7."
    as_of_text: str = ""  # "('18.6.30. 기준)"
    blocks: list[Block] = field(default_factory=list)
    cover: bool = True  # a cover page of its own; False: the title heads the first page (a one-page sheet)

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    def charts(self) -> list[Chart]:
        return [block for block in self.blocks if isinstance(block, Chart)]
