"""Reading a figure back from each surface the way its user reads it: a page's HTML (the cells marked
`data-figure="<figure>" data-key="<key>"`), the API's JSON, an xlsx sheet's cells (openpyxl), a csv file, and the
report files — md and html text, xlsx cells, pdf text (pdftotext, or pypdf where it is missing) and hwpx (the
section XML inside the zip).

Every reader answers Decimal numbers as written ("4,951" → 4951, "△9" → -9, "52.2%" → 52.2, "-" → None): the
registry (figures_registry.py) says in which unit each surface writes a figure and compares them.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

_NUMBER = re.compile(r"△?-?\d[\d,]*(?:\.\d+)?")


def number(text: str | None) -> Decimal | None:
    """The first number written in a cell: thousands separators, △ for negative, a unit or % after it; `-` or an
    empty cell is None."""
    if text is None:
        return None
    if isinstance(text, int | float | Decimal):
        return Decimal(str(text))
    text = str(text).strip()
    if text in ("", "-", "–"):
        return None
    match = _NUMBER.search(text)
    if match is None:
        return None
    written = match.group(0)
    negative = written.startswith("△") or written.startswith("-")
    try:
        value = Decimal(written.lstrip("△-").replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern allows only digits
        return None
    return -value if negative else value


class _FigureCells(HTMLParser):
    """The text of every element carrying `data-figure`, by (figure, key); the same figure and key twice on one page
    keeps both (a page may show a figure in a table and in its summary)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.open: list[tuple[int, str, str, list[str]]] = []  # (depth at start, figure, key, text parts)
        self.cells: dict[tuple[str, str], list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        self.depth += 1
        if "data-figure" in attrs:
            self.open.append((self.depth, attrs["data-figure"], attrs.get("data-key") or "", []))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.open and self.open[-1][0] >= self.depth:
            _, figure, key, parts = self.open.pop()
            self.cells.setdefault((figure, key), []).append(" ".join("".join(parts).split()))
        self.depth -= 1

    def handle_data(self, data):
        for _, _, _, parts in self.open:
            parts.append(data)


def html_figures(html: str | bytes) -> dict[tuple[str, str], list[str]]:
    """(figure, key) -> the texts of the elements marked with them, in page order."""
    parser = _FigureCells()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return parser.cells


def html_figure(html: str | bytes, figure: str, key: str = "") -> Decimal | None:
    """The one value a page shows for a figure and key; a page showing it twice must show it the same."""
    texts = html_figures(html).get((figure, key))
    assert texts, f"the page shows no {figure} [{key}]"
    values = {number(text) for text in texts}
    assert len(values) == 1, f"the page shows {figure} [{key}] as {texts}"
    return values.pop()


def html_figure_names(html: str | bytes) -> set[str]:
    return {figure for figure, _ in html_figures(html)}


# --- xlsx, csv ---------------------------------------------------------------------------------------------------


def xlsx_rows(content: bytes, sheet: str | None = None) -> list[list]:
    """Every row of a sheet (the first one unless named) as openpyxl reads its values."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), data_only=True, read_only=True)
    rows = [list(row) for row in (book[sheet] if sheet else book.worksheets[0]).iter_rows(values_only=True)]
    book.close()
    return rows


def xlsx_sheets(content: bytes) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), data_only=True, read_only=True)
    sheets = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    book.close()
    return sheets


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def row_value(rows: list[list], match, column) -> Decimal | None:
    """The value in `column` (a header text, or an index) of the one row whose cells satisfy `match(row)`."""
    header_index = None
    if isinstance(column, str):
        for row in rows:
            cells = [str(c).strip() if c is not None else "" for c in row]
            if column in cells:
                header_index = cells.index(column)
                break
        assert header_index is not None, f"no column {column!r}"
    else:
        header_index = column
    found = [row for row in rows if match(row)]
    assert len(found) == 1, f"{len(found)} rows match"
    return number(found[0][header_index])


# --- the report files ------------------------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    """The text of a pdf as its reader copies it: pdftotext -layout where installed, else pypdf."""
    if shutil.which("pdftotext"):
        result = subprocess.run(  # noqa: S603 - a fixed program on a temporary file's bytes
            ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
        )
        return result.stdout.decode()
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def hwpx_text(content: bytes) -> str:
    """The text of a hwpx document: its sections' XML (Contents/section*.xml), each paragraph's runs joined, one
    line per paragraph (a table cell is its own paragraph)."""
    from xml.etree import ElementTree

    lines = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in sorted(n for n in archive.namelist() if re.fullmatch(r"Contents/section\d+\.xml", n)):
            root = ElementTree.fromstring(archive.read(name))  # noqa: S314 - our own renderer's output
            for element in root.iter():
                if element.tag.endswith("}p"):
                    text = "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))
                    if text.strip():
                        lines.append(text)
    return "\n".join(lines)


def md_table_rows(text: str) -> list[list[str]]:
    """The rows of every markdown table in a text, each cell stripped (separator rows left out)."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") and line.endswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                continue
            rows.append(cells)
    return rows
