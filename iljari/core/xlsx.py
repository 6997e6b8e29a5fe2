"""Excel round trip for tables of figures: write a sheet officials can edit, read it back with errors in
Korean that name the row and the column. Readers return plain values; the app's import service checks its
own rules and writes nothing unless every row is valid.

- Column(key, header, kind="text"|"int"|"decimal"|"date", required=True, editable=True, figure=None)
  a number or date cell is read by its figure kind (`core.figures`: bounds, NaN/Infinity/sNaN/1e400 and
  overflow refused in Korean); without one, an "int" cell by SIGNED_MONEY, a "decimal" cell by ANY_DECIMAL, a
  "date" cell by OFFICE_DATE
- xlsx_table(*, title, columns, rows, note="") -> bytes
- xlsx_stream(*, title, headers=[(header, kind)], rows=iterable of lists, note="") -> bytes   a list's export,
  written row by row (openpyxl's write-only mode: the rows are never all in memory as cells); the same layout
  (title, note, headers on HEADER_ROW) so that core.exports can minimise and watermark it; an aware datetime is
  written in the local time (Asia/Seoul)
- xlsx_rows(*, data, columns, title, max_rows=MAX_ROWS) -> list[dict]   raises ValidationFailed listing every bad cell
- cell_put(cell, value) -> cell   every openpyxl writer of the project sets a cell through it: a text is always
  stored as text (a name "=1+1" or "@SUM(A1)" stays those characters, never a live formula or an error value); a
  moment in Asia/Seoul
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from iljari.core.errors import ValidationFailed
from iljari.core.figures import ANY_DECIMAL, OFFICE_DATE, SIGNED_MONEY, DateKind, NumberKind

HEADER_ROW = 3  # row 1: title, row 2: note, row 3: headers, data from row 4
MAX_ROWS = 20_000
LOCKED_FILL = PatternFill("solid", fgColor="EEEEEE")
DEFAULT_FIGURES = {"int": SIGNED_MONEY, "decimal": ANY_DECIMAL, "date": OFFICE_DATE}
NUMBER_FORMATS = {
    "int": '#,##0;"△"#,##0;0',
    "decimal": '#,##0.##;"△"#,##0.##;0',
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"
    required: bool = True
    editable: bool = True
    figure: NumberKind | DateKind | None = None


def cell_put(cell, value):
    """Set the cell's value; a text stays text. openpyxl makes a string beginning with "=" a formula (and "#N/A" an
    error value): data typed by anybody (a grant's title, a partner's name) must never run in the reader's Excel.
    A moment is written as the office's clock shows it (Asia/Seoul; a sheet holds no time zone)."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.make_naive(value)  # into settings.TIME_ZONE
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_table(*, title: str, columns: list[Column], rows: list[dict], note: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    cell_put(sheet.cell(row=1, column=1), title).font = Font(bold=True, size=13)
    cell_put(
        sheet.cell(row=2, column=1),
        note or "회색 열은 참고용이며 읽을 때 쓰지 않습니다. 행을 지우거나 열 이름을 바꾸지 마십시오.",
    )
    for index, column in enumerate(columns, start=1):
        cell = cell_put(sheet.cell(row=HEADER_ROW, column=index), column.header)
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(column.header) * 2 + 4)
    for offset, row in enumerate(rows, start=1):
        for index, column in enumerate(columns, start=1):
            cell = cell_put(sheet.cell(row=HEADER_ROW + offset, column=index), row.get(column.key))
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
            if not column.editable:
                cell.fill = LOCKED_FILL
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_stream(*, title: str, headers: list[tuple[str, str]], rows, note: str = "") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, (header, _kind) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(header) * 2 + 4)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"

    def cell(value, *, bold=False, number_format=None):
        if isinstance(value, datetime):
            value = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
        written = cell_put(WriteOnlyCell(sheet), value)
        if bold:
            written.font = Font(bold=True)
        if number_format and value is not None:
            written.number_format = number_format
        return written

    sheet.append([cell(title, bold=True)])
    sheet.append([cell(note)])
    sheet.append([cell(header, bold=True) for header, _kind in headers])
    formats = [NUMBER_FORMATS.get(kind) for _header, kind in headers]
    for row in rows:
        sheet.append([cell(value, number_format=fmt) for value, fmt in zip(row, formats, strict=True)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _parse(value, column: Column):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column.kind == "text":
        return str(value).strip()
    figure = column.figure or DEFAULT_FIGURES[column.kind]
    if column.kind == "int" and isinstance(figure, NumberKind) and not figure.integer:
        figure = SIGNED_MONEY
    return figure.parse_cell(value)


def xlsx_rows(*, data: bytes, columns: list[Column], title: str, max_rows: int = MAX_ROWS) -> list[dict]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationFailed("엑셀(.xlsx) 파일을 읽을 수 없습니다. 내려받은 양식을 그대로 쓰십시오.") from exc
    sheet = workbook.active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    if not rows:
        raise ValidationFailed(f"'{title}' 양식의 머리행({HEADER_ROW}행)이 없습니다.")
    headers = [str(h).strip() if h is not None else "" for h in rows[0]]
    missing = [c.header for c in columns if c.header not in headers]
    if missing:
        raise ValidationFailed(f"필요한 열이 없습니다: {', '.join(missing)}. 내려받은 양식을 그대로 쓰십시오.")
    position = {c.key: headers.index(c.header) for c in columns}
    body = rows[1:]
    if len(body) > max_rows:
        raise ValidationFailed(f"한 번에 {max_rows:,}행까지 올릴 수 있습니다.")
    parsed: list[dict] = []
    errors: list[str] = []
    for number, raw in enumerate(body, start=HEADER_ROW + 1):
        if raw is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        row: dict = {"_row": number}
        for column in columns:
            cell = raw[position[column.key]] if position[column.key] < len(raw) else None
            try:
                value = _parse(cell, column)
            except ValueError as exc:
                errors.append(f"{number}행 '{column.header}': {exc}.")
                continue
            if value is None and column.required and column.editable:
                errors.append(f"{number}행 '{column.header}': 값이 비어 있습니다.")
            row[column.key] = value
        parsed.append(row)
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    if not parsed:
        raise ValidationFailed("엑셀 파일에 자료 행이 없습니다.")
    return parsed
