"""HTML renderer: a Document as a self-contained, print-friendly page, or as a fragment for the app's pages.

Every text goes through `format_html`, so the result is a SafeString that a template can embed as it is. The page
loads nothing from outside (the office network may be closed): the style is embedded and uses the fonts the
office's computers have. Links on cells are kept only when they are relative (a page of the app).

The style is scoped under `.ilj-report`; `STYLE` can be included by a page that embeds the fragment.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe

from iljari.reports.charts import chart_svg
from iljari.reports.document import Block, Cell, Chart, Document, Flow, Heading, Item, Paragraph, Table
from iljari.reports.flows import flow_svg

_ALIGN_CLASSES = {"right": "num", "center": "center"}
_FONTS = '"Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", "Noto Sans KR", "Nanum Gothic", sans-serif'
_LEVELS = "\n".join(f".ilj-report .item.level-{level} {{ margin-left: {level * 1.5}em; }}" for level in range(1, 7))

# A constant of this module, holding no user text.
STYLE = mark_safe(  # noqa: S308 # nosec B308 B703
    f"""
.ilj-report {{ font-family: {_FONTS}; color: #111; line-height: 1.6; word-break: keep-all;
  max-width: 60rem; margin: 0 auto; padding: 1.5rem; }}
.ilj-report .cover {{ text-align: center; margin: 2rem 0 3rem; }}
.ilj-report .cover p {{ margin: .25rem 0; }}
.ilj-report .cover .doc-title {{ font-size: 2rem; font-weight: 700; }}
.ilj-report .title-block {{ margin: 0 0 1.5rem; border-bottom: 2px solid #222; }}
.ilj-report .title-block p {{ margin: .2rem 0; }}
.ilj-report .title-block .doc-title {{ font-size: 1.6rem; font-weight: 700; }}
.ilj-report h1 {{ font-size: 1.5rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin: 2rem 0 1rem; }}
.ilj-report h2 {{ font-size: 1.3rem; margin: 1.5rem 0 .75rem; }}
.ilj-report h3 {{ font-size: 1.15rem; margin: 1.25rem 0 .5rem; }}
.ilj-report h4, .ilj-report h5, .ilj-report h6 {{ font-size: 1.05rem; margin: 1rem 0 .5rem; }}
.ilj-report .item {{ margin: .2rem 0; padding-left: 1.5em; text-indent: -1.5em; }}
.ilj-report .item .marker {{ display: inline-block; width: 1.5em; text-indent: 0; }}
{_LEVELS}
.ilj-report .emphasis {{ font-weight: 700; }}
.ilj-report .framed {{ border: 2px solid #1d3f7a; border-radius: .5rem; padding: .75rem 1rem; text-align: center;
  font-size: 1.2em; margin: .75rem auto; max-width: 36rem; }}
.ilj-report .goals {{ border: 1px solid #333; padding: .3rem .75rem; margin: .5rem 0 .75rem; }}
.ilj-report .table-block {{ margin: 1rem 0; overflow-x: auto; }}
.ilj-report .table-title {{ font-weight: 700; margin: 0 0 .25rem; }}
.ilj-report .unit {{ text-align: right; font-size: .9em; margin: 0 0 .25rem; }}
.ilj-report table {{ border-collapse: collapse; width: 100%; font-size: .95em; }}
.ilj-report caption {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }}
.ilj-report th, .ilj-report td {{ border: 1px solid #444; padding: .25rem .5rem; vertical-align: middle; }}
.ilj-report thead th {{ background: #eee; text-align: center; }}
.ilj-report tbody th {{ background: #f7f7f7; text-align: left; }}
.ilj-report .num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.ilj-report .center {{ text-align: center; }}
.ilj-report .missing {{ color: #777; font-style: italic; }}
.ilj-report .note {{ font-size: .9em; margin: .25rem 0 0; }}
.ilj-report figure.chart {{ margin: 1rem 0; }}
.ilj-report figure.flow {{ margin: 1rem 0; text-align: center; break-inside: avoid; }}
.ilj-report figure.flow figcaption {{ font-weight: 700; margin-bottom: .25rem; }}
.ilj-report figure.flow svg {{ max-width: 100%; height: auto; }}
.ilj-report figure.chart svg {{ max-width: 100%; height: auto; }}
.ilj-report hr.page-break {{ border: 0; border-top: 1px dashed #bbb; margin: 2rem 0; }}
@page {{ size: A4; margin: 15mm; }}
@media print {{
  .ilj-report {{ max-width: none; padding: 0; font-size: 10.5pt; }}
  .ilj-report a {{ color: inherit; text-decoration: none; }}
  .ilj-report .table-block {{ overflow: visible; }}
  .ilj-report thead {{ display: table-header-group; }}
  .ilj-report tr, .ilj-report .item {{ break-inside: avoid; }}
  .ilj-report h1, .ilj-report h2, .ilj-report h3, .ilj-report h4 {{ break-after: avoid; }}
  .ilj-report th {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .ilj-report hr.page-break {{ border: 0; margin: 0; break-after: page; }}
  .ilj-report .new-page {{ break-before: page; }}
}}
"""
)


def _text(text: str) -> SafeString:
    """The text escaped, its line breaks kept as <br>."""
    first, *rest = text.strip().split("\n")
    return format_html("{}{}", first, format_html_join("", "<br>{}", ((line,) for line in rest)))


def _attributes(pairs: list[tuple[str, str | int]]) -> SafeString:
    return format_html_join("", ' {}="{}"', pairs)


def _cell(cell: Cell, *, in_header: bool) -> SafeString:
    pairs: list[tuple[str, str | int]] = []
    if in_header or cell.header:
        tag = "th"
        pairs.append(("scope", "col" if in_header else "row"))
    else:
        tag = "td"
    if cell.colspan > 1:
        pairs.append(("colspan", cell.colspan))
    if cell.rowspan > 1:
        pairs.append(("rowspan", cell.rowspan))
    classes = [_ALIGN_CLASSES[cell.align]] if cell.align in _ALIGN_CLASSES else []
    if cell.missing:
        classes.append("missing")
    if classes:
        pairs.append(("class", " ".join(classes)))
    content = _text(cell.text)
    if cell.link and url_has_allowed_host_and_scheme(cell.link, allowed_hosts=None):
        content = format_html('<a href="{}">{}</a>', cell.link.strip(), content)
    return format_html("<{}{}>{}</{}>", tag, _attributes(pairs), content, tag)


def _rows(rows: list[list[Cell]], *, in_header: bool) -> SafeString:
    cells = (format_html_join("", "{}", ((_cell(cell, in_header=in_header),) for cell in row)) for row in rows)
    return format_html_join("\n", "<tr>{}</tr>", ((row,) for row in cells))


def _table(table: Table) -> SafeString:
    parts = []
    if table.title.strip():
        parts.append(format_html('<p class="table-title">{}</p>', table.title))
    if table.unit_line:
        parts.append(format_html('<p class="unit">{}</p>', table.unit_line))
    inner = []
    caption = table.caption or table.title
    if caption:
        inner.append(format_html("<caption>{}</caption>", caption))
    if table.header:
        inner.append(format_html("<thead>\n{}\n</thead>", _rows(table.header, in_header=True)))
    inner.append(format_html("<tbody>\n{}\n</tbody>", _rows(table.body, in_header=False)))
    parts.append(format_html("<table>{}</table>", _join(inner)))
    parts += [format_html('<p class="note">{}</p>', note) for note in table.notes]
    return format_html('<div class="table-block">\n{}\n</div>', _join(parts))


def _heading(heading: Heading, *, spans: bool = True) -> SafeString:
    level = min(max(heading.level, 1), 6)
    if not heading.number:
        number = ""
    elif spans:
        number = format_html('<span class="num">{}</span> ', heading.number)
    else:
        number = format_html("{} ", heading.number)
    if heading.new_page:  # starts a page when printed (print styles: break-before)
        return format_html('<h{} class="new-page">{}{}</h{}>', level, number, _text(heading.text), level)
    return format_html("<h{}>{}{}</h{}>", level, number, _text(heading.text), level)


def _block(block: Block, *, spans: bool = True) -> SafeString:
    if isinstance(block, Heading):
        return _heading(block, spans=spans)
    if isinstance(block, Item):
        if not block.marker:
            marker = ""
        elif spans:
            marker = format_html('<span class="marker">{}</span> ', block.marker)
        else:  # the marker and an en space (half an em), about the width its hanging indent gives it
            marker = format_html("{}\u2002", block.marker)
        return format_html('<p class="item level-{}">{}{}</p>', max(block.level, 0), marker, _text(block.text))
    if isinstance(block, Paragraph):
        if block.framed:
            return format_html('<p class="emphasis framed"><strong>{}</strong></p>', _text(block.text))
        if block.emphasis:
            return format_html('<p class="emphasis"><strong>{}</strong></p>', _text(block.text))
        return format_html("<p>{}</p>", _text(block.text))
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        # chart_svg escapes every text it draws; the figures are also in the table beside it
        return format_html('<figure class="chart">{}</figure>', mark_safe(chart_svg(block)))  # noqa: S308 # nosec B308 B703
    if isinstance(block, Flow):
        # flow_svg escapes every text it draws; the steps are also its label
        svg = mark_safe(flow_svg(block))  # noqa: S308 # nosec B308 B703
        title = format_html("<figcaption>{}</figcaption>", block.title) if block.title.strip() else ""
        return format_html('<figure class="flow">{}{}</figure>', title, svg)
    return format_html('<hr class="{}">', "page-break")  # PageBreak


GOAL = "◆"


def _blocks(blocks: list[Block], *, spans: bool) -> list[SafeString]:
    """The blocks in order; the ◆ lines that follow one another boxed together (div.goals), and an item that leads
    into a table or a flow marked to stay on its page (p.lead)."""
    parts: list[SafeString] = []
    goals: list[SafeString] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Item) and block.marker == GOAL:
            goals.append(_block(block, spans=spans))
            continue
        if goals:
            parts.append(format_html('<div class="goals">\n{}\n</div>', _join(goals)))
            goals = []
        part = _block(block, spans=spans)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Item) and isinstance(following, Table | Flow):
            part = SafeString(part.replace('<p class="item', '<p class="item lead', 1))  # nosec B703  # a fixed class added to escaped HTML
        parts.append(part)
    if goals:
        parts.append(format_html('<div class="goals">\n{}\n</div>', _join(goals)))
    return parts


def _join(parts: list[SafeString]) -> SafeString:
    return format_html_join("\n", "{}", ((part,) for part in parts))


def _cover(document: Document) -> SafeString:
    lines = [format_html('<p class="doc-title">{}</p>', document.title)]
    if document.organisation:
        lines.append(format_html('<p class="organisation">{}</p>', document.organisation))
    date = " ".join(part for part in (document.date_text, document.as_of_text) if part)
    if date:
        lines.append(format_html('<p class="date">{}</p>', date))
    kind = "cover" if document.cover else "title-block"
    return format_html('<header class="{}">\n{}\n</header>', kind, _join(lines))


def render_html(document: Document, *, standalone: bool = True, spans: bool = True) -> str:
    """A complete HTML page (standalone) or the `<article class="ilj-report">` fragment alone.

    `spans=False` writes the item markers and heading numbers as text, not in `<span>`s of their own: the PDF
    renderer's markup, where every inline box costs layout time (a city-scale report holds thousands of items)."""
    article = format_html(
        '<article class="{}">\n{}\n{}\n</article>',
        "ilj-report" if document.cover else "ilj-report sheet",
        _cover(document),
        _join(_blocks(document.blocks, spans=spans)),
    )
    if not standalone:
        return article
    title = " - ".join(part for part in (document.title, document.organisation) if part)
    return format_html(
        '<!doctype html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        title,
        STYLE,
        article,
    )
