"""The business report as PDF (WeasyPrint): the 2018 report's figures as extractable text, only the vendored Noto
Sans KR embedded, a cover without a page number, table headers repeated and rows kept whole, the pages drawn by
poppler, nothing fetched from outside, and a Korean message where the system lacks Pango.

Checks that need WeasyPrint (Pango) or poppler-utils are skipped where those are missing, except where
ILJARI_REQUIRE_BROWSER is set (CI installs them, so nothing is skipped there)."""

from __future__ import annotations

import builtins
import os
import re
import shutil
import subprocess
import sys
from io import BytesIO

import pytest
from django.core.management import call_command
from django.db import connections
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from iljari.core.errors import Unavailable
from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.reports.builders.business import build_business_report
from iljari.reports.charts import COLOURS, FONTS
from iljari.reports.document import Cell, Chart, Document, Heading, Item, Series, Table
from iljari.reports.management.commands.report import Command as ReportCommand
from iljari.reports.renderers import render
from iljari.reports.renderers.pdf import FONT_FILES, PANGO_MISSING, RefusedURL, font_path, render_pdf, url_fetcher
from iljari.reports.tests.test_business_report import AS_OF, PROGRAMMES, SECTION_ONE, SECTION_TWO

REQUIRED = bool(os.environ.get("ILJARI_REQUIRE_BROWSER"))
INSTALL_PANGO = "apt-get install libpango-1.0-0 libpangoft2-1.0-0"


def _weasyprint_loads() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_weasyprint = pytest.mark.skipif(
    not REQUIRED and not _weasyprint_loads(), reason=f"WeasyPrint cannot load Pango ({INSTALL_PANGO})"
)


def needs_tool(tool: str):
    return pytest.mark.skipif(
        not REQUIRED and shutil.which(tool) is None, reason=f"{tool} is not installed (apt-get install poppler-utils)"
    )


@pytest.fixture
def report(personas, dataset_2018):
    return build_business_report(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=AS_OF)


_RENDERED: dict[str, bytes] = {}


@pytest.fixture
def report_pdf(report):
    """The report as PDF, rendered once per distinct Document: the tests build the same one from the same data."""
    key = repr(report)
    if key not in _RENDERED:
        _RENDERED[key] = render_pdf(report)
    return _RENDERED[key]


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def squeezed(text: str) -> str:
    """Without whitespace: a title may wrap at any syllable on the page."""
    return re.sub(r"\s+", "", text)


def small_document(*blocks) -> Document:
    return Document(
        title="2018 주요업무보고", organisation="일자리노동정책관", date_text="2018. 7.", blocks=list(blocks)
    )


# --- the demo business report -------------------------------------------------------------------------------


@needs_weasyprint
def test_the_pdf_text_carries_every_figure_of_sections_one_and_two_and_every_programme_title(report, report_pdf):
    titles = [block.text for block in report.blocks if isinstance(block, Heading) and block.level == 3]
    assert len(titles) == 21
    assert all(any(typed in title for title in titles) for typed, _budget in PROGRAMMES)  # typed from 2018
    extracted = {"pypdf": "\n".join(page_texts(report_pdf))}
    if shutil.which("pdftotext") or REQUIRED:
        extracted["pdftotext"] = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=report_pdf, capture_output=True, check=True
        ).stdout.decode("utf-8")
    for tool, text in extracted.items():
        assert [figure for figure in SECTION_ONE + SECTION_TWO if figure not in text] == [], tool
        assert [title for title in titles if squeezed(title) not in squeezed(text)] == [], tool


@needs_weasyprint
def test_only_the_vendored_noto_sans_kr_is_embedded(report_pdf):
    vendored = {TTFont(FONTS / name)["name"].getDebugName(6): TTFont(FONTS / name) for name in FONT_FILES.values()}
    embedded = _embedded_fonts(PdfReader(BytesIO(report_pdf)))
    assert embedded, "no font in the PDF"
    names = set()
    for base_font, program in embedded:
        name = program["name"].getDebugName(6)
        assert name in vendored, f"{base_font} is {name}, not a vendored font"
        names.add(name)
        # Glyph ids are kept when WeasyPrint subsets: the same characters sit at the same glyphs as in the
        # vendored cut (scripts/vendor_fonts.py renumbers them, so another Noto Sans KR would differ).
        ours, theirs = vendored[name].getBestCmap(), program.getBestCmap()
        order = vendored[name].getGlyphOrder()
        assert {code: order.index(glyph) for code, glyph in ours.items() if code in theirs} == {
            code: program.getGlyphID(glyph) for code, glyph in theirs.items()
        }
    assert names == {"NotoSansKR-Regular", "NotoSansKR-Bold"}  # headings in bold, the rest regular


def _embedded_fonts(reader: PdfReader) -> list[tuple[str, TTFont]]:
    """Every font of every page and form (the charts, the page numbers), as (BaseFont, its embedded program)."""
    found: dict[str, TTFont] = {}

    def walk(resources) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
            found[font["/BaseFont"]] = TTFont(BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        for xobject in resources.get("/XObject", {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return list(found.items())


@needs_weasyprint
def test_the_cover_has_no_page_number_and_every_later_page_does(report_pdf):
    reader = PdfReader(BytesIO(report_pdf))
    texts = [page.extract_text() for page in reader.pages]
    assert len(texts) > 1
    cover = texts[0]
    assert "2018 주요업무보고" in cover and "일자리노동정책관" in cover and "2018. 7." in cover
    assert re.search(r"-\s*\d+\s*-", cover) is None
    assert "Ⅰ." not in cover  # the cover is a page of its own
    for number, text in enumerate(texts[1:], start=1):
        assert re.search(rf"-\s*{number}\s*-\s*$", text), f"page {number + 1} is not numbered '- {number} -'"
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points


@needs_weasyprint
@needs_tool("pdftoppm")
def test_every_page_renders_with_pdftoppm_and_the_charts_are_drawn(report_pdf, tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(report_pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(source), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    texts = page_texts(report_pdf)
    assert len(images) == len(texts)
    for image in images:
        with Image.open(image) as picture:
            assert picture.size[0] < picture.size[1]  # portrait
            assert picture.convert("L").getextrema()[0] < 128, f"{image.name} is blank"
    chart_pages = [index for index, text in enumerate(texts) if "담당관별 예산 집행률" in text]
    assert chart_pages, "the budget chart's title is not on any page"
    bar = tuple(int(COLOURS[0][i : i + 2], 16) for i in (1, 3, 5))
    with Image.open(images[chart_pages[0]]) as picture:
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 20)
    assert sum(count for count, rgb in colours if max(abs(a - b) for a, b in zip(rgb, bar, strict=True)) < 8) > 200


def _rule_preludes(css: str) -> list[str]:
    import tinycss2

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return [tinycss2.serialize(rule.prelude).strip() for rule in rules if rule.type in ("qualified-rule", "at-rule")]


@needs_weasyprint
def test_the_lean_user_agent_stylesheet_leaves_out_only_the_universal_pseudo_element_rules():
    from weasyprint.html import UA

    from iljari.reports.renderers.pdf import UNUSED_UA_RULES, lean_user_agent_css

    stock, lean = _rule_preludes(UA), _rule_preludes(lean_user_agent_css(UA))
    left_out = [prelude for prelude in stock if prelude.startswith(UNUSED_UA_RULES)]
    assert "::marker" in left_out and "::footnote-marker" in left_out and "::note-marker" in left_out
    assert lean == [prelude for prelude in stock if not prelude.startswith(UNUSED_UA_RULES)]


@needs_weasyprint
@needs_tool("pdftoppm")
def test_the_pages_are_drawn_the_same_as_with_weasyprints_own_user_agent_stylesheet(report, report_pdf, tmp_path):
    import weasyprint

    from iljari.reports.renderers.pdf import _page, report_html_class

    assert report_html_class() is not weasyprint.HTML
    stock = weasyprint.HTML(string=_page(report), url_fetcher=url_fetcher())  # links are not drawn: kept

    def pixels(data: bytes, name: str) -> list[bytes]:
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "40", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
        return [path.read_bytes() for path in sorted(tmp_path.glob(f"{name}-*.ppm"))]

    lean_pages, stock_pages = pixels(report_pdf, "lean"), pixels(stock.write_pdf(), "stock")
    assert len(lean_pages) == len(stock_pages) > 1
    differing = [number for number, (a, b) in enumerate(zip(lean_pages, stock_pages, strict=True), 1) if a != b]
    assert differing == [], f"pages drawn otherwise than with the stock stylesheet: {differing}"


def test_the_cycle_collector_is_paused_for_the_render_and_back_on_after_it_even_when_the_render_fails():
    import gc

    from iljari.reports.renderers.pdf import _cycles_collected_after

    assert gc.isenabled()
    with _cycles_collected_after():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), _cycles_collected_after():
        _ = 1 / 0
    assert gc.isenabled()
    gc.disable()  # paused by someone else (another thread's render): left paused
    try:
        with _cycles_collected_after():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@needs_weasyprint
def test_a_pdf_render_leaves_the_cycle_collector_on():
    import gc

    render_pdf(small_document(Heading(level=1, text="Ⅰ. 일반현황")))
    assert gc.isenabled()


@needs_weasyprint
def test_the_report_command_writes_the_pdf_whole(office_report_data, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "pdf", "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF-") and out.read_bytes().rstrip().endswith(b"%%EOF")
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left beside it


@pytest.fixture
def office_report_data(personas, dataset_2018):
    return personas


# --- layout, on small documents -------------------------------------------------------------------------------


def _numbered_tables(count: int) -> list:
    """`count` tables of three-line rows under merged header cells, of different lengths and after different
    numbers of items, so that they start at many heights of a page: some run onto the next page, and without
    the print style some unit lines would be left alone at a page's foot."""
    blocks: list = []
    for n in range(1, count + 1):
        blocks += [Item(f"표{n:02d} 앞 문단 {k}", marker="○") for k in range(n % 3)]
        blocks.append(
            Table(
                title=f"표{n:02d}",
                caption=f"표{n:02d}의 구분별 상반기·하반기 실적",
                header=[
                    [
                        Cell(f"머리{n:02d}", header=True, rowspan=2, align="center"),
                        Cell("실 적", header=True, colspan=2, align="center"),
                    ],
                    [Cell("상반기", header=True, align="center"), Cell("하반기", header=True, align="center")],
                ],
                body=[
                    [
                        Cell(f"행{n:02d}-{r:02d} 첫째\n행{n:02d}-{r:02d} 둘째\n행{n:02d}-{r:02d} 셋째", header=True),
                        Cell(f"{r * 10:,}", value=r * 10, align="right"),
                        Cell(f"△{r}", value=-r, align="right"),
                    ]
                    for r in _rows(n)
                ],
                unit_line=f"(단위 : 개, 표{n:02d} '18.6.30 기준)",
            )
        )
    return blocks


def _rows(n: int) -> range:
    return range(1, 5 + n)


@needs_weasyprint
def test_tables_repeat_their_header_on_each_page_keep_rows_whole_and_their_unit_line_with_them():
    count = 16
    texts = page_texts(render_pdf(small_document(*_numbered_tables(count))))

    def pages_of(fragment: str) -> list[int]:
        return [index for index, text in enumerate(texts) if fragment in text]

    spanning = 0
    for n in range(1, count + 1):
        pages = sorted({page for r in _rows(n) for page in pages_of(f"행{n:02d}-{r:02d} 첫째")})
        spanning += len(pages) > 1
        assert pages_of(f"머리{n:02d}") == pages, f"표{n:02d}: the header is not on every page of the table"
        assert pages_of(f"표{n:02d} '18.6.30 기준") == pages[:1], f"표{n:02d}: the unit line left its table"
        for r in _rows(n):
            lines = [pages_of(f"행{n:02d}-{r:02d} {which}") for which in ("첫째", "둘째", "셋째")]
            assert lines[0] == lines[1] == lines[2] and len(lines[0]) == 1, f"row {n}-{r} is split: {lines}"
    assert spanning >= count // 2  # the check above saw tables across pages


@needs_weasyprint
def test_the_page_given_to_weasyprint_names_no_outside_address_and_draws_the_chart():
    from iljari.reports.renderers.pdf import _page

    document = small_document(
        Heading(1, "일반현황", "Ⅰ."),
        Chart(
            title="담당관별 예산 집행률",
            caption="집행률",
            categories=["가", "나"],
            series=[Series("집행률", [52.2, 28.5])],
        ),
    )
    page = _page(document)
    assert "http://" not in page and "https://" not in page and "//fonts." not in page
    assert page.count("file://") == len(FONT_FILES)  # the two @font-face sources, nothing else
    text = "\n".join(page_texts(render_pdf(document)))
    assert "담당관별 예산 집행률" in text and "52.2" in text  # the inline SVG is drawn, its text real text


# --- fetching -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/NotoSansKR-Regular.ttf",
        "https://fonts.googleapis.com/css2?family=Noto+Sans+KR",
        "ftp://example.com/font.ttf",
        "file://example.com/fonts/NotoSansKR-Regular.ttf",
        "file:///etc/passwd",
        (FONTS / ".." / "charts.py").as_uri(),
        (FONTS / "missing.ttf").as_uri(),
    ],
)
def test_only_the_vendored_font_files_are_served(url):
    with pytest.raises(RefusedURL):
        font_path(url)
    assert font_path((FONTS / "NotoSansKR-Bold.ttf").as_uri()) == (FONTS / "NotoSansKR-Bold.ttf").resolve()


@needs_weasyprint
def test_the_url_fetcher_refuses_an_http_url_and_serves_the_fonts_and_data_urls():
    fetcher = url_fetcher()
    with pytest.raises(RefusedURL, match="외부 주소"):
        fetcher.fetch("http://example.com/style.css")
    with pytest.raises(RefusedURL):
        fetcher("https://example.com/font.ttf")
    font = fetcher.fetch((FONTS / "NotoSansKR-Regular.ttf").as_uri())
    assert font.read(4) == (FONTS / "NotoSansKR-Regular.ttf").read_bytes()[:4]
    font.close()
    assert fetcher.fetch("data:text/css,p%7Bcolor:red%7D").read() == b"p{color:red}"


# --- without Pango --------------------------------------------------------------------------------------------


def _without_weasyprint(monkeypatch, error: type[Exception]) -> None:
    """Make `import weasyprint` fail as it does on a machine without Pango (cffi raises OSError) or without the
    package (ImportError)."""
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise error("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


@pytest.mark.parametrize("error", [ImportError, OSError])
def test_without_pango_the_pdf_renderer_says_in_korean_what_to_install(monkeypatch, error):
    _without_weasyprint(monkeypatch, error)
    document = small_document(Item("조 직 - 1정책관 3담당관 15팀", marker="□"))
    with pytest.raises(Unavailable) as caught:
        render(document, "pdf")
    assert caught.value.message == PANGO_MISSING
    assert "Pango 라이브러리" in caught.value.message and INSTALL_PANGO in caught.value.message
    assert caught.value.status == 503
    assert render(document, "html")  # the other formats go on working


def test_without_pango_the_report_command_exits_with_the_message_and_leaves_the_file_alone(
    office_report_data, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")
    _without_weasyprint(monkeypatch, OSError)
    monkeypatch.setattr(connections, "close_all", lambda: None)  # run_from_argv closes them; the test needs them
    with pytest.raises(SystemExit) as exited:
        ReportCommand().run_from_argv(
            ["iljari", "report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "pdf"]
            + ["-o", str(out)]
        )
    assert exited.value.code != 0
    stderr = capsys.readouterr().err
    assert PANGO_MISSING in stderr and "Traceback" not in stderr
    assert out.read_bytes() == b"the previous report"
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]


def test_without_pango_the_download_page_answers_503_in_korean_and_the_job_fails_with_the_reason(
    office_report_data, client_as, monkeypatch, media_root, django_capture_on_commit_callbacks
):
    _without_weasyprint(monkeypatch, OSError)
    manager = client_as(Role.OFFICE_MANAGER)
    page = manager.get("/office/business/?year=2018&as_of=2018-06-30&format=pdf")
    assert page.status_code == 503 and page["Content-Type"].startswith("text/html")
    assert "이 기능을 지금 사용할 수 없습니다" in page.content.decode() and "Pango 라이브러리" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        manager.post("/office/reports/build/?year=2018&as_of=2018-06-30", {"format": "pdf"})
    job = BackgroundJob.objects.get()
    job.refresh_from_db()
    assert job.status == "failed" and PANGO_MISSING in job.error and not job.result_name
