"""Find uv, or fetch it with nothing but Python's standard library; print the path of the uv binary.

A fresh Debian or Ubuntu machine has python3 but may have neither pip, venv nor curl. In order:
1. uv on PATH;  2. a uv fetched earlier into var/tools/;  3. pip, if present (it honours the machine's
index settings);  4. uv's wheel straight from PyPI (ILJARI_PYPI to use a mirror), checked against the
SHA-256 that PyPI publishes, unpacked into var/tools/bin/uv.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin

UV_VERSION = os.environ.get("ILJARI_UV_VERSION", "0.13.9")
ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "var" / "tools"
PYPI = os.environ.get("ILJARI_PYPI", "https://pypi.org").rstrip("/")


def log(message: str) -> None:
    print(f"[bootstrap] {message}", file=sys.stderr)


def from_pip() -> Path | None:
    if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        return None
    target = TOOLS / "pip"
    log(f"installing uv {UV_VERSION} with pip into {target}")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(target),
            f"uv=={UV_VERSION}",
        ],
        capture_output=True,
        text=True,
    )
    binary = target / "bin" / "uv"
    if result.returncode != 0 or not binary.exists():
        log("pip could not install uv; trying PyPI directly")
        return None
    return binary


def wheel_tag() -> str:
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    if sys.platform.startswith("linux"):
        return f"manylinux_2_17_{arch}"
    if sys.platform == "darwin":
        return "macosx"
    raise SystemExit(f"no uv wheel for {sys.platform}/{machine}: install uv yourself")


def from_pypi() -> Path:
    index = f"{PYPI}/pypi/uv/json"
    with urllib.request.urlopen(index, timeout=60) as response:  # noqa: S310
        project = json.load(response)
    release = project.get("releases", {}).get(UV_VERSION) or (
        project["urls"] if project["info"]["version"] == UV_VERSION else []
    )
    tag = wheel_tag()
    files = [f for f in release if f["filename"].endswith(".whl") and tag in f["filename"]]
    if not files:
        raise SystemExit(f"PyPI has no uv {UV_VERSION} wheel for {tag}")
    wheel = files[0]
    log(f"downloading {wheel['filename']}")
    with urllib.request.urlopen(urljoin(index, wheel["url"]), timeout=300) as response:  # noqa: S310
        payload = response.read()
    if hashlib.sha256(payload).hexdigest() != wheel["digests"]["sha256"]:
        raise SystemExit("the downloaded uv wheel does not match PyPI's SHA-256: refusing to use it")
    binary = TOOLS / "bin" / "uv"
    binary.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        member = next(name for name in archive.namelist() if name.endswith("/scripts/uv"))
        binary.write_bytes(archive.read(member))
    binary.chmod(binary.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return binary


def main() -> None:
    found = shutil.which("uv")
    if found:
        print(found)
        return
    for candidate in (TOOLS / "bin" / "uv", TOOLS / "pip" / "bin" / "uv"):
        if candidate.exists():
            print(candidate)
            return
    print(from_pip() or from_pypi())


if __name__ == "__main__":
    main()
