"""The scenario contract shared by every benchmark module.

- `Context`: what a scenario gets (year, as-of date, repeat count, a scratch folder, a writer for progress);
  `heavy_repeat` is the count for the scenarios that take seconds a run (a third of `repeat`, at least 3).
- `Result`: what it returns: its timings in seconds, the goal in words and whether it was met, the reference
  measured in the same run (raw SQL, a bare view, a plain parse) with its timings, the peak memory, a note.
- `@scenario(order)`: registers a function `fn(ctx) -> Result` (or a list of Results) in `REGISTRY`.
- `time_calls(fn, repeat)`: run `fn` `repeat` times and return the wall-clock seconds of each call.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Context:
    year: int
    as_of: date
    repeat: int
    workdir: Path
    say: Callable[[str], None] = print

    @property
    def heavy_repeat(self) -> int:
        """Runs of a scenario that takes seconds each (a PDF, a selection, an import): a third, at least 3."""
        return max(3, self.repeat // 3) if self.repeat >= 3 else self.repeat


@dataclass
class Result:
    name: str
    goal: str
    timings_s: list[float]
    met: bool | None = None
    reference: str = ""
    reference_timings_s: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    note: str = ""

    @property
    def median_s(self) -> float:
        return statistics.median(self.timings_s)

    @property
    def p95_s(self) -> float:
        return percentile(self.timings_s, 0.95)

    @property
    def reference_median_s(self) -> float | None:
        return statistics.median(self.reference_timings_s) if self.reference_timings_s else None

    @property
    def ratio(self) -> float | None:
        reference = self.reference_median_s
        return self.median_s / reference if reference else None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


REGISTRY: list[tuple[int, Callable[[Context], Result | list[Result]]]] = []


def scenario(order: int):
    def register(fn):
        REGISTRY.append((order, fn))
        return fn

    return register


def time_calls(fn: Callable[[], object], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return timings
