"""The 2018 business report's PDF (as of 2018-06-30, the demo's data with part Ⅲ's text) page by page against the
images stored under docs/report-pages/: the cover, the first page of Ⅲ, a programme with a table (the New Deal
jobs' headcount) and the fund's flow. A layout change fails here with the page named and how much it differs; if
the change is meant, `ILJARI_UPDATE_PAGE_IMAGES=1 .venv/bin/pytest iljari/reports/tests/test_report_pages.py`
writes the images again (look at them, then commit them)."""

import os
import re
from datetime import date

from PIL import Image, ImageChops, ImageFilter

from iljari.core.roles import Role
from iljari.core.tests.figure_readers import pdf_text
from iljari.demo.report2018_text_loader import load_report2018_text
from iljari.reports.files import report_file
from iljari.reports.tests import page_images
from iljari.reports.tests.page_images import (
    PAGE_TOLERANCE,
    UPDATE_VARIABLE,
    page_difference,
    page_image,
    page_image_check,
)
from iljari.reports.tests.test_pdf import needs_tool, needs_weasyprint

AS_OF = date(2018, 6, 30)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chosen_pages(pdf: bytes) -> dict[str, int]:
    """name -> page number (1-based) of the pages kept as images, found by their text."""
    texts = [_squeezed(page) for page in pdf_text(pdf).split("\f")]

    def first(test) -> int:
        return next(number for number, text in enumerate(texts, 1) if test(text))

    return {
        "cover": 1,
        "part-three": first(lambda text: text.startswith("Ⅲ.주요업무보고")),
        "programme-table": first(lambda text: "뉴딜일자리사업규모" in text),
        "fund-flow": first(lambda text: "사회투자기금융자흐름" in text),
    }


@needs_weasyprint
@needs_tool("pdftoppm")
@needs_tool("pdftotext")
def test_the_report_pages_look_as_the_stored_images(dataset_2018, personas):
    load_report2018_text()
    user = personas[Role.OFFICE_MANAGER]
    pdf = report_file(user=user, kind="business", year=2018, as_of=AS_OF, fmt="pdf").data

    pages = chosen_pages(pdf)
    assert pages["cover"] < pages["part-three"] < pages["programme-table"] < pages["fund-flow"]
    failures = [page_image_check(name, page_image(pdf, number)) for name, number in pages.items()]
    assert [failure for failure in failures if failure] == []


# --- the comparison itself -------------------------------------------------------------------------------------


def _page() -> Image.Image:
    """A stored page: text lines and a table on white."""
    with Image.open(page_images.PAGES_DIR / "programme-table.png") as image:
        return image.convert("RGB")


def test_anti_aliasing_is_forgiven_but_a_moved_line_is_not():
    page = _page()
    assert page_difference(page, page) == 0
    # glyphs' edges drawn a shade otherwise: a light blur of the whole page, a third of a pixel's shift
    softer = Image.blend(page, page.filter(ImageFilter.SMOOTH), 0.5)
    assert page_difference(page, softer) <= PAGE_TOLERANCE
    shifted = Image.blend(page, ImageChops.offset(page, 1, 0), 0.3)
    assert 0 < page_difference(page, shifted) <= PAGE_TOLERANCE
    # the text one pixel lower (a quarter of a millimetre at 40 dpi): a layout change
    assert page_difference(page, ImageChops.offset(page, 0, 1)) > PAGE_TOLERANCE
    # one line of the page's text gone: its rows white
    line = page.copy()
    line.paste((255, 255, 255), (0, 60, page.width, 68))
    assert page_difference(page, line) > PAGE_TOLERANCE
    # a page of another size
    assert page_difference(page, page.resize((page.width + 1, page.height))) == 100


def test_a_differing_page_fails_with_how_to_refresh_and_the_refresh_writes_it(tmp_path, monkeypatch):
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)
    white = Image.new("RGB", (40, 60), "white")
    black_line = white.copy()
    black_line.paste((0, 0, 0), (0, 10, 40, 14))

    missing = page_image_check("cover", white, directory=tmp_path)
    assert missing and "no stored image" in missing and f"{UPDATE_VARIABLE}=1" in missing

    monkeypatch.setenv(UPDATE_VARIABLE, "1")
    assert page_image_check("cover", white, directory=tmp_path) is None
    assert (tmp_path / "cover.png").exists()

    monkeypatch.delenv(UPDATE_VARIABLE)
    assert page_image_check("cover", white, directory=tmp_path) is None
    failure = page_image_check("cover", black_line, directory=tmp_path)
    assert failure and "the page differs from its stored image" in failure and f"{UPDATE_VARIABLE}=1" in failure
    assert (tmp_path / "cover.new.png").exists()  # what it draws now, to look at
    assert os.environ.get(UPDATE_VARIABLE) is None
