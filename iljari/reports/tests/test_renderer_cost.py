"""The renderers' cost does not grow faster than the document: a long table is not walked once per cell (HWPX),
and the PDF's markup gives item markers and heading numbers no inline box of their own."""

from __future__ import annotations

import io
import re
from zipfile import ZipFile

from hwpx.oxml.table import HwpxOxmlTable

from iljari.reports.document import Cell, Document, Heading, Item, Table
from iljari.reports.renderers import pdf as pdf_renderer
from iljari.reports.renderers.html import render_html
from iljari.reports.renderers.hwpx import render_hwpx


def _long_table(rows: int) -> Document:
    body = [
        [Cell(f"사업 {i}"), Cell(f"{i:,}", value=i, align="right"), Cell("완료", align="center")] for i in range(rows)
    ]
    table = Table(
        title="사업 목록",
        caption="사업별 실적",
        header=[[Cell("사업명", header=True), Cell("실적", header=True), Cell("상태", header=True)]],
        body=body,
    )
    return Document(title="긴 표", organisation="일자리노동정책관", date_text="2018. 7.", blocks=[table])


def test_a_long_hwpx_table_is_read_once_not_once_per_cell(monkeypatch):
    calls = {"n": 0}
    original = HwpxOxmlTable._build_cell_grid

    def counted(self):
        calls["n"] += 1
        return original(self)

    monkeypatch.setattr(HwpxOxmlTable, "_build_cell_grid", counted)
    small, large = _long_table(10), _long_table(200)
    render_hwpx(small)
    after_small = calls["n"]
    render_hwpx(large)
    after_large = calls["n"] - after_small
    assert after_large == after_small  # the same number of grid walks for 30 cells and for 600 (was one a cell)
    with ZipFile(io.BytesIO(render_hwpx(large))) as package:
        section = package.read("Contents/section0.xml").decode()
    assert "사업 199" in section and section.count("<hp:tc") == 3 * 201


def test_the_pdf_markup_writes_markers_and_numbers_as_text():
    document = Document(
        title="보고",
        organisation="일자리노동정책관",
        date_text="2018. 7.",
        blocks=[Heading(1, "일반현황", number="Ⅰ."), Item("조 직 - 1정책관 3담당관", marker="□")],
    )
    screen = render_html(document)
    assert '<span class="marker">□</span>' in screen and '<span class="num">Ⅰ.</span>' in screen
    printed = pdf_renderer._page(document)
    assert 'class="marker"' not in printed and 'class="num"' not in printed
    printed = printed.replace("\u2060", "")  # the word joiners that keep Korean words whole at line ends
    assert re.search(r'<p class="item level-0">□\u2002조 직 - 1정책관 3담당관</p>', printed)
    assert "<h1>Ⅰ. 일반현황</h1>" in printed
