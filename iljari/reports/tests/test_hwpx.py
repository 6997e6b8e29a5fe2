"""The HWPX renderer: the business report as a valid OWPML package that 한글 opens, read back here by a reader of
our own (the section and header XML parsed with lxml) and by python-hwpx. Expected figures are those of
test_business_report.py, typed from the 2018 report."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from zipfile import ZIP_STORED, ZipFile

import pytest
from django.core.management import CommandError, call_command
from hwpx import HwpxDocument
from hwpx.errors import HwpxValueError
from hwpx.tools.package_validator import validate_editor_open_safety, validate_package
from hwpx.tools.validator import validate_document
from lxml import etree
from PIL import Image

from iljari.core.roles import Role
from iljari.reports.builders.business import build_business_report
from iljari.reports.document import (
    XLSX_INTEGER,
    Cell,
    Chart,
    Document,
    Heading,
    Item,
    PageBreak,
    Paragraph,
    Series,
    Table,
)
from iljari.reports.renderers import CONTENT_TYPES, EXTENSIONS, render
from iljari.reports.renderers.hwpx import HwpxRenderFailed, _grid, render_hwpx
from iljari.reports.renderers.markdown import place_cells
from iljari.reports.tests.test_business_report import PROGRAMMES, SECTION_ONE, SECTION_TWO

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
OPF = "{http://www.idpf.org/2007/opf/}"
OCF = "{urn:oasis:names:tc:opendocument:xmlns:container}"
PNG = b"\x89PNG\r\n\x1a\n"


# --- a reader of our own -----------------------------------------------------------------------------------


def runs_text(paragraph) -> str:
    """The text of a paragraph's own runs (not of a table or picture anchored in it)."""
    parts = []
    for run in paragraph.findall(f"{HP}run"):
        for t in run.findall(f"{HP}t"):
            parts.append(t.text or "")
            for child in t:
                parts.append({f"{HP}lineBreak": "\n", f"{HP}tab": "\t"}.get(child.tag, "") + (child.tail or ""))
    return "".join(parts)


@dataclass(frozen=True)
class ReadCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    element: etree._Element


@dataclass
class Package:
    data: bytes

    @cached_property
    def zip(self) -> ZipFile:
        return ZipFile(io.BytesIO(self.data))

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))

    @cached_property
    def manifest(self) -> dict[str, tuple[str, str]]:
        """href → (id, media type) of content.hpf's manifest."""
        root = self.xml("Contents/content.hpf")
        return {i.get("href"): (i.get("id"), i.get("media-type")) for i in root.iter(f"{OPF}item")}

    @cached_property
    def sections(self) -> list:
        root = self.xml("Contents/content.hpf")
        ids = {i.get("id"): i.get("href") for i in root.iter(f"{OPF}item")}
        hrefs = [ids[ref.get("idref")] for ref in root.iter(f"{OPF}itemref")]
        return [self.xml(href) for href in hrefs if "section" in href]

    @cached_property
    def header(self):
        return self.xml("Contents/header.xml")

    def body(self) -> list:
        """The body paragraphs in reading order (not those in cells, headers or footers)."""
        return [p for section in self.sections for p in section.findall(f"{HP}p")]

    def lines(self) -> list[str]:
        return [runs_text(p) for p in self.body()]

    def tables(self) -> list[list[ReadCell]]:
        tables = []
        for section in self.sections:
            for tbl in section.iter(f"{HP}tbl"):
                cells = []
                for tc in tbl.iter(f"{HP}tc"):
                    address, span = tc.find(f"{HP}cellAddr"), tc.find(f"{HP}cellSpan")
                    text = "\n".join(runs_text(p) for p in tc.find(f"{HP}subList").findall(f"{HP}p"))
                    cells.append(
                        ReadCell(
                            int(address.get("rowAddr")),
                            int(address.get("colAddr")),
                            int(span.get("rowSpan")),
                            int(span.get("colSpan")),
                            text,
                            tc,
                        )
                    )
                tables.append(cells)
        return tables

    def all_text(self) -> str:
        cells = [cell.text for table in self.tables() for cell in table]
        return "\n".join(self.lines() + cells)

    def char(self, paragraph):
        """The character shape (hh:charPr) of a paragraph's first run."""
        ref = paragraph.find(f"{HP}run").get("charPrIDRef")
        return next(c for c in self.header.iter(f"{HH}charPr") if c.get("id") == ref)

    def para(self, paragraph):
        ref = paragraph.get("paraPrIDRef")
        return next(p for p in self.header.iter(f"{HH}paraPr") if p.get("id") == ref)

    def fill(self, ref: str) -> str | None:
        """The fill colour of a border fill, None when it has none."""
        fill = next(b for b in self.header.iter(f"{HH}borderFill") if b.get("id") == ref)
        brush = fill.find(f"{HC}fillBrush/{HC}winBrush")
        return None if brush is None else brush.get("faceColor")

    def paragraph(self, text: str):
        return next(p for p in self.body() if runs_text(p) == text)


def alignment(package: Package, paragraph) -> str:
    return package.para(paragraph).find(f"{HH}align").get("horizontal")


def margin(package: Package, paragraph, name: str) -> int:
    return int(package.para(paragraph).find(f".//{HH}margin/{HC}{name}").get("value"))


def expected_cells(table: Table) -> list[tuple[int, int, int, int, str]]:
    """(row, col, rowspan, colspan, text) of every cell as the Document lays them out, header rows first."""
    placed = place_cells(table.header + table.body)
    return sorted((p.row, p.col, p.cell.rowspan, p.cell.colspan, p.cell.text.strip()) for p in placed)


def expected_lines(document: Document) -> list[str]:
    """The body paragraphs' text the Document's blocks should give, in order: the cover, then each block (a table
    as its title, unit line, the paragraph holding it, its notes; a chart as the paragraph holding its picture)."""
    date = " ".join(part for part in (document.date_text, document.as_of_text) if part)
    lines = [document.title, document.organisation, date]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(f"{block.number} {block.text}" if block.number else block.text)
        elif isinstance(block, Item):
            lines.append(f"{block.marker} {block.text}" if block.marker else block.text)
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [text for text in (block.title, block.unit_line) if text]
            if block.header or block.body:
                lines.append("")
            lines += block.notes
        elif isinstance(block, Chart):
            lines.append("")
    return lines


def read_cells(cells: list[ReadCell]) -> list[tuple[int, int, int, int, str]]:
    return sorted((c.row, c.col, c.rowspan, c.colspan, c.text) for c in cells)


# --- the 2018 report ---------------------------------------------------------------------------------------


@pytest.fixture
def report(personas, dataset_2018):
    return build_business_report(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))


@pytest.fixture
def package(report) -> Package:
    return Package(render_hwpx(report))


def test_the_report_is_a_valid_owpml_package(package):
    archive = package.zip
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == ZIP_STORED
    assert archive.read("mimetype") == b"application/hwp+zip"
    names = set(archive.namelist())
    for name in names:
        if name.endswith((".xml", ".hpf", ".rdf")):
            package.xml(name)  # well-formed, or lxml raises
    # the manifest lists exactly the header, the sections, the settings and the images present
    listed = set(package.manifest)
    assert listed == {n for n in names if n.startswith(("Contents/", "BinData/")) and n != "Contents/content.hpf"} | {
        "settings.xml"
    }
    assert {"Contents/header.xml", "Contents/section0.xml"} <= listed
    rootfiles = [r.get("full-path") for r in package.xml("META-INF/container.xml").iter(f"{OCF}rootfile")]
    assert "Contents/content.hpf" in rootfiles and set(rootfiles) <= names
    assert len(package.sections) == 1
    # every image the section names is a manifest item that exists
    by_id = {item_id: href for href, (item_id, _) in package.manifest.items()}
    referenced = [img.get("binaryItemIDRef") for s in package.sections for img in s.iter(f"{HC}img")]
    assert referenced and all(by_id[ref] in names for ref in referenced)
    assert {href for href in listed if href.startswith("BinData/")} == {by_id[ref] for ref in referenced}
    # python-hwpx's own checks: the package structure as 한글 reads it, and the XML against the OWPML schemas
    structure = validate_package(package.data)
    assert structure.ok, [str(issue) for issue in structure.errors]
    schemas = validate_document(package.data)
    assert schemas.ok, [str(issue) for issue in schemas.errors]
    assert validate_editor_open_safety(package.data).ok


def test_the_section_holds_every_figure_of_sections_one_and_two_and_every_programme(report, package):
    text = package.all_text()
    assert [figure for figure in SECTION_ONE + SECTION_TWO if figure not in text] == []
    lines = package.lines()
    assert lines == expected_lines(report)  # every block, in order
    programmes = [f"{b.number} {b.text}" for b in report.blocks if isinstance(b, Heading) and b.level == 3]
    assert len(programmes) == 21
    for title, budget in PROGRAMMES:
        assert any(title in line for line in programmes), title
        assert any(line.startswith("○ 소요예산 : " + budget) for line in lines), budget
    order = [lines.index(part) for part in ("Ⅰ. 일반현황", "Ⅱ. 비전 및 목표", "Ⅲ. 주요업무 보고")]
    assert order == sorted(order)


def test_python_hwpx_reads_back_the_text_and_the_tables(report, package):
    with HwpxDocument.open(package.data) as opened:
        text = opened.text.plain()
        assert [figure for figure in SECTION_ONE + SECTION_TWO if figure not in text] == []
        tables = opened.tables.all
        assert len(tables) == len(report.tables())
        for table, read in zip(report.tables(), tables, strict=True):
            cells = sorted(
                (*entry.cell.address, *entry.cell.span, entry.cell.text)
                for entry in read.iter_grid()
                if entry.is_anchor
            )
            assert cells == expected_cells(table), table.title


def test_every_table_cell_is_at_its_row_and_column_with_the_documents_spans(report, package):
    read = package.tables()
    assert len(read) == len(report.tables())
    for table, cells in zip(report.tables(), read, strict=True):
        assert read_cells(cells) == expected_cells(table), table.title
    staffing, jobs = (
        dict(zip([t.title for t in report.tables()], read, strict=True))[t] for t in ("인력 현황", "일자리 창출 목표")
    )
    by_text = {c.text: c for c in staffing}
    assert (by_text["일 반"].row, by_text["일 반"].col, by_text["일 반"].colspan) == (0, 4, 6)
    assert all(by_text[label].rowspan == 2 for label in ("구 분", "정 원", "현 원", "과부족", "임기제", "관리운영"))
    assert [c.text for c in sorted(staffing, key=lambda c: c.col) if c.row == 1] == [
        "계",
        "3급 이상",
        "4급",
        "5급",
        "6급",
        "7급 이하",
    ]
    total = next(c for c in jobs if c.text == "총 계")
    assert (total.row, total.col, total.rowspan, total.colspan) == (1, 0, 1, 2)
    # every grid position is covered by exactly one cell
    for cells in read:
        covered = [
            (r, c) for x in cells for r in range(x.row, x.row + x.rowspan) for c in range(x.col, x.col + x.colspan)
        ]
        rows = max(r for r, _ in covered) + 1
        cols = max(c for _, c in covered) + 1
        assert sorted(covered) == [(r, c) for r in range(rows) for c in range(cols)]


def test_header_rows_are_shaded_and_repeated_and_numbers_right_aligned(report, package):
    staffing = package.tables()[0]
    table = next(t for t in package.sections[0].iter(f"{HP}tbl"))
    assert table.get("repeatHeader") == "1" and table.find(f"{HP}pos").get("treatAsChar") == "0"
    for cell in staffing:
        paragraph = cell.element.find(f"{HP}subList/{HP}p")
        if cell.row < 2:
            assert cell.element.get("header") == "1"
            assert package.fill(cell.element.get("borderFillIDRef")) == "#D9D9D9"
            assert package.char(paragraph).find(f"{HH}bold") is not None
            assert alignment(package, paragraph) == "CENTER"
        else:
            assert cell.element.get("header") == "0"
    total = next(c for c in staffing if c.text == "81")
    assert alignment(package, total.element.find(f"{HP}subList/{HP}p")) == "RIGHT"
    assert package.fill(total.element.get("borderFillIDRef")) is None
    row_header = next(c for c in staffing if c.text == "일자리정책담당관")
    assert package.fill(row_header.element.get("borderFillIDRef")) == "#F2F2F2"
    jobs = package.tables()[4]
    lost = next(c for c in jobs if c.text.startswith("(유실)"))
    char = package.char(lost.element.find(f"{HP}subList/{HP}p"))
    assert char.find(f"{HH}italic") is not None and char.get("textColor") == "#808080"


def test_the_charts_are_embedded_png_images_with_their_captions(report, package):
    pictures = [pic for section in package.sections for pic in section.iter(f"{HP}pic")]
    assert len(pictures) == len(report.charts()) == 2
    by_id = {item_id: (href, media) for href, (item_id, media) in package.manifest.items()}
    for pic, chart in zip(pictures, report.charts(), strict=True):
        href, media = by_id[pic.find(f"{HC}img").get("binaryItemIDRef")]
        data = package.zip.read(href)
        assert media == "image/png" and data.startswith(PNG)
        assert Image.open(io.BytesIO(data)).format == "PNG"
        assert pic.find(f"{HP}shapeComment").text == chart.caption
    # each chart stands after the table of its figures, as in the report
    lines = package.lines()
    picture_line = next(i for i, p in enumerate(package.body()) if p.find(f".//{HP}pic") is not None)
    assert lines.index("예산 집행 현황") < picture_line


def test_the_same_report_renders_to_the_same_bytes(report, package):
    assert render_hwpx(report) == package.data
    assert render(report, "hwpx") == package.data
    metadata = package.xml("Contents/content.hpf").find(f"{OPF}metadata")
    dates = {m.get("name"): m.text for m in metadata.iter(f"{OPF}meta") if "Date" in m.get("name")}
    assert dates == {"CreatedDate": "2018-07-01T00:00:00Z", "ModifiedDate": "2018-07-01T00:00:00Z"}
    assert {info.date_time for info in package.zip.infolist()} == {(2018, 7, 1, 0, 0, 0)}
    assert metadata.find(f"{OPF}title").text == "2018 주요업무보고"
    later = Package(render_hwpx(report, created=datetime(2018, 7, 11, 9, 30)))
    assert {info.date_time for info in later.zip.infolist()} == {(2018, 7, 11, 9, 30, 0)}


def test_report_command_writes_a_hwpx_file(report, tmp_path):
    out = tmp_path / "report.hwpx"
    call_command("report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "hwpx", "-o", str(out))
    assert out.read_bytes() == render_hwpx(report)
    with pytest.raises(CommandError, match="hwpx는 -o 파일로만"):
        call_command("report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "hwpx")


def test_report_command_fails_in_korean_and_leaves_no_file(report, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise HwpxValueError("broken", code="test")

    monkeypatch.setattr("iljari.reports.renderers.hwpx.HwpxDocument.new", refuse)
    out = tmp_path / "report.hwpx"
    with pytest.raises(CommandError, match="한글\\(HWPX\\) 파일을 만들지 못했습니다"):
        call_command(
            "report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "hwpx", "-o", str(out)
        )
    assert list(tmp_path.iterdir()) == []


# --- a small hand-made document (no database) --------------------------------------------------------------

SPECIAL = "<script>alert(1)</script> & \"따옴표\" 'quote' ]]> &amp;"


def number(value: int) -> Cell:
    return Cell(f"{value:,}".replace("-", "△"), value=value, number_format=XLSX_INTEGER, align="right")


@pytest.fixture
def small() -> Document:
    return Document(
        title=f"보고 {SPECIAL}",
        organisation="일자리노동정책관",
        date_text="2018. 7.",
        as_of_text="('18.6.30. 기준)",
        blocks=[
            Heading(1, "일반현황", "Ⅰ."),
            Heading(2, "조직 및 인력", "1."),
            Heading(3, "청년일자리 지원", "①"),
            Heading(4, "사업개요", "□"),
            Item("조 직 - 1정책관 3담당관 15팀", marker="□", level=0),
            Item("인 력 - 정원 81명", marker="○", level=1),
            Item(f"정원외 {SPECIAL}", marker="-", level=2),
            Item("1. 지속가능한 좋은 일자리 창출", marker=""),
            Paragraph("시민행복 일자리 도시 서울", emphasis=True),
            Paragraph("첫 줄\n둘째 줄"),
            Table(
                title=f"표 {SPECIAL}",
                caption="부서별 인원",
                header=[
                    [Cell("구분", header=True, rowspan=2), Cell("일반", header=True, colspan=2)],
                    [Cell("4급", header=True), Cell("5급", header=True)],
                ],
                body=[
                    [Cell("계 <합>", header=True), number(-9), number(237715)],
                    [Cell("일자리\n정책"), Cell("(유실)", missing=True, align="right"), Cell(SPECIAL)],
                ],
                unit_line="(단위 : 명, '18.7.11. 기준)",
                notes=[f"※ {SPECIAL}"],
            ),
            PageBreak(),
            Table(
                title="빈 표",
                caption="행이 없는 표",
                header=[[Cell("구분", header=True), Cell("값", header=True)]],
                body=[],
                unit_line="(단위 : 개)",
                notes=["※ 자료 없음"],
            ),
            Table(title="칸도 없는 표", caption="", header=[], body=[], notes=["※ 표 없음"]),
            Chart(
                title="집행률 <%>",
                caption='집행률 "비교" & 차이',
                categories=["A&B", "C"],
                series=[Series("집행률", [52.2, None])],
                unit="%",
            ),
        ],
    )


def test_xml_special_characters_are_escaped_and_read_back_as_written(small):
    data = render_hwpx(small)
    package = Package(data)
    section = package.zip.read("Contents/section0.xml")
    assert b"<script>" not in section and b"&lt;script&gt;" in section
    lines = package.lines()
    assert lines[0] == f"보고 {SPECIAL}"
    assert f"- 정원외 {SPECIAL}" in lines and f"표 {SPECIAL}" in lines and f"※ {SPECIAL}" in lines
    cells = {c.text for c in package.tables()[0]}
    assert {SPECIAL, "계 <합>", "일자리\n정책", "△9", "237,715"} <= cells
    assert package.sections[0].find(f".//{HP}pic/{HP}shapeComment").text == '집행률 "비교" & 차이'
    with HwpxDocument.open(data) as opened:
        assert SPECIAL in opened.text.plain()


def test_an_empty_table_body_gives_a_table_of_its_header_rows(small):
    package = Package(render_hwpx(small))
    tables = package.tables()
    assert len(tables) == 2  # the table with neither header nor body has no grid at all
    assert read_cells(tables[1]) == [(0, 0, 1, 1, "구분"), (0, 1, 1, 1, "값")]
    lines = package.lines()
    for text in ("빈 표", "(단위 : 개)", "※ 자료 없음", "칸도 없는 표", "※ 표 없음"):
        assert text in lines
    assert validate_package(package.data).ok


def test_the_cover_comes_first_on_a_page_of_its_own_without_a_number(small):
    package = Package(render_hwpx(small))
    body = package.body()
    assert [runs_text(p) for p in body[:3]] == [f"보고 {SPECIAL}", "일자리노동정책관", "2018. 7. ('18.6.30. 기준)"]
    assert all(alignment(package, p) == "CENTER" for p in body[:3])
    assert package.char(body[0]).get("height") == "2600" and package.char(body[0]).find(f"{HH}bold") is not None
    heading = body[3]
    assert runs_text(heading) == "Ⅰ. 일반현황" and heading.get("pageBreak") == "1"
    assert heading.find(f".//{HP}newNum").get("num") == "1"  # the pages after the cover count from 1
    section = package.sections[0]
    assert section.find(f".//{HP}secPr/{HP}visibility").get("hideFirstFooter") in ("1", "true")
    footer = next(section.iter(f"{HP}footer"))
    assert footer.find(f".//{HP}autoNum").get("numType") == "PAGE"
    assert runs_text(footer.find(f".//{HP}p")) == "-  -"  # "- 1 -" around the page number
    page = section.find(f".//{HP}secPr/{HP}pagePr")
    assert page.get("landscape") == "WIDELY" and (int(page.get("width")), int(page.get("height")) // 10) == (
        59528,
        8418,
    )


def test_headings_are_bold_and_larger_the_higher_their_level(small):
    package = Package(render_hwpx(small))
    text = int(package.char(package.paragraph("○ 인 력 - 정원 81명")).get("height"))
    sizes = []
    for line in ("Ⅰ. 일반현황", "1. 조직 및 인력", "① 청년일자리 지원", "□ 사업개요"):
        char = package.char(package.paragraph(line))
        assert char.find(f"{HH}bold") is not None, line
        sizes.append(int(char.get("height")))
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] > text
    assert package.char(package.paragraph("시민행복 일자리 도시 서울")).find(f"{HH}bold") is not None
    assert package.char(package.paragraph("첫 줄\n둘째 줄")).find(f"{HH}bold") is None
    fonts = {f.get("face") for f in package.header.iter(f"{HH}font")}
    assert "맑은 고딕" in fonts


def test_items_keep_their_markers_indented_by_level_with_a_hanging_indent(small):
    package = Package(render_hwpx(small))
    lines = ["□ 조 직 - 1정책관 3담당관 15팀", "○ 인 력 - 정원 81명", f"- 정원외 {SPECIAL}"]
    paragraphs = [package.paragraph(line) for line in lines]
    lefts = [margin(package, p, "left") for p in paragraphs]
    assert lefts[0] < lefts[1] < lefts[2]
    assert all(margin(package, p, "intent") < 0 for p in paragraphs)  # a wrapped line starts under the text
    first_lines = [left + margin(package, p, "intent") for left, p in zip(lefts, paragraphs, strict=True)]
    assert first_lines[0] == 0 and first_lines[0] < first_lines[1] < first_lines[2]
    unmarked = package.paragraph("1. 지속가능한 좋은 일자리 창출")
    assert margin(package, unmarked, "intent") == 0


def test_the_unit_line_is_right_aligned_above_the_table_and_the_notes_below(small):
    package = Package(render_hwpx(small))
    body = package.body()
    texts = [runs_text(p) for p in body]
    unit = texts.index("(단위 : 명, '18.7.11. 기준)")
    assert alignment(package, body[unit]) == "RIGHT"
    assert texts[unit - 1] == f"표 {SPECIAL}"
    assert body[unit + 1].find(f".//{HP}tbl") is not None
    assert texts[unit + 2] == f"※ {SPECIAL}"
    cells = {c.text: c for c in package.tables()[0]}
    paragraph = cells["237,715"].element.find(f"{HP}subList/{HP}p")
    assert alignment(package, paragraph) == "RIGHT"
    assert alignment(package, cells[SPECIAL].element.find(f"{HP}subList/{HP}p")) == "LEFT"
    assert len(cells["일자리\n정책"].element.findall(f"{HP}subList/{HP}p")) == 2


def test_a_page_break_starts_the_next_block_on_a_new_page(small):
    package = Package(render_hwpx(small))
    breaks = [runs_text(p) for p in package.body() if p.get("pageBreak") == "1"]
    assert breaks == ["Ⅰ. 일반현황", "빈 표"]  # after the cover, and where the document breaks


def test_ragged_and_overlapping_spans_still_cover_every_grid_position_once():
    table = Table(
        title="",
        caption="",
        header=[[Cell("a", rowspan=4), Cell("b", colspan=3)]],  # the rowspan runs past the table
        body=[
            [Cell("c", colspan=5)],  # wider than the rest, and into nothing
            [Cell("d")],  # a short row: holes are filled
        ],
    )
    rows, cols, cells = _grid(table)
    covered = sorted(
        (r, c) for g in cells for r in range(g.row, g.row + g.rowspan) for c in range(g.col, g.col + g.colspan)
    )
    assert covered == [(r, c) for r in range(rows) for c in range(cols)]
    assert (rows, cols) == (3, 6)
    a = next(g for g in cells if g.cell is not None and g.cell.text == "a")
    assert (a.rowspan, a.colspan) == (3, 1)
    # a row that no cell starts in is dropped, and the spans over it shortened, as 한글 does
    covered_row = Table(
        title="", caption="", header=[[Cell("x", rowspan=2), Cell("y", rowspan=2)], []], body=[[Cell("z"), Cell("w")]]
    )
    rows, cols, cells = _grid(covered_row)
    assert (rows, cols) == (2, 2) and [(g.row, g.col, g.rowspan) for g in cells][:2] == [(0, 0, 1), (0, 1, 1)]
    data = render_hwpx(Document(title="표", organisation="", date_text="", blocks=[table, covered_row]))
    assert validate_package(data).ok


def test_hwpx_is_registered_as_a_binary_download_format(small):
    assert CONTENT_TYPES["hwpx"] == "application/hwp+zip" and EXTENSIONS["hwpx"] == ".hwpx"
    assert render(small, "hwpx") == render_hwpx(small)


def test_a_library_failure_is_a_korean_error(small, monkeypatch):
    def refuse(*args, **kwargs):
        raise HwpxValueError("broken", code="test")

    monkeypatch.setattr("iljari.reports.renderers.hwpx.HwpxDocument.new", refuse)
    with pytest.raises(HwpxRenderFailed, match="한글\\(HWPX\\)") as failure:
        render_hwpx(small)
    assert failure.value.as_dict()["code"] == "render_failed"


def test_preview_holds_the_documents_own_text_and_cover(small):
    package = Package(render_hwpx(small))
    preview = package.zip.read("Preview/PrvText.txt").decode("utf-8")
    assert preview.startswith(f"보고 {SPECIAL}\r\n일자리노동정책관")
    image = Image.open(io.BytesIO(package.zip.read("Preview/PrvImage.png")))
    assert image.size == (724, 1024) and len(image.getcolors(maxcolors=100_000)) > 2  # not a blank page
    assert re.search(r"synthetic|fixture", package.zip.read("Contents/content.hpf").decode()) is None
