"""The name of every file the office downloads, in Korean: `2018 주요업무보고(2018.6.30. 기준).pdf`.

A browser takes the Korean name from `filename*` (RFC 6266 with RFC 5987's UTF-8 encoding); an old client that
reads only `filename` gets the ASCII fallback (the English name the file had before, or the Korean name with its
Hangul left out). Every view that sends a file names it through here, never by writing the header itself.

Contract:
- content_disposition(name, *, fallback="", inline=False) -> str   the header's value
- download_named(response, name, *, fallback="", inline=False) -> response   sets it on a response (and returns it)
- file_name_safe(text) -> str   a text a file name may carry (no path separators or control characters)

Depends on nothing.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

__all__ = ["content_disposition", "download_named", "file_name_safe"]

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')  # what Windows, macOS or a header refuses in a file name
_NOT_ASCII_NAME = re.compile(r"[^A-Za-z0-9._()\-]+")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._()\- ]+")  # sent as it is, quoted: nothing a header parser could misread


def file_name_safe(text) -> str:
    """The text with what a file name may not carry replaced (`/` in a code, a colon in a time), spaces kept."""
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", str(text))).strip(" .")
    return cleaned or "파일"


def _ascii_fallback(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    ascii_stem = _NOT_ASCII_NAME.sub("-", unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode())
    ascii_stem = re.sub(r"-{2,}", "-", ascii_stem).strip("-._") or "download"
    return f"{ascii_stem}.{extension}" if re.fullmatch(r"[A-Za-z0-9]{1,8}", extension) else ascii_stem


def content_disposition(name: str, *, fallback: str = "", inline: bool = False) -> str:
    """`attachment; filename="business-report.pdf"; filename*=UTF-8''2018%20%EC%A3%BC…`"""
    name = file_name_safe(name)
    plain = _ascii_fallback(fallback or name)
    kind = "inline" if inline else "attachment"
    if not fallback and _PLAIN_NAME.fullmatch(name):
        return f'{kind}; filename="{name}"'
    return f"{kind}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def download_named(response, name: str, *, fallback: str = "", inline: bool = False):
    response["Content-Disposition"] = content_disposition(name, fallback=fallback, inline=inline)
    return response
