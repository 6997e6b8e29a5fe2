"""What `iljari demo` writes on the console: the progress of the demo dataset's parts as they load, and the table
of the demo accounts lined up in a terminal (Korean characters take two columns there)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from iljari.core.progress import TerminalProgress


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide and full-width characters (한글) two, the others one (also the
    ambiguous ones such as ·, as terminals show them unless set to East Asian ambiguous width)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def display_pad(text: str, width: int) -> str:
    """`text` with spaces after it up to `width` terminal columns."""
    return text + " " * max(width - display_width(text), 0)


def account_table(rows: Iterable[dict]) -> list[str]:
    """The demo accounts (role, username, password) as lines whose columns line up in a terminal."""
    rows = list(rows)
    role_width = max((display_width(row["role"]) for row in rows), default=0)
    name_width = max((display_width(row["username"]) for row in rows), default=0)
    return [
        f"  {display_pad(row['role'], role_width)}  {display_pad(row['username'], name_width)}  {row['password']}"
        for row in rows
    ]


class PartProgress:
    """Reports each part of the demo dataset: a bar redrawn on `bar_stream` when it is a terminal
    (core.progress.TerminalProgress), otherwise one line per finished part on `write`
    ("2018 주요업무보고 … 완료 (2.1초)")."""

    def __init__(self, write, bar_stream=None):
        self.write = write
        self.bar = TerminalProgress(bar_stream)

    def start(self, done: int, total: int, label: str) -> None:
        self.bar(done, total, label)

    def finish(self, done: int, total: int, label: str, seconds: float) -> None:
        if self.bar.enabled:
            self.bar(done, total, label)
        else:
            self.write(f"{label} … 완료 ({seconds:.1f}초)")

    def close(self) -> None:
        self.bar.close()
