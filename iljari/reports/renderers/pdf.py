"""PDF renderer: the html renderer's page laid out for print by WeasyPrint, as Korean public offices circulate it.

`render_pdf(document)` takes the standalone page of `render_html` (its STYLE, the cover, every block, the charts as
inline SVG) and adds the print style of this module: A4, the cover on a page of its own without a number, the
pages after it numbered at the bottom ("- 1 -"), table headers repeated on each page, rows and charts kept whole,
the unit line kept with its table; a heading marked `new_page` (each programme, when the office asks for it)
starts a page (break-before).

Fonts and fetching: the only font is the vendored Noto Sans KR (reports/fonts/, see scripts/vendor_fonts.py),
loaded through @font-face from file: URLs under a family name of its own, so that no system font is needed or
used. WeasyPrint fetches through `url_fetcher()`, which serves the files of reports/fonts/ (and data: URLs) and
refuses everything else: a report never loads anything from another address. Links to the app's pages (relative
URLs on cells) are dropped: they lead nowhere in a file.

Cascade: WeasyPrint's own user-agent stylesheet gives every element of the page a `::marker`, a `::footnote-marker`
and a `::note-marker` style (`::marker { … }` and the like match any element), and computing them is a third of the
cascade of a city-scale report (4,000 elements). The report has no list items and no footnotes, so `ReportHTML`
uses that stylesheet without those universal pseudo-element rules (`lean_user_agent_css()`); everything else of it
stays, and the pages come out the same (reports/tests/test_pdf.py).

Garbage collection: laying out a city-scale report makes some million short-lived objects, and Python's cycle
collector ran through them (and the rest of the process's heap) about an eighth of the render's time. The render
runs with the cycle collector paused (`_cycles_collected_after()`); what it leaves in cycles, some 70,000 objects,
is collected once it is switched back on, so the peak memory hardly moves.

WeasyPrint needs the system's Pango library; where it is missing, `render_pdf` raises `Unavailable` with a Korean
message naming the packages to install.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from iljari.core.errors import Unavailable
from iljari.reports.charts import FONT_FAMILY as CHART_FONT_FAMILY
from iljari.reports.charts import FONTS
from iljari.reports.document import Document, Heading, Item, Paragraph
from iljari.reports.renderers.html import render_html

PANGO_MISSING = (
    "PDF를 만들려면 서버에 Pango 라이브러리가 있어야 합니다. "
    "관리자가 설치한 뒤 다시 시도하십시오: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
)
FAMILY = "Iljari Noto Sans KR"  # a name no system font has: only the vendored files match it
FONT_FILES = {400: "NotoSansKR-Regular.ttf", 700: "NotoSansKR-Bold.ttf"}


class RefusedURL(ValueError):
    """A URL the PDF renderer does not fetch (anything but the vendored fonts and data: URLs)."""


class _SupportedCSSOnly(logging.Filter):
    """Drops WeasyPrint's "Ignored `overflow-x: auto` ..." warnings: the html STYLE is written for browsers too,
    and a property WeasyPrint does not know says nothing about the report. Other warnings (a refused URL) stay."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Ignored `")


def _quiet_logs() -> None:
    progress = logging.getLogger("weasyprint.progress")  # a line per step and page at INFO
    if progress.level == logging.NOTSET:
        progress.setLevel(logging.WARNING)
    logger = logging.getLogger("weasyprint")
    if not any(isinstance(f, _SupportedCSSOnly) for f in logger.filters):
        logger.addFilter(_SupportedCSSOnly())


def _weasyprint():
    """The weasyprint module, or Unavailable when the system lacks Pango (WeasyPrint loads it when imported:
    OSError from cffi, ImportError where the package itself is missing)."""
    _quiet_logs()
    try:
        import weasyprint  # deferred: WeasyPrint is heavy and needs the system's Pango, which a machine may lack
    except (ImportError, OSError) as error:
        raise Unavailable(PANGO_MISSING) from error
    return weasyprint


# The user-agent rules that match every element through a pseudo-element the report never draws.
UNUSED_UA_RULES = ("::marker", "::footnote-", "::note-")


def lean_user_agent_css(stock: str) -> str:
    """WeasyPrint's user-agent stylesheet without the rules that start with UNUSED_UA_RULES (one rule a line in
    that file; a rule of them spread over lines is kept whole, never cut)."""
    return "\n".join(
        line for line in stock.splitlines() if not (line.startswith(UNUSED_UA_RULES) and line.rstrip().endswith("}"))
    )


@lru_cache(maxsize=1)
def report_html_class():
    """WeasyPrint's HTML class with the lean user-agent stylesheet; WeasyPrint's own class where its user-agent
    stylesheet is not where this version keeps it (the report is then as right, only slower)."""
    weasyprint = _weasyprint()
    try:  # deferred with the weasyprint import above
        from weasyprint.css.counters import CounterStyle
        from weasyprint.html import UA
    except ImportError:  # pragma: no cover - another WeasyPrint layout
        return weasyprint.HTML
    if not hasattr(weasyprint.HTML, "_ua_stylesheets"):  # pragma: no cover - another WeasyPrint layout
        return weasyprint.HTML
    # a counter-style registry of its own: the stock one already holds the counter styles this file defines
    stylesheet = weasyprint.CSS(string=lean_user_agent_css(UA), counter_style=CounterStyle())

    class ReportHTML(weasyprint.HTML):
        def _ua_stylesheets(self, forms=False):
            return [stylesheet]

    return ReportHTML


def font_path(url: str) -> Path:
    """The vendored font file a file: URL names; RefusedURL for any other URL, and for a path that leaves
    reports/fonts/ (`..`, a symbolic link) or names no file there."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"PDF 보고서는 외부 주소를 읽지 않습니다: {url}")
    root = FONTS.resolve()
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise RefusedURL(f"PDF 보고서는 글꼴 폴더 밖의 파일을 읽지 않습니다: {url}")
    return path


@lru_cache(maxsize=1)
def _fetcher_class():
    urls = _weasyprint().urls

    class LocalFetcher(urls.URLFetcher):
        """Serves the vendored fonts and data: URLs; refuses the rest (WeasyPrint then leaves the resource out
        and logs a warning)."""

        def fetch(self, url, headers=None):
            if urlsplit(url).scheme.lower() == "data":
                return super().fetch(url, headers)
            path = font_path(url)
            return urls.URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": "font/ttf"})

    return LocalFetcher


def url_fetcher():
    """WeasyPrint's URL fetcher for reports: local fonts and data: URLs only."""
    return _fetcher_class()()


def _font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: {weight}; '
        f'src: url("{(FONTS / name).resolve().as_uri()}") format("truetype"); }}'
        for weight, name in FONT_FILES.items()
    )


def print_style() -> str:
    """The print style laid over the html renderer's STYLE (later in the page, so it wins where both speak)."""
    return f"""
{_font_faces()}
@page {{
  size: A4; margin: 20mm 18mm 20mm 18mm;
  @bottom-center {{ content: "- " counter(page) " -"; font-family: "{FAMILY}"; font-size: 9pt; color: #333; }}
}}
@page cover {{ counter-reset: page 0; @bottom-center {{ content: none; }} }}  /* the page after it is "- 1 -" */
@page sheet {{ margin: 13mm 14mm 14mm 14mm; }}  /* a one-page sheet (no cover) fits more on its page */
html, body {{ margin: 0; padding: 0; }}
html, body, .ilj-report, .ilj-report * {{ font-family: "{FAMILY}"; }}
.ilj-report {{ max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.55; }}
.ilj-report a {{ color: inherit; text-decoration: none; }}

.ilj-report .cover {{ page: cover; break-after: page; margin: 0; padding-top: 70mm; text-align: center; }}
.ilj-report .cover .doc-title {{ font-size: 28pt; font-weight: 700; margin: 0 12mm 14mm; padding: 8mm 0;
  border-top: 3px double #222; border-bottom: 3px double #222; }}
.ilj-report .cover .organisation {{ font-size: 18pt; font-weight: 700; margin-top: 95mm; }}
.ilj-report .cover .date {{ font-size: 14pt; margin-top: 4mm; }}
.ilj-report.sheet {{ page: sheet; font-size: 9.5pt; line-height: 1.4; }}
.ilj-report.sheet h4 {{ font-size: 10pt; margin: 2.5mm 0 1mm; }}
.ilj-report.sheet .item {{ margin-top: .3mm; margin-bottom: .3mm; }}
.ilj-report.sheet .table-block {{ margin: 2mm 0 2.5mm; }}
.ilj-report .title-block {{ margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid #222; }}
.ilj-report .title-block .doc-title {{ font-size: 17pt; font-weight: 700; margin: 0; }}
.ilj-report .title-block .organisation, .ilj-report .title-block .date {{ font-size: 9.5pt; margin: 1mm 0 0; }}

.ilj-report h1 {{ font-size: 16pt; margin: 0 0 5mm; padding-bottom: 1.5mm; border-bottom: 2px solid #222; }}
.ilj-report h2 {{ font-size: 14pt; margin: 6mm 0 3mm; }}
.ilj-report h3 {{ font-size: 12.5pt; margin: 6mm 0 2mm; padding: 1mm 2mm; background: #eef3fb;
  border-left: 3px solid #256ef4; }}
.ilj-report h4, .ilj-report h5, .ilj-report h6 {{ font-size: 11pt; margin: 3.5mm 0 1.5mm; }}
.ilj-report h1, .ilj-report h2, .ilj-report h3, .ilj-report h4 {{ break-after: avoid; break-inside: avoid; }}
.ilj-report h4, .ilj-report h5, .ilj-report h6 {{ bookmark-level: none; }}
.ilj-report .num {{ font-variant-numeric: normal; }}
.ilj-report p {{ orphans: 2; widows: 2; }}
.ilj-report .item {{ margin: .8mm 0; break-inside: avoid; }}

.ilj-report .table-block {{ margin: 3mm 0 4mm; overflow: visible; }}
.ilj-report .table-title, .ilj-report .unit {{ break-after: avoid; }}
.ilj-report .unit {{ font-size: 9pt; }}
.ilj-report table {{ font-size: 9pt; line-height: 1.4; }}
.ilj-report caption {{ display: none; }}
.ilj-report thead {{ display: table-header-group; }}
.ilj-report tr {{ break-inside: avoid; }}
.ilj-report th, .ilj-report td {{ padding: 1mm 1.5mm; border: .75pt solid #444; }}
.ilj-report thead th {{ background: #e8e8e8; }}
/* Hangul may break between any two syllables: keep headers and short centred cells on one line, so that the
   table layout gives the width to the long text columns */
.ilj-report th, .ilj-report td.center {{ white-space: nowrap; }}
.ilj-report .missing {{ font-style: normal; }}
.ilj-report .note {{ font-size: 8.5pt; }}

.ilj-report figure.chart {{ margin: 3mm 0 4mm; break-inside: avoid; break-before: avoid; }}
.ilj-report figure.chart {{ text-align: center; }}
.ilj-report figure.chart svg {{ width: 80%; max-width: 100%; height: auto; }}
.ilj-report figure.flow {{ margin: 3mm 0 4mm; break-inside: avoid; text-align: center; }}
/* a programme's ◆ lines boxed and kept with its heading and what follows; a line leading into a table stays
   with it; the vision framed */
.ilj-report .goals {{ border: .75pt solid #333; padding: 1.5mm 3mm; margin: 2mm 0 3mm; break-inside: avoid;
  break-after: avoid; }}
.ilj-report .item.lead {{ break-after: avoid; }}
.ilj-report .framed {{ border: 1.5pt solid #1d3f7a; border-radius: 3mm; padding: 4mm 6mm; margin: 3mm 15mm;
  font-size: 14pt; text-align: center; }}
.ilj-report hr.page-break {{ border: 0; margin: 0; height: 0; break-after: page; }}
/* a heading that starts a page (the business report's programmes, when the office asks for it) */
.ilj-report .new-page {{ break-before: page; margin-top: 0; }}
"""


WORD_JOINER = "\u2060"
KEPT_WORD_LIMIT = 30  # a longer run without a space may break (it might not fit a line)
_WORD = re.compile(r"\S{2,}")
_INSIDE_KOREAN = re.compile(r"(?<=\S)(?=\S)")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _kept(word: re.Match) -> str:
    text = word.group()
    if len(text) > KEPT_WORD_LIMIT or not _HANGUL.search(text):
        return text
    return _INSIDE_KOREAN.sub(WORD_JOINER, text)


def kept_words(text: str) -> str:
    """The text with a word joiner (U+2060, invisible and not copied) between the characters of each word that
    holds Hangul: a line breaks only at a space. WeasyPrint has no `word-break: keep-all`, and Pango's line breaking
    lets a line end between any two Hangul syllables ("전태/일", "1,968억/원")."""
    return _WORD.sub(_kept, text)


def _words_kept(document: Document) -> Document:
    """The document with its running text (headings, items, paragraphs) kept whole at line ends; table cells are
    left to break where they must (a column can be narrower than a word)."""
    blocks = [
        dataclasses.replace(block, text=kept_words(block.text))
        if isinstance(block, Heading | Item | Paragraph)
        else block
        for block in document.blocks
    ]
    return dataclasses.replace(document, blocks=blocks)


def _page(document: Document) -> str:
    html = render_html(
        _words_kept(document), spans=False
    )  # markers and numbers as text: an inline box each costs layout
    # The charts name "Noto Sans KR" first; here they draw with the vendored files under this renderer's name.
    html = html.replace(f'font-family="{CHART_FONT_FAMILY}"', f'font-family="{FAMILY}"')
    return html.replace("</head>", f"<style>{print_style()}</style>\n</head>", 1)


@contextmanager
def _cycles_collected_after() -> Iterator[None]:
    """Pauses Python's cycle collector for the block, where it was running. Another thread that paused it too finds
    it paused and leaves it so; the first to have paused it switches it back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_pdf(document: Document) -> bytes:
    """The document as a PDF file (bytes). Raises Unavailable where the system lacks Pango."""
    _weasyprint()  # Unavailable, in Korean, where the system lacks Pango (asked every time: the class is cached)
    with _cycles_collected_after():
        rendered = report_html_class()(string=_page(document), url_fetcher=url_fetcher()).render()
        for page in rendered.pages:
            # links to the app's pages are relative: in a file they lead nowhere
            page.links = [link for link in page.links if link[0] == "internal"]
        return rendered.write_pdf()
