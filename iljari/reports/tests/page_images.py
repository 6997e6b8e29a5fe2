"""Page images: chosen pages of a PDF drawn to PNG (`pdftoppm -r 40`) and compared with the images stored under
docs/report-pages/, so that a change of the report's layout is seen (and looked at) rather than passing unnoticed.

- page_image(pdf, number) -> PIL.Image        page `number` (1 = the first, the cover) in RGB at 40 dpi
- page_difference(a, b) -> float               the share of pixels (in %) whose grey level differs by more than
                                               NOISE_FLOOR; images of different sizes differ by 100
- page_image_check(name, image) -> str | None  compared with docs/report-pages/<name>.png: None when the page is
                                               the same within PAGE_TOLERANCE, else what differs and how to refresh;
                                               with ILJARI_UPDATE_PAGE_IMAGES=1 the stored image is written instead

The pages are stable: the only font is the vendored one (reports/fonts) and the data is the demo's fixtures. The
measure forgives anti-aliasing (a glyph's edge drawn a shade lighter or darker: differences under the noise floor,
and the few pixels of a third of a pixel's shift, under 0.05% of the 2018 pages), not a layout change (the
text one pixel lower changes 0.7% to 6% of them). A mean absolute difference was measured first and dropped: it
grows with a page's ink, so a light blur of a dense page scored above a one-pixel move of a sparse one.
"""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

from PIL import Image, ImageChops

PAGES_DIR = Path(__file__).resolve().parents[3] / "docs" / "report-pages"
RESOLUTION = 40  # dpi: an A4 page is 331 × 468 pixels
NOISE_FLOOR = 64  # grey levels (of 255) a pixel may differ by and count as the same: anti-aliasing
PAGE_TOLERANCE = 0.1  # % of the page's pixels that may differ by more than NOISE_FLOOR
UPDATE_VARIABLE = "ILJARI_UPDATE_PAGE_IMAGES"
REFRESH = (
    f"If the change is meant, refresh the images: {UPDATE_VARIABLE}=1 .venv/bin/pytest "
    "iljari/reports/tests/test_report_pages.py, look at them and commit docs/report-pages/*.png"
)


def page_image(pdf: bytes, number: int) -> Image.Image:
    """Page `number` of the PDF (1-based) as pdftoppm draws it at RESOLUTION dpi, in RGB."""
    result = subprocess.run(  # noqa: S603 - a fixed program reading the PDF's bytes from its standard input
        ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(number), "-l", str(number), "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    )
    with Image.open(io.BytesIO(result.stdout)) as image:
        return image.convert("RGB")


def page_difference(a: Image.Image, b: Image.Image) -> float:
    if a.size != b.size:
        return 100.0
    histogram = ImageChops.difference(a.convert("L"), b.convert("L")).histogram()
    return 100 * sum(histogram[NOISE_FLOOR + 1 :]) / sum(histogram)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def page_image_check(name: str, image: Image.Image, *, directory: Path = PAGES_DIR) -> str | None:
    stored = directory / f"{name}.png"
    if os.environ.get(UPDATE_VARIABLE) == "1":
        directory.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(_png(image))
        return None
    if not stored.exists():
        return f"{name}: no stored image {stored}. {REFRESH}"
    with Image.open(stored) as kept:
        difference = page_difference(image, kept)
        kept_size = kept.size
    if difference <= PAGE_TOLERANCE:
        return None
    drawn = directory / f"{name}.new.png"  # beside the stored one, to look at (ignored by git)
    drawn.write_bytes(_png(image))
    sizes = f" (size {kept_size} -> {image.size})" if kept_size != image.size else ""
    return (
        f"{name}: the page differs from its stored image: {difference:.2f}% of its pixels > {PAGE_TOLERANCE}%"
        f"{sizes}; drawn now: {drawn}. {REFRESH}"
    )
