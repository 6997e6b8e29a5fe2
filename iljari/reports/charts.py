"""Charts of a Document (document.Chart) for the formats that draw them: `chart_svg` for html and pdf (vector, text
selectable), `chart_png` for hwpx (an image drawn with Pillow and the vendored Korean font, reports/fonts/).

Both draw the same picture from one layout: grouped bars (or lines) per category, a value axis from zero with
round ticks, the value printed on each bar, a legend when there are several series. Nothing is fetched from
outside; the figures themselves are also in the table beside the chart.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape  # nosec B406  # escaping output: nothing is parsed

from iljari.reports.document import Chart

FONTS = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "'Noto Sans KR', 'Malgun Gothic', sans-serif"
COLOURS = ["#256ef4", "#f0a400", "#2e8540", "#d6453d", "#6e4fbf"]  # KRDS-like primary, warning, success, danger
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 56


@dataclass(frozen=True)
class _Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


def _number(value) -> float | None:
    if value is None:
        return None
    return float(value) if isinstance(value, int | float | Decimal) else None


def _label(value: float, unit: str) -> str:
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    if value < 0:
        text = "△" + text.lstrip("-")
    return f"{text}{unit}" if unit == "%" else text


def _ticks(top: float) -> list[float]:
    """Round tick values from zero to at least `top` (4 to 6 steps)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.ceil(top / step)
    return [step * i for i in range(count + 1)]


def _layout(chart: Chart, width: int, height: int):
    values = [v for series in chart.series for v in (_number(x) for x in series.values) if v is not None]
    ticks = _ticks(max(values + [0.0]))
    top_value = ticks[-1] or 1.0
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    groups = max(len(chart.categories), 1)
    group_w = plot_w / groups
    n = max(len(chart.series), 1)
    bar_w = group_w * 0.7 / n

    def y_of(value: float) -> float:
        return TOP + plot_h - plot_h * max(value, 0) / top_value

    bars: list[_Bar] = []
    for s_index, series in enumerate(chart.series):
        colour = COLOURS[s_index % len(COLOURS)]
        for c_index, raw in enumerate(series.values):
            value = _number(raw)
            if value is None:
                continue
            x = LEFT + c_index * group_w + group_w * 0.15 + s_index * bar_w
            y = y_of(value)
            bars.append(_Bar(x, y, bar_w, TOP + plot_h - y, colour, _label(value, chart.unit)))
    return ticks, y_of, bars, group_w, plot_w, plot_h


def chart_svg(chart: Chart, *, width: int = WIDTH, height: int = HEIGHT, standalone: bool = False) -> str:
    """The chart as an SVG element, for embedding in html (role="img" with the caption as its label; an HTML
    parser puts it in the SVG namespace), or as a standalone .svg file with its namespace declared."""
    ticks, y_of, bars, group_w, plot_w, plot_h = _layout(chart, width, height)
    namespace = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    parts = [
        f'<svg{namespace} viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(chart.caption, {chr(34): "&quot;"})}" font-family="{FONT_FAMILY}" '
        'font-size="11">',
        f"<title>{escape(chart.caption)}</title>",
        f'<text x="{LEFT}" y="18" font-size="13" font-weight="700">{escape(chart.title)}</text>',
    ]
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{_label(tick, chart.unit)}</text>'
        )
    if chart.kind == "line":
        for s_index, series in enumerate(chart.series):
            points = [
                (LEFT + i * group_w + group_w / 2, y_of(v))
                for i, v in enumerate(_number(x) for x in series.values)
                if v is not None
            ]
            colour = COLOURS[s_index % len(COLOURS)]
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
            parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points]
    else:
        for bar in bars:
            parts.append(
                f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}" height="{bar.height:.1f}" '
                f'fill="{bar.colour}"/>'
            )
            parts.append(
                f'<text x="{bar.x + bar.width / 2:.1f}" y="{bar.y - 3:.1f}" text-anchor="middle" '
                f'font-size="10">{escape(bar.label)}</text>'
            )
    for index, category in enumerate(chart.categories):
        x = LEFT + index * group_w + group_w / 2
        parts.append(f'<text x="{x:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{escape(category)}</text>')
    parts.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#333"/>')
    if len(chart.series) > 1:
        x = LEFT
        for s_index, series in enumerate(chart.series):
            colour = COLOURS[s_index % len(COLOURS)]
            parts.append(f'<rect x="{x}" y="{height - 18}" width="10" height="10" fill="{colour}"/>')
            parts.append(f'<text x="{x + 14}" y="{height - 9}">{escape(series.name)}</text>')
            x += 14 + 12 * max(len(series.name), 2) + 16
    parts.append("</svg>")
    return "\n".join(parts)


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False):
    from PIL import ImageFont  # deferred: Pillow is heavy and only the hwpx renderer draws PNG charts

    return ImageFont.truetype(str(FONTS / ("NotoSansKR-Bold.ttf" if bold else "NotoSansKR-Regular.ttf")), size)


def chart_png(chart: Chart, *, width: int = WIDTH, height: int = HEIGHT, scale: int = 2) -> bytes:
    """The same chart as a PNG image (`scale` times the size, for print), with the vendored font."""
    from PIL import Image, ImageDraw  # deferred: Pillow is heavy and only the hwpx renderer draws PNG charts

    ticks, y_of, bars, group_w, plot_w, plot_h = _layout(chart, width, height)
    image = Image.new("RGB", (width * scale, height * scale), "white")
    draw = ImageDraw.Draw(image)

    def s(value: float) -> int:
        return round(value * scale)

    draw.text((s(LEFT), s(6)), chart.title, fill="#111", font=_font(13 * scale, bold=True))
    small = _font(10 * scale)
    regular = _font(11 * scale)
    for tick in ticks:
        y = y_of(tick)
        draw.line([(s(LEFT), s(y)), (s(LEFT + plot_w), s(y))], fill="#dddddd", width=scale)
        draw.text((s(LEFT - 6), s(y)), _label(tick, chart.unit), fill="#555555", font=regular, anchor="rm")
    if chart.kind == "line":
        for s_index, series in enumerate(chart.series):
            points = [
                (s(LEFT + i * group_w + group_w / 2), s(y_of(v)))
                for i, v in enumerate(_number(x) for x in series.values)
                if v is not None
            ]
            colour = COLOURS[s_index % len(COLOURS)]
            if len(points) > 1:
                draw.line(points, fill=colour, width=2 * scale)
            for x, y in points:
                draw.ellipse([x - 3 * scale, y - 3 * scale, x + 3 * scale, y + 3 * scale], fill=colour)
    else:
        for bar in bars:
            draw.rectangle([s(bar.x), s(bar.y), s(bar.x + bar.width), s(bar.y + bar.height)], fill=bar.colour)
            draw.text((s(bar.x + bar.width / 2), s(bar.y - 3)), bar.label, fill="#111", font=small, anchor="ms")
    for index, category in enumerate(chart.categories):
        x = LEFT + index * group_w + group_w / 2
        draw.text((s(x), s(TOP + plot_h + 16)), category, fill="#111", font=regular, anchor="ms")
    draw.line([(s(LEFT), s(TOP + plot_h)), (s(LEFT + plot_w), s(TOP + plot_h))], fill="#333333", width=scale)
    if len(chart.series) > 1:
        x = LEFT
        for s_index, series in enumerate(chart.series):
            colour = COLOURS[s_index % len(COLOURS)]
            draw.rectangle([s(x), s(height - 18), s(x + 10), s(height - 8)], fill=colour)
            draw.text((s(x + 14), s(height - 9)), series.name, fill="#111", font=regular, anchor="ls")
            x += 14 + 12 * max(len(series.name), 2) + 16
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
