"""Excel renderer: a Document as an .xlsx workbook, built with openpyxl.

The first sheet, "보고서", holds the text in reading order (headings bold, items indented with their markers); where
a table stands it holds one line pointing to the table's own sheet. Each table gets a sheet of its own: the title,
the unit line, the header rows merged as in the report, then the body, whose figures are written as numbers with
the cell's number format (so 237715 stays a number that prints "237,715", a negative prints "△9", a ratio 0.522
prints "52.2%"), then the notes.

The output is deterministic: the document properties and the zip entries carry one fixed date (a parameter, or
the date of the document), so rendering the same document twice gives the same bytes. Every text goes in as text
(`core.xlsx.cell_put`): a title "=1+1" is never a formula.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from iljari.core.xlsx import cell_put
from iljari.reports.document import XLSX_INTEGER, Chart, Document, Flow, Heading, Item, PageBreak, Paragraph, Table
from iljari.reports.renderers.markdown import Placed, column_count, place_cells

MAIN_SHEET = "보고서"
SHEET_NAME_LIMIT = 31
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {MAIN_SHEET.casefold(), "history"}  # Excel reserves "History"
_FALLBACK_DATE = datetime(2000, 1, 1)
_DOCUMENT_DATE = re.compile(r"(\d{4})\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?")

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
_ROW_HEADER_FILL = PatternFill(fill_type="solid", start_color="F2F2F2", end_color="F2F2F2")
_BOLD = Font(bold=True)
_MISSING = Font(italic=True, color="808080")
_HEADING_FONTS = {1: Font(bold=True, size=14), 2: Font(bold=True, size=12), 3: Font(bold=True, size=11)}
_MIN_WIDTH, _MAX_WIDTH = 6, 60


def sheet_names(titles: list[str]) -> list[str]:
    """Valid, unique Excel sheet names for the titles, in order: ≤31 characters, none of []:*?/\\ (a slash becomes
    "·", the others a space), and no two alike ignoring case (the second "인력 현황" becomes "인력 현황 (2)")."""
    taken = set(_RESERVED_SHEET_NAMES)
    names = []
    for title in titles:
        readable = title.replace("/", "·").replace("\\", "·")
        base = " ".join(_FORBIDDEN_IN_SHEET_NAME.sub(" ", readable).split()).lstrip("' ") or "표"
        name = base[:SHEET_NAME_LIMIT].rstrip(" '")  # Excel refuses a name ending with an apostrophe
        number = 1
        while name.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip(" '") + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def document_datetime(document: Document) -> datetime:
    """The date of the document ("2018. 7." → 2018-07-01), or a fixed date when it has none."""
    match = _DOCUMENT_DATE.search(document.date_text)
    if match:
        year, month, day = match.groups()
        try:
            return datetime(int(year), int(month), int(day or 1))
        except ValueError:
            pass
    return _FALLBACK_DATE


def _display_width(text: str) -> int:
    """Column width units the text needs: a Korean (wide) character takes about two."""
    lines = text.split("\n")
    return max(sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line) for line in lines)


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _write_cells(ws: Worksheet, layout: list[Placed], first_row: int, *, header: bool) -> None:
    for placed in layout:
        cell = placed.cell
        row, col = first_row + placed.row, 1 + placed.col
        target = ws.cell(row=row, column=col)
        if not header and not cell.missing and _is_number(cell.value):
            target.value = cell.value
            target.number_format = cell.number_format or (XLSX_INTEGER if isinstance(cell.value, int) else "General")
        elif not header and cell.missing:
            # a figure the source lost: the cell stays empty so that its column sums right; what the print shows
            # there (and the table's note) is its comment
            target.comment = Comment(cell.text, "Iljari")
        else:
            cell_put(target, cell.text)
        horizontal = "center" if header else cell.align
        wrap = "\n" in cell.text
        last_row, last_col = row + max(cell.rowspan, 1) - 1, col + max(cell.colspan, 1) - 1
        for r in range(row, last_row + 1):
            for c in range(col, last_col + 1):
                styled = ws.cell(row=r, column=c)
                styled.border = _BORDER
                styled.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=wrap)
                if header:
                    styled.fill = _HEADER_FILL
                elif cell.header:
                    styled.fill = _ROW_HEADER_FILL
        if header or cell.header:
            target.font = _BOLD
        elif cell.missing:
            target.font = _MISSING
        if (last_row, last_col) != (row, col):
            ws.merge_cells(start_row=row, start_column=col, end_row=last_row, end_column=last_col)


def _set_widths(ws: Worksheet, layouts: list[list[Placed]], columns: int) -> None:
    widths = [_MIN_WIDTH] * columns
    for layout in layouts:
        for placed in layout:
            if placed.cell.colspan <= 1:
                widths[placed.col] = max(widths[placed.col], _display_width(placed.cell.text) + 2)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = min(width, _MAX_WIDTH)


def _table_sheet(ws: Worksheet, table: Table) -> None:
    cell_put(ws["A1"], table.title).font = _BOLD
    cell_put(ws["A2"], table.unit_line or None)
    header, body = place_cells(table.header), place_cells(table.body)
    columns = column_count(header, body)
    first_body_row = 3 + len(table.header)
    _write_cells(ws, header, 3, header=True)
    _write_cells(ws, body, first_body_row, header=False)
    for offset, note in enumerate(table.notes):
        cell_put(ws.cell(row=first_body_row + len(table.body) + 1 + offset, column=1), note)
    _set_widths(ws, [header, body], columns)
    ws.freeze_panes = ws.cell(row=first_body_row, column=1)
    if table.header:
        ws.print_title_rows = f"3:{first_body_row - 1}"
    ws.page_setup.orientation = "landscape" if columns > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _line(ws: Worksheet, text: str | None = None):
    """A new line of the main sheet holding `text` (as text); its cell."""
    ws.append([text])
    return cell_put(ws.cell(row=ws.max_row, column=1), text)


def _main_sheet(ws: Worksheet, document: Document, names: list[str]) -> None:
    """The text in reading order; `names` are the sheet names of the document's tables, in order."""
    ws.title = MAIN_SHEET
    ws.column_dimensions["A"].width = 100
    date = " ".join(part for part in (document.date_text, document.as_of_text) if part)
    _line(ws, document.title).font = Font(bold=True, size=16)
    for line in (document.organisation, date):
        if line:
            _line(ws, line)
    ws.append([])
    table_sheets = iter(names)
    for block in document.blocks:
        if isinstance(block, PageBreak):
            ws.row_breaks.append(Break(id=ws.max_row))
            continue
        if isinstance(block, Heading):
            _line(ws, f"{block.number} {block.text}".strip()).font = _HEADING_FONTS.get(block.level, _BOLD)
        elif isinstance(block, Item):
            item = _line(ws, f"{block.marker} {block.text}".strip())
            item.alignment = Alignment(indent=max(block.level, 0) + 1, wrap_text=True)
        elif isinstance(block, Paragraph):
            paragraph = _line(ws, block.text)
            if block.emphasis:
                paragraph.font = _BOLD
        elif isinstance(block, Flow):
            _line(ws, f"흐름도: {block.title} — " + " → ".join(block.steps) if block.title else " → ".join(block.steps))
        elif isinstance(block, Chart):  # the chart's figures are in its table's sheet
            _line(ws, f"그림: {block.title} — {block.caption}")
        elif isinstance(block, Table):
            name = next(table_sheets)
            target = _line(ws, f"표: {block.title} → 시트 '{name}'")
            target.hyperlink = Hyperlink(ref=target.coordinate, location=f"'{name}'!A1")
            target.font = Font(color="0563C1", underline="single")


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same archive with every entry dated `when`, so that equal workbooks give equal bytes."""
    output = BytesIO()
    date_time = max(when, datetime(1980, 1, 1)).timetuple()[:6]  # the zip format starts in 1980
    with ZipFile(BytesIO(data)) as source, ZipFile(output, "w", ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = ZIP_DEFLATED
            target.writestr(entry, source.read(info))
    return output.getvalue()


def render_xlsx(document: Document, *, created: datetime | None = None) -> bytes:
    """The document as .xlsx bytes; `created` (default: the document's date) dates the workbook."""
    when = created or document_datetime(document)
    workbook = Workbook()
    tables = document.tables()
    names = sheet_names([table.title for table in tables])
    _main_sheet(workbook.active, document, names)
    for table, name in zip(tables, names, strict=True):
        _table_sheet(workbook.create_sheet(name), table.sheet or table)
    workbook.properties.creator = "Iljari"
    workbook.properties.lastModifiedBy = "Iljari"
    workbook.properties.title = document.title
    workbook.properties.created = when
    workbook.properties.modified = when
    buffer = BytesIO()
    # ExcelWriter directly: openpyxl's save() would stamp the current time as the modified date.
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return _fixed_zip(buffer.getvalue(), when)
