"""A progress bar for the commands (`iljari report`, the imports and batches): drawn on a terminal, silent when the
output is a file or a pipe, so that logs stay clean. The same `progress(done, total, step)` callback the background
jobs take (core.jobs.JobRun.progress), so one piece of work reports to either."""

from __future__ import annotations

import sys


class TerminalProgress:
    def __init__(self, stream=None, *, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.drawn = False

    @property
    def enabled(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int, step: str = "") -> None:
        if not self.enabled:
            return
        total = max(total, 1)
        filled = self.width * min(done, total) // total
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {step[:40]:<40}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
