"""The md, html and xlsx renderers on a sample shaped like the 2018 report (no database needed)."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from iljari.core.formats import format_number, format_rate
from iljari.reports.document import (
    XLSX_INTEGER,
    XLSX_PERCENT1,
    Cell,
    Document,
    Heading,
    Item,
    PageBreak,
    Paragraph,
    Table,
)
from iljari.reports.renderers import CONTENT_TYPES, EXTENSIONS, RENDERERS, render
from iljari.reports.renderers.html import render_html
from iljari.reports.renderers.markdown import render_md
from iljari.reports.renderers.xlsx import render_xlsx, sheet_names

UNIT = "(단위 : 백만원, '18.6.30 기준)"
LONG_TITLE = "사업별 예산 집행 현황: 일자리정책담당관/노동정책담당관 [세부]"


def number(value: int) -> Cell:
    return Cell(format_number(value), value=value, number_format=XLSX_INTEGER, align="right")


def rate(value: Decimal) -> Cell:
    return Cell(format_rate(value), value=value, number_format=XLSX_PERCENT1, align="right")


def staffing_table() -> Table:
    return Table(
        title="인력 현황",
        caption="부서별 정원, 현원, 과부족과 직급별 인원",
        header=[
            [
                Cell("구분", header=True, rowspan=2),
                Cell("정원", header=True, rowspan=2),
                Cell("현원", header=True, rowspan=2),
                Cell("과부족", header=True, rowspan=2),
                Cell("일반", header=True, colspan=2),
            ],
            [Cell("4급", header=True), Cell("5급", header=True)],
        ],
        body=[
            [Cell("계", header=True), number(81), number(72), number(-9), number(3), number(16)],
            [
                Cell("일자리정책담당관", header=True),
                number(32),
                number(29),
                number(-3),
                Cell("(유실)", missing=True, align="right"),
                number(5),
            ],
        ],
        unit_line="('18. 7. 11. 기준)",
        notes=["※ 정원외 : 공무직 21명"],
    )


def budget_table(title: str = "예산 현황") -> Table:
    return Table(
        title=title,
        caption="부서·회계별 예산현액과 집행률",
        header=[[Cell("구분", header=True, colspan=2), Cell("예산현액", header=True), Cell("집행률", header=True)]],
        body=[
            [Cell("계", header=True, colspan=2), number(237715), rate(Decimal("0.522"))],
            [
                Cell("일자리정책담당관", header=True, rowspan=2),
                Cell("일반회계 | 기금 전출"),
                Cell(format_number(187341), value=187341, number_format=XLSX_INTEGER, align="right", link="/budget/2/"),
                rate(Decimal("0.535")),
            ],
            [
                Cell("기금"),
                Cell("0", value=0, number_format=XLSX_INTEGER, align="right", link="https://evil.example/x"),
                Cell("-", align="center"),
            ],
        ],
        unit_line=UNIT,
        notes=["※ 집행률 = 지출액 / 예산현액"],
    )


@pytest.fixture
def document() -> Document:
    return Document(
        title="2018 주요업무보고",
        organisation="일자리노동정책관",
        date_text="2018. 7.",
        as_of_text="('18.6.30. 기준)",
        blocks=[
            Heading(1, "일반현황", "Ⅰ."),
            Heading(2, "조직 및 인력", "1."),
            Item("조 직 - 1정책관 3담당관 15팀", marker="□", level=0),
            Item("인 력 - 정원 81명 / 현원 72명", marker="○", level=1),
            Item("정원외 <script>alert(1)</script> 공무직", marker="-", level=2),
            staffing_table(),
            Heading(3, "청년일자리 지원", "①"),
            Heading(4, "사업개요", "□"),
            Paragraph("예산 - 237,715백만원", emphasis=True),
            budget_table(),
            PageBreak(),
            budget_table("인력 현황"),  # the same title as the staffing table: the sheet name must differ
            budget_table(LONG_TITLE),
        ],
    )


def pipe_cells(line: str) -> list[str]:
    """The cells of a Markdown table row, splitting on unescaped pipes."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]


def pipe_tables(markdown: str) -> list[list[str]]:
    """Each run of consecutive lines that start with a pipe."""
    tables: list[list[str]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


# --- markdown ------------------------------------------------------------------------------------------


def test_markdown_headings_and_items_keep_the_report_markers(document):
    lines = render_md(document).splitlines()
    assert lines[0] == "# 2018 주요업무보고"
    assert "일자리노동정책관" in lines
    assert "2018. 7. ('18.6.30. 기준)" in lines
    for heading in ("# Ⅰ. 일반현황", "## 1. 조직 및 인력", "### ① 청년일자리 지원", "#### □ 사업개요"):
        assert heading in lines
    start = lines.index("- □ 조 직 - 1정책관 3담당관 15팀")
    assert lines[start + 1] == "  - ○ 인 력 - 정원 81명 / 현원 72명"
    assert lines[start + 2] == "    - \\- 정원외 <script>alert(1)</script> 공무직"
    assert "**예산 - 237,715백만원**" in lines
    assert "---" in lines  # the page break


def test_markdown_tables_flatten_merged_headers_and_keep_every_row_the_same_width(document):
    markdown = render_md(document)
    tables = pipe_tables(markdown)
    assert len(tables) == 4
    staffing, budget = tables[0], tables[1]
    assert pipe_cells(staffing[0]) == ["구분", "정원", "현원", "과부족", "일반 4급", "일반 5급"]
    assert pipe_cells(staffing[1]) == ["---", "---:", "---:", "---:", "---:", "---:"]
    assert pipe_cells(staffing[2]) == ["계", "81", "72", "△9", "3", "16"]
    assert pipe_cells(staffing[3]) == ["일자리정책담당관", "32", "29", "△3", "(유실)", "5"]
    assert pipe_cells(budget[0]) == ["구분", "구분", "예산현액", "집행률"]
    # a colspan cell is written in its first column, a rowspan cell in its first row, the rest left empty
    assert pipe_cells(budget[2]) == ["계", "", "237,715", "52.2%"]
    assert pipe_cells(budget[3]) == ["일자리정책담당관", "일반회계 \\| 기금 전출", "187,341", "53.5%"]
    assert pipe_cells(budget[4]) == ["", "기금", "0", "-"]
    for table in tables:
        widths = {len(pipe_cells(row)) for row in table}
        assert len(widths) == 1, table


def test_markdown_prints_the_unit_line_above_the_table_and_the_notes_below(document):
    lines = render_md(document).splitlines()
    unit = lines.index(UNIT)
    assert lines[unit - 2] == "**예산 현황**"
    assert lines[unit + 1] == "" and lines[unit + 2].startswith("| 구분 |")
    last_row = unit + 2 + 4
    assert lines[last_row].startswith("|") and not lines[last_row + 1].startswith("|")
    assert lines[last_row + 2] == "※ 집행률 = 지출액 / 예산현액"


# --- html ----------------------------------------------------------------------------------------------


def test_html_is_a_complete_page_that_loads_nothing_from_outside(document):
    page = render_html(document)
    assert page.startswith('<!doctype html>\n<html lang="ko">')
    assert "<style>" in page and "sans-serif" in page and "@media print" in page
    assert "<title>2018 주요업무보고 - 일자리노동정책관</title>" in page
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*//|url\(|@import""", page)
    assert page.rstrip().endswith("</html>")


def test_html_escapes_text(document):
    page = render_html(document)
    assert "<script>" not in page
    assert "정원외 &lt;script&gt;alert(1)&lt;/script&gt; 공무직" in page
    assert "&#x27;18.6.30 기준" in page


def test_html_structure_headings_items_and_tables(document):
    page = render_html(document)
    assert '<h1><span class="num">Ⅰ.</span> 일반현황</h1>' in page
    assert '<h4><span class="num">□</span> 사업개요</h4>' in page
    assert '<p class="item level-1"><span class="marker">○</span> 인 력 - 정원 81명 / 현원 72명</p>' in page
    assert "<caption>부서별 정원, 현원, 과부족과 직급별 인원</caption>" in page
    assert '<th scope="col" rowspan="2">구분</th>' in page
    assert '<th scope="col" colspan="2">일반</th>' in page
    assert '<th scope="row" colspan="2">계</th>' in page
    assert '<th scope="row" rowspan="2">일자리정책담당관</th>' in page
    assert '<td class="num">237,715</td>' in page
    assert '<td class="num">△9</td>' in page
    assert '<td class="num">52.2%</td>' in page
    assert '<td class="num missing">(유실)</td>' in page
    assert '<td class="num"><a href="/budget/2/">187,341</a></td>' in page
    assert '<td class="num">0</td>' in page  # an absolute link is dropped
    assert '<hr class="page-break">' in page
    block = page[page.index('<p class="unit">(단위 : 백만원') :]
    assert block.index('<p class="unit">') < block.index("<table>") < block.index('<p class="note">※ 집행률')
    thead = page[page.index("<thead>") : page.index("</thead>")]
    assert "<td" not in thead and thead.count("<tr>") == 2


def test_html_fragment_is_the_article_alone(document):
    fragment = render_html(document, standalone=False)
    assert fragment.startswith('<article class="ilj-report">') and fragment.endswith("</article>")
    assert "<html" not in fragment and "<style" not in fragment
    assert '<p class="doc-title">2018 주요업무보고</p>' in fragment
    assert "237,715" in fragment


# --- xlsx ----------------------------------------------------------------------------------------------


@pytest.fixture
def workbook(document):
    return load_workbook(BytesIO(render_xlsx(document)))


def test_xlsx_sheet_names_are_valid_and_unique(workbook):
    names = workbook.sheetnames
    assert names[:4] == ["보고서", "인력 현황", "예산 현황", "인력 현황 (2)"]
    assert len(names) == 5
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    assert names[4] == "사업별 예산 집행 현황 일자리정책담당관·노동정책담당관 세"  # cut at 31 characters


def test_sheet_names_shorten_before_numbering():
    titles = ["가" * 40, "가" * 40, "History", "보고서", "", "'정원/현원 [명]'", "A:B*C?", "가" * 30 + "'b"]
    assert sheet_names(titles) == [
        "가" * 31,
        "가" * 27 + " (2)",
        "History (2)",
        "보고서 (2)",
        "표",
        "정원·현원 명",
        "A B C",
        "가" * 30,
    ]


def test_xlsx_main_sheet_holds_the_text_and_points_to_the_tables(workbook):
    sheet = workbook["보고서"]
    column = [row[0].value for row in sheet.iter_rows(max_col=1)]
    assert column[:3] == ["2018 주요업무보고", "일자리노동정책관", "2018. 7. ('18.6.30. 기준)"]
    heading = sheet.cell(row=column.index("Ⅰ. 일반현황") + 1, column=1)
    assert heading.font.bold
    item = sheet.cell(row=column.index("○ 인 력 - 정원 81명 / 현원 72명") + 1, column=1)
    assert item.alignment.indent == 2
    assert "표: 인력 현황 → 시트 '인력 현황'" in column
    assert "표: 인력 현황 → 시트 '인력 현황 (2)'" in column
    assert column.index("표: 인력 현황 → 시트 '인력 현황'") < column.index("① 청년일자리 지원")
    assert not any(isinstance(value, int | float) for value in column)
    assert len(sheet.row_breaks.brk) == 1


def test_xlsx_table_sheet_has_merged_header_and_numbers(workbook):
    sheet = workbook["인력 현황"]
    assert sheet["A1"].value == "인력 현황" and sheet["A1"].font.bold
    assert sheet["A2"].value == "('18. 7. 11. 기준)"
    assert [sheet.cell(row=3, column=col).value for col in range(1, 6)] == ["구분", "정원", "현원", "과부족", "일반"]
    assert [sheet["E4"].value, sheet["F4"].value] == ["4급", "5급"]
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3"} <= merged
    assert sheet["E3"].font.bold and sheet["E3"].fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet["E3"].alignment.horizontal == "center" and sheet["E3"].border.left.style == "thin"
    assert sheet.freeze_panes == "A5"
    assert sheet["A5"].value == "계" and sheet["A5"].font.bold
    assert sheet["D5"].value == -9 and type(sheet["D5"].value) is int
    assert sheet["D5"].number_format == XLSX_INTEGER
    # a lost figure: an empty cell (its column sums right), what the print shows there as its comment
    assert sheet["E6"].value is None and sheet["E6"].comment.text == "(유실)"
    assert sheet["A8"].value == "※ 정원외 : 공무직 21명"
    assert sheet.column_dimensions["A"].width >= 18  # "일자리정책담당관": eight wide characters


def test_xlsx_budget_sheet_keeps_amounts_and_rates_as_numbers(workbook):
    sheet = workbook["예산 현황"]
    assert sheet["A2"].value == UNIT
    assert sheet.freeze_panes == "A4"
    total, total_rate = sheet["C4"], sheet["D4"]
    assert total.value == 237715 and type(total.value) is int
    assert total.number_format == '#,##0;"△"#,##0;0'
    assert isinstance(total_rate.value, float) and total_rate.value == pytest.approx(0.522)
    assert "%" in total_rate.number_format
    assert sheet["C6"].value == 0 and sheet["D6"].value == "-"
    assert sheet["B5"].value == "일반회계 | 기금 전출"
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert {"A3:B3", "A4:B4", "A5:A6"} <= merged


def test_xlsx_is_deterministic(document):
    first = render_xlsx(document)
    assert render_xlsx(document) == first
    properties = load_workbook(BytesIO(first)).properties
    assert properties.creator == "Iljari"
    assert properties.created == datetime(2018, 7, 1) and properties.modified == datetime(2018, 7, 1)
    when = datetime(2018, 7, 11, 9, 30)
    assert load_workbook(BytesIO(render_xlsx(document, created=when))).properties.created == when


def test_a_table_without_header_and_a_document_without_date_still_render():
    body = [[Cell("일자리정책담당관"), Cell("일자리\n위원회")]]
    table = Table(title="주요기능", caption="부서별 주요기능", header=[], body=body)
    bare = Document(title="보고", organisation="", date_text="", blocks=[table])
    lines = render_md(bare).splitlines()
    assert lines[lines.index("| 일자리정책담당관 | 일자리<br>위원회 |") - 2 :][:2] == ["|  |  |", "| --- | --- |"]
    page = render_html(bare)
    assert "<thead>" not in page and "<td>일자리<br>위원회</td>" in page
    workbook = load_workbook(BytesIO(render_xlsx(bare)))
    assert workbook.properties.created == datetime(2000, 1, 1)
    sheet = workbook["주요기능"]
    assert sheet["B3"].value == "일자리\n위원회" and sheet["B3"].alignment.wrap_text
    assert sheet.freeze_panes == "A3"


# --- render --------------------------------------------------------------------------------------------


def test_render_returns_bytes_in_every_format(document):
    assert set(CONTENT_TYPES) == set(EXTENSIONS) == set(RENDERERS) == {"md", "html", "xlsx", "pdf", "hwpx"}
    assert "237,715" in render(document, "md").decode("utf-8")
    assert "△9" in render(document, "html").decode("utf-8")
    xlsx = render(document, "xlsx")
    assert xlsx.startswith(b"PK") and xlsx == render_xlsx(document)


def test_render_refuses_an_unknown_format(document):
    with pytest.raises(ValueError, match="보고서 형식"):
        render(document, "docx")
