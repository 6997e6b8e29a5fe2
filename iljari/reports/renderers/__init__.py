"""Renderers: a Document into each output format, by name ("md", "html", "xlsx", "pdf", "hwpx").

`render(document, fmt)` returns the bytes to send or save; `CONTENT_TYPES` and `EXTENSIONS` give the HTTP content
type and the file extension (with its dot) of each format. The pdf and hwpx renderers are imported when first used
(WeasyPrint needs the system's Pango library, which a machine without it lacks: then only pdf is unavailable).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from iljari.core.http import XLSX
from iljari.reports.document import Document
from iljari.reports.renderers.html import render_html
from iljari.reports.renderers.markdown import render_md
from iljari.reports.renderers.xlsx import render_xlsx


def _later(module: str, name: str) -> Callable[[Document], bytes]:
    def renderer(document: Document) -> bytes:
        return getattr(import_module(module), name)(document)

    return renderer


RENDERERS: dict[str, Callable[[Document], str | bytes]] = {
    "md": render_md,
    "html": render_html,
    "xlsx": render_xlsx,
    "pdf": _later("iljari.reports.renderers.pdf", "render_pdf"),
    "hwpx": _later("iljari.reports.renderers.hwpx", "render_hwpx"),
}

CONTENT_TYPES: dict[str, str] = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "xlsx": XLSX,
    "pdf": "application/pdf",
    "hwpx": "application/hwp+zip",
}

EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "xlsx": ".xlsx", "pdf": ".pdf", "hwpx": ".hwpx"}
BINARY = {"xlsx", "pdf", "hwpx"}  # written to a file, never to a terminal


def render(document: Document, fmt: str) -> bytes:
    """The document in format `fmt` as bytes (text formats encoded in UTF-8). Raises ValueError for an unknown
    format."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"지원하지 않는 보고서 형식입니다: {fmt!r} (가능한 형식: {', '.join(RENDERERS)})")
    output = renderer(document)
    return output.encode("utf-8") if isinstance(output, str) else output
