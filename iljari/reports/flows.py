"""Flow diagrams of a Document (document.Flow), drawn as the 2018 report draws the fund's flow: one box per step,
top to bottom, a downward arrow between two boxes. `flow_svg` for html and pdf (vector, text selectable),
`flow_png` for hwpx (Pillow and the vendored Korean font, as reports.charts). Both draw from one layout."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape  # nosec B406  # escaping output: nothing is parsed

from iljari.reports.charts import FONT_FAMILY, _font
from iljari.reports.document import Flow

FONT_SIZE = 13
BOX_HEIGHT = 30
GAP = 24  # the arrow between two boxes
MARGIN = 4
MIN_BOX_WIDTH = 220
BOX_FILL = "#eef2fb"
LINE = "#1d3f7a"


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    width: float
    text: str


def _text_width(text: str) -> float:
    """About how wide the text prints at FONT_SIZE: a Korean (wide) character an em, others half."""
    return sum(FONT_SIZE if unicodedata.east_asian_width(char) in "WF" else FONT_SIZE * 0.6 for char in text)


def _layout(flow: Flow) -> tuple[int, int, list[_Box]]:
    box_width = max([MIN_BOX_WIDTH, *(_text_width(step) + 32 for step in flow.steps)])
    width = round(box_width + 2 * MARGIN)
    boxes = [
        _Box(MARGIN, MARGIN + index * (BOX_HEIGHT + GAP), box_width, step) for index, step in enumerate(flow.steps)
    ]
    height = round(2 * MARGIN + len(boxes) * BOX_HEIGHT + max(len(boxes) - 1, 0) * GAP)
    return width, height, boxes


def flow_caption(flow: Flow) -> str:
    return f"{flow.title}: " + " → ".join(flow.steps) if flow.title else " → ".join(flow.steps)


def flow_svg(flow: Flow) -> str:
    """The flow as an SVG element for embedding in html (role="img", the steps in words as its label)."""
    width, height, boxes = _layout(flow)
    caption = flow_caption(flow)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(caption, {chr(34): "&quot;"})}" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}">',
        f"<title>{escape(caption)}</title>",
    ]
    for index, box in enumerate(boxes):
        parts.append(
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{BOX_HEIGHT}" rx="4" '
            f'fill="{BOX_FILL}" stroke="{LINE}" stroke-width="1.2"/>'
        )
        parts.append(
            f'<text x="{box.x + box.width / 2:.1f}" y="{box.y + BOX_HEIGHT / 2 + FONT_SIZE * 0.35:.1f}" '
            f'text-anchor="middle">{escape(box.text)}</text>'
        )
        if index:
            x, top, bottom = box.x + box.width / 2, box.y - GAP + 2, box.y - 2
            parts.append(f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom - 6:.1f}" stroke="{LINE}"/>')
            parts.append(
                f'<polygon points="{x - 5:.1f},{bottom - 7:.1f} {x + 5:.1f},{bottom - 7:.1f} {x:.1f},{bottom:.1f}" '
                f'fill="{LINE}"/>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def flow_png(flow: Flow, *, scale: int = 2) -> tuple[bytes, int, int]:
    """The same diagram as a PNG image (`scale` times the size, for print), and its width and height in points."""
    from PIL import Image, ImageDraw  # deferred: Pillow is heavy and only the hwpx renderer draws PNG

    width, height, boxes = _layout(flow)
    image = Image.new("RGB", (width * scale, height * scale), "white")
    draw = ImageDraw.Draw(image)

    def s(value: float) -> int:
        return round(value * scale)

    font = _font(FONT_SIZE * scale)
    for index, box in enumerate(boxes):
        draw.rounded_rectangle(
            [s(box.x), s(box.y), s(box.x + box.width), s(box.y + BOX_HEIGHT)],
            radius=s(4),
            fill=BOX_FILL,
            outline=LINE,
            width=scale,
        )
        draw.text((s(box.x + box.width / 2), s(box.y + BOX_HEIGHT / 2)), box.text, fill="#111", font=font, anchor="mm")
        if index:
            x, top, bottom = box.x + box.width / 2, box.y - GAP + 2, box.y - 2
            draw.line([(s(x), s(top)), (s(x), s(bottom - 6))], fill=LINE, width=scale)
            draw.polygon([(s(x - 5), s(bottom - 7)), (s(x + 5), s(bottom - 7)), (s(x), s(bottom))], fill=LINE)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue(), width, height
