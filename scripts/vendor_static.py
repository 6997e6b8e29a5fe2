"""Refresh the vendored front-end files: KRDS (krds-uiux), htmx and Apache ECharts, from the npm registry.

    uv run python scripts/vendor_static.py [--krds 1.1.0] [--htmx 2.0.4] [--echarts 5.6.0]

KRDS's published CSS points its icons at the design system's own web site; the office network may be
closed, so every such url() is rewritten to the copy of the icon shipped in the same package, and any
that the package does not ship is replaced by `none`. The script fails if an external address remains.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "iljari" / "web" / "static" / "vendor"
REMOTE_IMG = re.compile(r"""url\((['"]?)https?://(?:www\.)?krds\.go\.kr/resources/img/([^)'"]+)\1\)""")
ANY_REMOTE = re.compile(r"https?://")
FONT_WEIGHTS = {"Regular": 400, "Medium": 500, "Bold": 700}


def npm_pack(spec: str, into: Path) -> Path:
    out = (
        subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(into)],
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    folder = into / spec.split("@")[0]
    with tarfile.open(into / out) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def vendor_krds(version: str, work: Path) -> None:
    package = npm_pack(f"krds-uiux@{version}", work)
    target = VENDOR / "krds"
    shutil.rmtree(target, ignore_errors=True)
    (target / "css").mkdir(parents=True)
    shutil.copytree(package / "resources" / "img" / "component" / "icon", target / "img" / "component" / "icon")
    shutil.copytree(package / "resources" / "fonts", target / "fonts")
    shutil.copytree(package / "resources" / "img" / "component" / "favicon", target / "img" / "favicon")
    css = (package / "resources" / "cdn" / "krds.min.css").read_text(encoding="utf-8")

    def local(match: re.Match) -> str:
        relative = match.group(2)
        return f"url(../img/{relative})" if (target / "img" / relative).exists() else "none"

    css = REMOTE_IMG.sub(local, css)
    leftovers = ANY_REMOTE.findall(css)
    if leftovers:
        raise SystemExit(f"external addresses remain in krds.min.css: {len(leftovers)}")
    (target / "css" / "krds.min.css").write_text(css, encoding="utf-8")
    faces = []
    for weight_name, weight in FONT_WEIGHTS.items():
        stem = f"PretendardGOV-{weight_name}.subset"
        faces.append(
            "@font-face{font-family:'Pretendard GOV';font-style:normal;font-display:swap;"
            f"font-weight:{weight};src:url(../fonts/{stem}.woff2) format('woff2'),"
            f"url(../fonts/{stem}.woff) format('woff');}}"
        )
    (target / "css" / "fonts.css").write_text("\n".join(faces) + "\n", encoding="utf-8")
    (target / "NOTICE.md").write_text(
        f"# KRDS {version}\n\n"
        "From the npm package `krds-uiux` (licence field: ISC), the HTML component kit of the Korea Design\n"
        "System (KRDS), used under the KRDS terms of use. Icon URLs in krds.min.css were rewritten to the\n"
        "local copies by scripts/vendor_static.py. Fonts: Pretendard GOV (SIL Open Font License 1.1).\n",
        encoding="utf-8",
    )


def vendor_htmx(version: str, work: Path) -> None:
    package = npm_pack(f"htmx.org@{version}", work)
    target = VENDOR / "htmx"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy(package / "dist" / "htmx.min.js", target / "htmx.min.js")
    shutil.copy(package / "LICENSE", target / "LICENSE")
    (target / "VERSION").write_text(version + "\n", encoding="utf-8")


def vendor_echarts(version: str, work: Path) -> None:
    package = npm_pack(f"echarts@{version}", work)
    target = VENDOR / "echarts"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    script = (package / "dist" / "echarts.min.js").read_text(encoding="utf-8")
    (target / "echarts.min.js").write_text(script, encoding="utf-8")
    shutil.copy(package / "LICENSE", target / "LICENSE")
    if (package / "NOTICE").exists():
        shutil.copy(package / "NOTICE", target / "NOTICE")
    (target / "VERSION").write_text(version + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--krds", default="1.1.0")
    parser.add_argument("--htmx", default="2.0.4")
    parser.add_argument("--echarts", default="5.6.0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        vendor_krds(args.krds, Path(tmp))
        vendor_htmx(args.htmx, Path(tmp))
        vendor_echarts(args.echarts, Path(tmp))
    print(f"vendored KRDS {args.krds}, htmx {args.htmx} and ECharts {args.echarts} into {VENDOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
