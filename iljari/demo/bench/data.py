"""What the scenario modules share: a block whose writes are rolled back, synthetic people, a programme to hang
the synthetic calls on, and a rolled-back timing loop (each repeat starts from the same rows).

Synthetic rows never touch real ones: their names start with `벤치`, their blind index is a hash of a benchmark
serial (never of a resident number), their codes start with `BENCH`."""

from __future__ import annotations

import hashlib
import random
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction

from iljari.core.bulk import rows_insert
from iljari.demo.bench.base import REGISTRY, Context
from iljari.org.models import District
from iljari.people.models import Person
from iljari.plan.models import Programme


class _Rollback(Exception):
    pass


@contextmanager
def rolled_back():
    """A transaction (or savepoint) that is always rolled back: the database is left as it was."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


def time_rolled_back(fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    """Run `fn` `repeat` times, each inside a savepoint rolled back afterwards, so every run does the whole work
    on the same rows (no run profits from what the one before wrote). Returns the timings and the last result."""
    timings, result = [], None
    for _ in range(repeat):
        with rolled_back():
            start = time.perf_counter()
            result = fn()
            timings.append(time.perf_counter() - start)
    return timings, result


def synthetic_rrn(birth: date, serial: int) -> str:
    """A resident number of the right shape for `birth` (men: 1 before 2000, 3 after), unique per serial."""
    return f"{birth:%y%m%d}{'1' if birth.year < 2000 else '3'}{serial:06d}"


def synthetic_people(count: int, *, seed: int = 1) -> list[int]:
    """`count` persons aged 19–38 on 2018-01-01, living in a Seoul district, 5% basic livelihood recipients,
    bulk-inserted; returns their ids in insertion order."""
    generator = random.Random(seed)
    districts = list(District.objects.order_by("pk").values_list("pk", flat=True))
    if not districts:
        raise RuntimeError("자치구 자료가 없습니다: 먼저 `iljari demo --no-serve`(또는 generate)를 실행하십시오.")
    rows = []
    for index in range(count):
        birth = date(1980, 1, 1) + timedelta(days=generator.randrange(0, 365 * 18))
        rows.append(
            (
                f"벤치{index}",
                birth,
                "M",
                synthetic_rrn(birth, index),
                hashlib.sha256(f"iljari-bench-{seed}-{index}".encode()).hexdigest(),
                generator.choice(districts),
                "none",
                True,
                generator.random() < 0.05,
            )
        )
    fields = (
        "name",
        "birth_date",
        "sex",
        "rrn",
        "rrn_index",
        "district",
        "income_status",
        "job_seeker_registered",
        "basic_livelihood_recipient",
    )
    rows_insert(Person, fields, rows)
    indexes = [row[4] for row in rows]
    found: dict[str, int] = {}
    for start in range(0, len(indexes), 5000):
        found.update(Person.objects.filter(rrn_index__in=indexes[start : start + 5000]).values_list("rrn_index", "pk"))
    return [found[index] for index in indexes]


def bench_programme(*, with_terms: bool = False):
    """The programme the synthetic calls belong to: the demo's 뉴딜일자리 (P1-03) when it is there, otherwise the
    first programme (with participation terms, when a scenario pays people)."""
    programmes = Programme.objects.select_related("division").order_by("pk")
    if with_terms:
        programmes = programmes.filter(participation_terms__isnull=False)
    programme = programmes.filter(code="P1-03").first() or programmes.first()
    if programme is None:
        raise RuntimeError("사업 자료가 없습니다: 먼저 `iljari demo --no-serve`(또는 generate)를 실행하십시오.")
    return programme


def module_run(module, *, repeat: int, say: Callable[[str], None]) -> list:
    """Run the scenarios one module registered (what `iljari bench_programmes` and `bench_fund` still offer on
    their own; `iljari bench` runs every module) and return their Results."""
    ctx = Context(year=2018, as_of=date(2018, 6, 30), repeat=repeat, workdir=Path(tempfile.mkdtemp()), say=say)
    results = []
    for _, fn in sorted((entry for entry in REGISTRY if entry[1].__module__ == module.__name__), key=lambda e: e[0]):
        outcome = fn(ctx)
        results += outcome if isinstance(outcome, list) else [outcome]
    return results


def results_table(results) -> str:
    """The Results as a Markdown table: median and p95, the goal and whether it was met, the reference, the ratio."""
    lines = [
        "| scenario | median s | p95 s | goal | met | reference | reference s | ratio | note |",
        "|---|---:|---:|---|---|---|---:|---:|---|",
    ]
    for r in results:
        met = {True: "yes", False: "**no**", None: "—"}[r.met]
        reference = f"{r.reference_median_s:.3f}" if r.reference_median_s is not None else "—"
        ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "—"
        lines.append(
            f"| {r.name} | {r.median_s:.3f} | {r.p95_s:.3f} | {r.goal} | {met} | {r.reference or '—'} | {reference} "
            f"| {ratio} | {r.note} |"
        )
    return "\n".join(lines)
