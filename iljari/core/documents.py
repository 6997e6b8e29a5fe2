"""Documents an app below the reports asks for: the reports app draws them (its renderers) and registers here in its
AppConfig.ready, so that a task of fund (the notices of a batch) can hand its user a document, not a text file,
without importing upward.

Contract:
- document_maker_register(make)   make(*, user, kind, year, as_of, fmt, subject="") -> DocumentFile
- document_make(*, user, kind, year, as_of, fmt, subject="") -> DocumentFile | None   (None: no maker registered)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DocumentFile:
    name: str  # the Korean file name (core.downloads sends it)
    content_type: str
    data: bytes


_maker: list[Callable[..., DocumentFile]] = []


def document_maker_register(make: Callable[..., DocumentFile]) -> None:
    _maker[:] = [make]


def document_make(*, user, kind: str, year: int, as_of: date, fmt: str, subject: str = "") -> DocumentFile | None:
    if not _maker:
        return None
    return _maker[0](user=user, kind=kind, year=year, as_of=as_of, fmt=fmt, subject=subject)
