"""Vendor the Korean font the documents need (PDF pages, chart images), so that no system font is required.

    python3 scripts/vendor_fonts.py        (needs npm for the download and the project's venv for fontTools)

Noto Sans KR (SIL Open Font License 1.1) comes from the npm registry (@expo-google-fonts/noto-sans-kr, the Google
Fonts TTFs) and is cut down with fontTools to what Korean office documents use, to keep the repository small:

- Regular: every Hangul syllable (11,172), the KS X 1001 repertoire (its 4,888 Hanja such as 市 and 休, the symbols
  □ ○ ◆ ※ ▶ △, Ⅰ Ⅱ Ⅲ, ① ②, ㎡ …), Latin, punctuation and the general symbol blocks;
- Bold: the KS X 1001 repertoire and the same Latin and symbols (headings and emphasis; a rarer syllable in bold
  falls back to Regular).

The output goes to iljari/reports/fonts/ with the licence; run again to refresh, commit the result.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@expo-google-fonts/noto-sans-kr"
VERSION = "0.4.3"
ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "iljari" / "reports" / "fonts"
WEIGHTS = {"Regular": "400Regular", "Bold": "700Bold"}
BLOCKS = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1, Latin Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x20CF),  # super/subscripts, currency (₩)
    (0x2100, 0x218F),  # letterlike symbols, number forms (Ⅰ Ⅱ Ⅲ)
    (0x2190, 0x23FF),  # arrows (⇒), mathematical operators, technical
    (0x2460, 0x24FF),  # enclosed alphanumerics (① ②)
    (0x2500, 0x26FF),  # box drawing, geometric shapes (□ ○ ◆ ▶ △), misc symbols
    (0x3000, 0x303F),  # CJK punctuation (「 」 〈 〉)
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility (㈜ ㎡)
    (0xFF00, 0xFFEF),  # full-width forms
]
HANGUL = (0xAC00, 0xD7A3)


def ks_x_1001() -> set[int]:
    """Every character of KS X 1001 (the EUC-KR repertoire)."""
    codes = set()
    for high in range(0xA1, 0xFF):
        for low in range(0xA1, 0xFF):
            try:
                codes.update(ord(c) for c in bytes([high, low]).decode("euc_kr"))
            except UnicodeDecodeError:
                continue
    return codes


def download(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True)
    archive = next(workdir.glob("*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def subset(source: Path, codes: set[int]) -> bytes:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    options = ft_subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def main() -> int:
    base = {code for first, last in BLOCKS for code in range(first, last + 1)} | ks_x_1001()
    wanted = {"Regular": base | set(range(HANGUL[0], HANGUL[1] + 1)), "Bold": base}
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        package = download(Path(tmp))
        sizes = {}
        for weight, folder in WEIGHTS.items():
            data = subset(package / folder / f"NotoSansKR_{folder}.ttf", wanted[weight])
            name = f"NotoSansKR-{weight}.ttf"
            (TARGET / name).write_bytes(data)
            sizes[name] = len(data)
        licence = package / "LICENSE_FONT"
        (TARGET / "OFL.txt").write_text(licence.read_text(encoding="utf-8"), encoding="utf-8")
    (TARGET / "fonts.json").write_text(
        json.dumps({"source": f"{PACKAGE}@{VERSION}", "licence": "OFL-1.1", "files": sizes}, indent=2) + "\n",
        encoding="utf-8",
    )
    for name, size in sizes.items():
        print(f"{TARGET / name}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
