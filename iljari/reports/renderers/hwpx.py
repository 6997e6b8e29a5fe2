"""HWPX renderer: a Document as an OWPML package (KS X 6101), the format 한글 opens and public offices file.

`render_hwpx(document)` returns the bytes of a .hwpx file laid out as the 2018 report prints: a cover (title,
organisation, date) on a page of its own without a page number, then every block in order on A4 pages numbered
"- 1 -" at the bottom — headings with their numbering (Ⅰ., 1., ①, □) in larger bold type, items with their markers
indented by level (a hanging indent, so a wrapped line starts under the text), paragraphs, and tables: the title,
the unit line right-aligned above, the header rows shaded and repeated on every page the table runs over, merged
cells exactly as the Document's colspan/rowspan say, numbers aligned as `cell.align` says, lost figures in grey
italics, the notes under the table. Charts are PNG images (`charts.chart_png`, drawn with the vendored font) kept
in the package's BinData and placed in the section, with the chart's caption as the picture's description (개체
설명); tables carry their caption the same way. Page breaks are paragraphs that start a page; a heading marked
`new_page` (each programme, when the office asks for it) is such a paragraph.

Fonts: HWPX does not embed fonts. Every text is set in 맑은 고딕, which every office PC (Windows) has, with 함초롬돋움
(installed with 한글) named as the substitute where it is missing.

Why python-hwpx, and what is done here by hand. python-hwpx (Apache-2.0, in the lock) builds the package from
Hancom's own skeleton and is checked against real 한글: the header's fonts, character and paragraph shapes and
border fills (`ensure_*` reuse an equal one), tables with merged cells (`merge_cells` writes cellSpan and removes
the covered cells as 한글 does), pictures with their BinData part and manifest entry, the page-number footer, the
manifest and its own open-safety check on save. Writing that OWPML by hand (lxml) would repeat a few thousand lines
of knowledge of what 한글 accepts, so only four things are done here, each on the library's element tree or its
output, never by formatting text into XML:

- the grid: `_grid` lays the Document's cells out with `place_cells`, cuts spans that would overlap or run past the
  table, fills holes with empty cells and drops rows and columns that no cell starts in (한글 would drop them on
  merging and shift every later address), so every grid position is covered exactly once before the library merges;
- ids: python-hwpx gives paragraphs, tables, pictures and footers random ids (uuid4), so `_renumber_ids` numbers
  them in document order (the same mapping for every attribute that names one: id, instid, idRef);
- the package: the zip is rewritten with one fixed date (the document's, as the xlsx renderer does), the metadata
  get the title, the organisation and that date instead of the skeleton's, and the preview (Preview/PrvText.txt,
  Preview/PrvImage.png, which file browsers show) holds this document's text and cover — so equal documents give
  equal bytes;
- descriptions: `hp:shapeComment` of tables and pictures (the library writes an empty one for pictures only).

A failure of the library is raised as `HwpxRenderFailed`, an IljariError with a Korean message.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

from hwpx import HwpxDocument
from hwpx.errors import HwpxError
from PIL import Image, ImageDraw, ImageFont

from iljari.core.errors import IljariError
from iljari.reports.charts import FONTS, chart_png
from iljari.reports.document import Block, Cell, Chart, Document, Flow, Heading, Item, PageBreak, Paragraph, Table
from iljari.reports.flows import flow_caption, flow_png
from iljari.reports.renderers.markdown import place_cells
from iljari.reports.renderers.xlsx import document_datetime

MIMETYPE = "application/hwp+zip"
FONT = "맑은 고딕"
SUBSTITUTE_FONT = "함초롬돋움"
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"

# Lengths in HWPUNIT (1/7200 inch): 1 mm = 283.46, 1 pt = 100.
_MM = 7200 / 25.4
_SIDES = ("Left", "Right", "Top", "Bottom")
MARGINS = {"left": 20, "right": 20, "top": 20, "bottom": 15, "header": 10, "footer": 10}  # mm
INDENT_MM = 5  # an item level, and the hanging indent of a marker
CHART_WIDTH_MM = 150
FLOW_MM_PER_POINT = 0.2646  # a CSS pixel, as the SVG of the flow measures
PREVIEW_TEXT_LIMIT = 1024  # characters of Preview/PrvText.txt, as 한글 keeps it short

# Character shapes: (size in pt, bold, italic, colour)
_TEXT_SIZE, _TABLE_SIZE = 11, 9
_HEADING_SIZES = {1: 16, 2: 14, 3: 13, 4: 12}
_HEADING_SPACE_BEFORE = {1: 18, 2: 14, 3: 12, 4: 8}  # pt
_HEADER_FILL, _ROW_HEADER_FILL = "#D9D9D9", "#F2F2F2"  # as the xlsx renderer shades them
_MISSING_COLOUR = "#808080"
_ALIGNMENTS = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
_MIN_WEIGHT, _MAX_WEIGHT = 4, 30  # a column's width weight, in display characters


class HwpxRenderFailed(IljariError):
    code = "render_failed"
    status = 500
    default_message = "한글(HWPX) 파일을 만들지 못했습니다."


# --- the grid of a table ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    """A cell at its place in the table's grid: top-left row and column (from 0) and the rows and columns it
    covers. `cell` is None for a position the Document left empty; `in_header` for the header rows."""

    row: int
    col: int
    rowspan: int
    colspan: int
    cell: Cell | None
    in_header: bool


def _grid(table: Table) -> tuple[int, int, list[GridCell]]:
    """(rows, columns, cells) of the table, every grid position covered by exactly one cell.

    Cells are placed as `place_cells` (and an HTML table) places them; a span is cut where it would run past the
    table or into a position already taken, holes are filled with empty cells, and rows or columns that no cell
    starts in are dropped (their spans shortened): 한글 keeps no such row or column.
    """
    rows = table.header + table.body
    placed = place_cells(rows)
    row_count = len(rows)
    column_count = max((p.col + max(p.cell.colspan, 1) for p in placed), default=0)
    taken: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    for p in placed:
        if (p.row, p.col) in taken:  # a malformed span already covers it: the cell has no place
            continue
        colspan = 1
        while colspan < max(p.cell.colspan, 1) and (p.row, p.col + colspan) not in taken:
            colspan += 1
        rowspan = 1
        while (
            rowspan < max(p.cell.rowspan, 1)
            and p.row + rowspan < row_count
            and not any((p.row + rowspan, c) in taken for c in range(p.col, p.col + colspan))
        ):
            rowspan += 1
        taken.update((r, c) for r in range(p.row, p.row + rowspan) for c in range(p.col, p.col + colspan))
        cells.append(GridCell(p.row, p.col, rowspan, colspan, p.cell, p.row < len(table.header)))
    for r in range(row_count):
        for c in range(column_count):
            if (r, c) not in taken:
                cells.append(GridCell(r, c, 1, 1, None, r < len(table.header)))
    used_rows = sorted({g.row for g in cells})
    used_cols = sorted({g.col for g in cells})
    if len(used_rows) < row_count or len(used_cols) < column_count:
        row_at = {r: i for i, r in enumerate(used_rows)}
        col_at = {c: i for i, c in enumerate(used_cols)}

        def kept(start: int, span: int, used: list[int]) -> int:
            return sum(1 for u in used if start <= u < start + span)

        cells = [
            GridCell(
                row_at[g.row],
                col_at[g.col],
                kept(g.row, g.rowspan, used_rows),
                kept(g.col, g.colspan, used_cols),
                g.cell,
                g.in_header,
            )
            for g in cells
        ]
    cells.sort(key=lambda g: (g.row, g.col))
    return len(used_rows), len(used_cols), cells


def _display_width(text: str) -> int:
    """Display characters of the longest line: a Korean (wide) character counts two."""
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.split("\n"))


def _column_weights(columns: int, cells: list[GridCell]) -> list[int]:
    weights = [_MIN_WEIGHT] * columns
    for g in cells:
        if g.cell is not None and g.colspan == 1:
            weights[g.col] = max(weights[g.col], min(_display_width(g.cell.text.strip()) + 2, _MAX_WEIGHT))
    return weights


# --- styles --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    """The ids of the character shapes (char), paragraph shapes (para) and border fills (fill) the renderer uses."""

    char: dict[str, str]
    para: dict[str, str]
    fill: dict[str, str]
    headings: dict[int, tuple[str, str]]  # level → (char, para)
    items: dict[tuple[int, bool], str]  # (level, has marker) → para


def _styles(doc: HwpxDocument) -> _Styles:
    header = doc.parts.headers[0]
    doc.styles.ensure_font(FONT, subst_face=SUBSTITUTE_FONT, subst_type="TTF")

    def char(size: float, *, bold: bool = False, italic: bool = False, color: str = "#000000") -> str:
        return doc.styles.ensure_run(font=FONT, size=size, bold=bold, italic=italic, color=color)

    def para(
        alignment: str = "JUSTIFY",
        *,
        left: float = 0,
        hanging: float = 0,
        before: float = 0,
        after: float = 0,
        spacing: int = 160,
        keep_with_next: bool = False,
        border: str | None = None,
    ) -> str:
        # a bordered paragraph: consecutive ones with the same border share one box ("connect")
        frame = (
            {"borderFillIDRef": border, "connect": "1", **{f"offset{side}": round(2 * _MM) for side in _SIDES}}
            if border
            else None
        )
        return header.ensure_paragraph_format(
            base_para_pr_id="0",
            alignment=alignment,
            line_spacing_percent=spacing,
            margins={
                "left": round(left * _MM),
                "intent": -round(hanging * _MM),
                "prev": round(before * 100),
                "next": round(after * 100),
            },
            break_setting={"keep_with_next": keep_with_next},
            border=frame,
        )

    chars = {
        "text": char(_TEXT_SIZE),
        "bold": char(_TEXT_SIZE, bold=True),
        "small": char(_TABLE_SIZE),
        "cell": char(_TABLE_SIZE),
        "cell_header": char(_TABLE_SIZE, bold=True),
        "cell_missing": char(_TABLE_SIZE, italic=True, color=_MISSING_COLOUR),
        "cover_title": char(26, bold=True),
        "cover_organisation": char(18, bold=True),
        "cover_date": char(14),
        "frame": char(15, bold=True),
        "sheet_title": char(17, bold=True),
        "sheet_line": char(_TABLE_SIZE + 1),
    }
    fills = {
        "cell": doc.styles.ensure_border_fill(border_color="#000000"),
        "header": doc.styles.ensure_border_fill(border_color="#000000", fill_color=_HEADER_FILL),
        "row_header": doc.styles.ensure_border_fill(border_color="#000000", fill_color=_ROW_HEADER_FILL),
    }
    paras = {
        "text": para(after=2),
        # a programme's ◆ lines in one box, kept with what follows; the vision framed
        "goal": para(left=INDENT_MM, hanging=INDENT_MM, before=2, after=2, keep_with_next=True, border=fills["cell"]),
        "frame": para("CENTER", before=4, after=4, spacing=130, border=fills["cell"]),
        "table_title": para("LEFT", before=6, after=2, keep_with_next=True),
        "unit": para("RIGHT", after=1, spacing=130, keep_with_next=True),
        "note": para("LEFT", before=1, spacing=130),
        "picture": para("CENTER", before=4, after=4),
        "anchor": para("LEFT", after=2, spacing=100),
        "footer": para("CENTER", spacing=100),
        "cover_title": para("CENTER", before=200, after=24, spacing=130),
        "cover_line": para("CENTER", before=12, spacing=130),
        "sheet_title": para("LEFT", after=2, spacing=130, keep_with_next=True),
        "sheet_line": para("LEFT", after=1, spacing=130, keep_with_next=True),
        **{f"cell_{align}": para(value, spacing=130) for align, value in _ALIGNMENTS.items()},
    }
    headings = {
        level: (char(size, bold=True), para("LEFT", before=_HEADING_SPACE_BEFORE[level], after=4, keep_with_next=True))
        for level, size in _HEADING_SIZES.items()
    }
    items = {
        (level, marked): para(left=INDENT_MM * (level + marked), hanging=INDENT_MM * marked, after=2)
        for level in range(7)
        for marked in (False, True)
    }
    return _Styles(chars, paras, fills, headings, items)


# --- blocks --------------------------------------------------------------------------------------------------


class _Writer:
    """Appends the blocks to the document's one section; `break_before` marks the next paragraph as starting a
    page, `restart_numbers` restarts the page numbers at 1 on the page of the next paragraph (the first after the
    cover)."""

    def __init__(self, doc: HwpxDocument, styles: _Styles):
        self.doc = doc
        self.styles = styles
        self.break_before = False
        self.restart_numbers = False

    def _attributes(self) -> dict[str, str]:
        attributes = {"pageBreak": "1"} if self.break_before else {}
        self.break_before = False
        return attributes

    def _placed(self, paragraph) -> None:
        if self.restart_numbers:
            self.doc.page.restart_page_number(paragraph, number=1)
            self.restart_numbers = False

    def paragraph(self, text: str, *, char: str, para: str):
        paragraph = self.doc.add_paragraph(
            text.strip(), char_pr_id_ref=char, para_pr_id_ref=para, inherit_style=False, **self._attributes()
        )
        self._placed(paragraph)
        return paragraph

    def block(self, block: Block) -> None:
        styles = self.styles
        if isinstance(block, PageBreak):
            self.break_before = True
        elif isinstance(block, Heading):
            self.break_before = self.break_before or block.new_page  # a page break before the heading's paragraph
            char, para = styles.headings[min(max(block.level, 1), 4)]
            self.paragraph(f"{block.number} {block.text.strip()}" if block.number else block.text, char=char, para=para)
        elif isinstance(block, Item) and block.marker == "◆":
            self.paragraph(f"◆ {block.text.strip()}", char=styles.char["text"], para=styles.para["goal"])
        elif isinstance(block, Item):
            level = min(max(block.level, 0), 6)
            text = f"{block.marker} {block.text.strip()}" if block.marker else block.text
            self.paragraph(text, char=styles.char["text"], para=styles.items[(level, bool(block.marker))])
        elif isinstance(block, Paragraph) and block.framed:
            self.paragraph(block.text, char=styles.char["frame"], para=styles.para["frame"])
        elif isinstance(block, Paragraph):
            char = styles.char["bold" if block.emphasis else "text"]
            self.paragraph(block.text, char=char, para=styles.para["text"])
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)
        elif isinstance(block, Flow):
            self.flow(block)

    def flow(self, flow: Flow) -> None:
        """The flow drawn as boxes and arrows (a picture, as the charts), its title above it."""
        if flow.title.strip():
            self.paragraph(flow.title, char=self.styles.char["bold"], para=self.styles.para["table_title"])
        image, width, _height = flow_png(flow)
        picture = self.doc.add_picture(
            image,
            "png",
            width_mm=min(width * FLOW_MM_PER_POINT, CHART_WIDTH_MM),
            align="CENTER",
            para_pr_id_ref=self.styles.para["picture"],
            **self._attributes(),
        )
        self._placed(picture.paragraph)
        _describe(picture.element, flow_caption(flow))

    def chart(self, chart: Chart) -> None:
        picture = self.doc.add_picture(
            chart_png(chart),
            "png",
            width_mm=CHART_WIDTH_MM,
            align="CENTER",
            para_pr_id_ref=self.styles.para["picture"],
            **self._attributes(),
        )
        self._placed(picture.paragraph)
        _describe(picture.element, chart.caption or chart.title)

    def table(self, table: Table) -> None:
        styles = self.styles
        if table.title.strip():
            self.paragraph(table.title, char=styles.char["bold"], para=styles.para["table_title"])
        if table.unit_line.strip():
            self.paragraph(table.unit_line, char=styles.char["small"], para=styles.para["unit"])
        row_count, column_count, cells = _grid(table)
        if row_count and column_count:
            grid = self.doc.add_table(
                row_count,
                column_count,
                border_fill_id_ref=styles.fill["cell"],
                para_pr_id_ref=styles.para["anchor"],
                char_pr_id_ref=styles.char["cell"],
                **self._attributes(),
            )
            self._placed(grid.paragraph)
            self._cells(grid, cells, header_rows=len(table.header))
            _describe(grid.element, table.caption or table.title)
        for note in table.notes:
            self.paragraph(note, char=styles.char["small"], para=styles.para["note"])

    def _cells(self, grid, cells: list[GridCell], *, header_rows: int) -> None:
        styles = self.styles
        for g in cells:
            if g.rowspan > 1 or g.colspan > 1:
                grid.merge_cells(g.row, g.col, g.row + g.rowspan - 1, g.col + g.colspan - 1)
        grid.set_column_widths(_column_weights(grid.column_count, cells))
        # the grid's physical cells read once: `grid.cell(r, c)` walks the whole table for each cell it is asked for
        anchors = {(entry.row, entry.column): entry.cell for entry in grid.iter_grid() if entry.is_anchor}
        for g in cells:
            target = anchors[(g.row, g.col)]
            cell = g.cell or Cell("")
            text = cell.text.strip()
            if text:
                target.set_text(text, split_paragraphs="\n" in text)
            if g.in_header:
                fill, char, align = styles.fill["header"], styles.char["cell_header"], "center"
                target.element.set("header", "1")  # a 제목 셀: repeated on each page the table runs over
            elif cell.header:
                fill, char, align = styles.fill["row_header"], styles.char["cell_header"], cell.align
            else:
                fill, align = styles.fill["cell"], cell.align
                char = styles.char["cell_missing" if cell.missing else "cell"]
            target.element.set("borderFillIDRef", fill)
            for paragraph in target.paragraphs:
                paragraph.para_pr_id_ref = styles.para[f"cell_{align if align in _ALIGNMENTS else 'left'}"]
                paragraph.char_pr_id_ref = char
        if header_rows:
            grid.element.set("repeatHeader", "1")
        grid.set_treat_as_char(False)  # a table that flows: 한글 breaks it between rows across pages
        grid.mark_dirty()


def _describe(element, text: str) -> None:
    """Give a table or picture its description (hp:shapeComment, 개체 설명), in the place OWPML gives it: after
    hp:outMargin (and hp:caption), or in the empty one python-hwpx wrote."""
    text = " ".join(text.split())
    if not text:
        return
    comment = element.find(f"{HP}shapeComment")
    if comment is None:
        children = list(element)
        after = max(i for i, child in enumerate(children) if child.tag in (f"{HP}outMargin", f"{HP}caption"))
        comment = element.makeelement(f"{HP}shapeComment", {})
        element.insert(after + 1, comment)
    comment.text = text


def _cover(writer: _Writer, document: Document) -> None:
    """The title in the section's first paragraph (the one holding the section's settings), the organisation and
    the date under it: centred on a page of their own, or, for a document without a cover (a one-page sheet), at
    the head of the first page."""
    styles = writer.styles
    kind = "cover" if document.cover else "sheet"
    first = writer.doc.paragraphs[0]
    first.text = document.title.strip()
    first.para_pr_id_ref = styles.para[f"{kind}_title"]
    first.char_pr_id_ref = styles.char[f"{kind}_title"]
    line = styles.para["cover_line" if document.cover else "sheet_line"]
    if document.organisation.strip():
        writer.paragraph(
            document.organisation, char=styles.char["cover_organisation" if document.cover else "sheet_line"], para=line
        )
    date = " ".join(part.strip() for part in (document.date_text, document.as_of_text) if part.strip())
    if date:
        writer.paragraph(date, char=styles.char["cover_date" if document.cover else "sheet_line"], para=line)
    writer.break_before = document.cover
    writer.restart_numbers = document.cover


def _page(doc: HwpxDocument, styles: _Styles, *, cover: bool = True) -> None:
    """Margins (the skeleton's page is A4 portrait already); the page number centred in the footer ("- 1 -"),
    hidden on the first page where that is the cover."""
    doc.page.set_margins(**{side: round(mm * _MM) for side, mm in MARGINS.items()})
    doc.page.set_page_number(prefix="- ", suffix=" -", align="CENTER")
    doc.page.set_visibility(hide_first_footer=cover)
    for section in doc.sections:  # both copies python-hwpx keeps of the footer, alike
        for footer in section.element.iter(f"{HP}footer"):
            for paragraph in footer.iter(f"{HP}p"):
                paragraph.set("paraPrIDRef", styles.para["footer"])
            for run in footer.iter(f"{HP}run"):
                run.set("charPrIDRef", styles.char["small"])


# --- determinism and the package -----------------------------------------------------------------------------

_ID_ATTRIBUTES = ("id", "instid", "idRef")


def _renumber_ids(root) -> None:
    """Number the ids python-hwpx drew at random (paragraphs, tables, pictures, footers) 1, 2, 3… in document
    order. One mapping serves every attribute that names such an id, so what pointed at what still does; "0" (the
    first paragraph, which settings.xml names) and empty ids stay."""
    numbers: dict[str, str] = {}
    for element in root.iter():
        for name in _ID_ATTRIBUTES:
            value = element.get(name)
            if value and value.isdecimal() and value != "0":
                element.set(name, numbers.setdefault(value, str(len(numbers) + 1)))


def _preview_text(document: Document) -> bytes:
    lines = [document.title, document.organisation, document.date_text, document.as_of_text]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(f"{block.number} {block.text}")
        elif isinstance(block, Item):
            lines.append(f"{block.marker} {block.text}")
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Flow):
            lines.append(flow_caption(block))
        elif isinstance(block, Table):
            lines.append(block.title)
    text = "\r\n".join(" ".join(line.split()) for line in lines if line.strip())
    return text[:PREVIEW_TEXT_LIMIT].encode("utf-8")


def _preview_image(document: Document) -> bytes:
    """The cover as file browsers show it: a white A4 page with the title, organisation and date centred."""
    width, height = 724, 1024  # the size 한글 writes
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    date = " ".join(part.strip() for part in (document.date_text, document.as_of_text) if part.strip())
    y = 330
    for text, size, bold in ((document.title, 44, True), (document.organisation, 30, True), (date, 22, False)):
        text = " ".join(text.split())
        if not text:
            continue
        font = ImageFont.truetype(str(FONTS / ("NotoSansKR-Bold.ttf" if bold else "NotoSansKR-Regular.ttf")), size)
        while draw.textlength(text, font=font) > width - 80 and len(text) > 1:
            text = text[:-2] + "…"
        draw.text((width / 2, y), text, fill="#111111", font=font, anchor="mt")
        y += round(size * 1.9)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _package(doc: HwpxDocument, document: Document, when: datetime) -> None:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    doc.parts.clear_document_metadata(keep=("language",), timestamp=stamp)
    doc.parts.set_document_metadata(
        title=document.title,
        creator="Iljari",
        subject=document.organisation,
        created_date=stamp,
        modified_date=stamp,
    )
    doc.package.write("Preview/PrvText.txt", _preview_text(document))
    doc.package.write("Preview/PrvImage.png", _preview_image(document))


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same package with every entry dated `when` and made on no particular system: `mimetype` first and
    stored, the rest deflated."""
    output = io.BytesIO()
    date_time = max(when, datetime(1980, 1, 1)).timetuple()[:6]
    with ZipFile(io.BytesIO(data)) as source, ZipFile(output, "w") as target:
        names = [info.filename for info in source.infolist()]
        for name in sorted(names, key=lambda n: n != "mimetype"):  # stable: the library's order otherwise
            entry = ZipInfo(name, date_time=date_time)
            entry.create_system = 0
            entry.compress_type = ZIP_STORED if name == "mimetype" else ZIP_DEFLATED
            target.writestr(entry, source.read(name))
    return output.getvalue()


def render_hwpx(document: Document, *, created: datetime | None = None) -> bytes:
    """The document as .hwpx bytes; `created` (default: the document's date) dates the package."""
    when = created or document_datetime(document)
    try:
        with HwpxDocument.new() as doc:
            styles = _styles(doc)
            _page(doc, styles, cover=document.cover)
            writer = _Writer(doc, styles)
            _cover(writer, document)
            for block in document.blocks:
                writer.block(block)
            for section in doc.sections:
                _renumber_ids(section.element)
                section.mark_dirty()
            _package(doc, document, when)
            data = doc.to_bytes()
    except HwpxError as error:
        raise HwpxRenderFailed(f"한글(HWPX) 파일을 만들지 못했습니다: {error}") from error
    return _fixed_zip(data, when)
