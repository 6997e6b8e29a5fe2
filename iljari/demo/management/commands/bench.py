"""`iljari bench [--only NAME…] [--repeat 15] [--write docs/benchmarks.md]`: run every benchmark scenario of
iljari/demo/bench (the modules in MODULES, each scenario registered in base.REGISTRY) on the current database and
print, per scenario, the goal, median and p95, the reference measured in the same run, the ratio and whether the
goal was met, with the machine, the dataset and the command. With --write, the file keeps one section per dataset
and engine ("city scale, postgresql", "demo data, sqlite", …; a run with --only has its own section, "… (only
office)"): a run replaces its own section and keeps the rest.

`--only` takes module names (`office`, `pages`, …) or scenario function names."""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from iljari.demo.bench import MODULES
from iljari.demo.bench.base import REGISTRY, Context, Result
from iljari.demo.bench.measure import ScenarioError
from iljari.frontline.models import Booking, Consultation
from iljari.fund.models import Loan
from iljari.intake.models import Application
from iljari.org.models import Partner
from iljari.participation.models import Placement, WorkRecord
from iljari.people.models import Person
from iljari.plan.models import Programme

HEAD = "# Benchmarks\n\n`uv run iljari bench --write docs/benchmarks.md`: one section per dataset and database.\n"


class Command(BaseCommand):
    help = "벤치마크 시나리오를 모두(또는 --only 로 고른 것만) 실행하고 목표·기준값과 함께 결과를 씁니다."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="+", default=[], metavar="NAME", help="모듈 또는 시나리오 이름")
        parser.add_argument("--repeat", type=int, default=15)
        parser.add_argument("--year", type=int, default=2018)
        parser.add_argument("--as-of", default="2018-06-30")
        parser.add_argument("--write", type=Path, help="결과를 이 Markdown 파일에 씁니다 (예: docs/benchmarks.md)")

    def handle(self, *args, only, repeat, year, as_of, write, **options):
        try:
            day = date.fromisoformat(as_of)
        except ValueError as exc:
            raise CommandError("--as-of 는 2018-06-30 처럼 씁니다.") from exc
        if repeat < 1:
            raise CommandError("--repeat 는 1 이상이어야 합니다.")
        for name in MODULES:
            importlib.import_module(f"iljari.demo.bench.{name}")
        chosen = [
            fn
            for _, fn in sorted(REGISTRY, key=lambda item: item[0])
            if not only or fn.__module__.rsplit(".", 1)[-1] in only or fn.__name__ in only
        ]
        if not chosen:
            raise CommandError(f"고른 시나리오가 없습니다. 모듈: {', '.join(MODULES)}")
        results: list[Result] = []
        with tempfile.TemporaryDirectory(prefix="iljari-bench-") as workdir:
            ctx = Context(year=year, as_of=day, repeat=repeat, workdir=Path(workdir), say=self._say)
            for fn in chosen:
                self._say(f"[{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}]")
                try:
                    made = fn(ctx)
                except ScenarioError as exc:
                    raise CommandError(str(exc)) from exc
                results += made if isinstance(made, list) else [made]
        title, text = section(results, repeat=repeat, only=only)
        self.stdout.write(f"## {title}\n\n{text}")
        if write:
            write.write_text(with_section(write, title, text), encoding="utf-8")
            self.stdout.write(f"{write} 에 썼습니다.")

    def _say(self, text: str) -> None:
        self.stdout.write(f"{timezone.localtime():%H:%M:%S} {text}")
        self.stdout.flush()


def machine() -> str:
    memory = ""
    with contextlib.suppress(ValueError, OSError, AttributeError):
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.1f} GB RAM"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]} on the same machine"
    else:
        database = f"SQLite {sqlite3.sqlite_version}"
    return f"{os.cpu_count()} cores{memory}; {database}"


def dataset() -> tuple[str, str]:
    """(short name, description with row counts) of the data in the database."""
    made_by = Partner.objects.filter(code="S-INT-1").values_list("note", flat=True).first() or ""
    match = re.search(r"--scale (\w+) --seed (\d+)", made_by)
    name = f"{match[1]} scale" if match else "demo data"
    counts = [
        ("programmes", Programme.objects.count()),
        ("persons", Person.objects.count()),
        ("applications", Application.objects.count()),
        ("placements", Placement.objects.count()),
        ("work records", WorkRecord.objects.count()),
        ("loans", Loan.objects.count()),
        ("consultations", Consultation.objects.count()),
        ("bookings", Booking.objects.count()),
    ]
    source = f"`uv run iljari generate --scale {match[1]} --seed {match[2]}`" if match else "`uv run iljari demo`"
    return name, f"{source}: " + ", ".join(f"{n:,} {label}" for label, n in counts)


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:,.1f}"


def section(results: list[Result], *, repeat: int, only: list[str]) -> tuple[str, str]:
    name, described = dataset()
    command = "uv run iljari bench" + (f" --only {' '.join(only)}" if only else "") + " --write docs/benchmarks.md"
    rows = []
    for r in results:
        met = "—" if r.met is None else ("met" if r.met else "**missed**")
        ratio = "—" if r.ratio is None else f"{r.ratio:.1f}×"
        peak = "—" if r.peak_mb is None else f"{r.peak_mb:,.0f}"
        rows.append(
            f"| {r.name} | {r.goal} | {_ms(r.median_s)} | {_ms(r.p95_s)} | {r.reference or '—'} | "
            f"{_ms(r.reference_median_s)} | {ratio} | {met} | {peak} | {len(r.timings_s)} | {r.note} |"
        )
    text = "\n".join(
        [
            f"Measured {timezone.localtime():%Y-%m-%d %H:%M} ({timezone.get_current_timezone_name()}) with "
            f"`{command}` ({repeat} repeats; the scenarios of seconds a run — PDF, HWPX, eligibility, selection, "
            "Excel import — a third of them, at least 3), in-process test client (the HTTP scenario: gunicorn and a "
            "loopback load tool).",
            f"Machine: {machine()}. Dataset: {described}.",
            "",
            "| scenario | goal | median ms | p95 ms | reference | reference median ms | ratio | goal | peak MB "
            "| runs | note |",
            "|---|---|---:|---:|---|---:|---:|---|---:|---:|---|",
            *rows,
            "",
        ]
    )
    title = f"{name}, {connection.vendor}" + (f" (only {' '.join(only)})" if only else "")
    return title, text  # a partial run keeps its own section: it never replaces the full run's


def with_section(path: Path, title: str, text: str) -> str:
    """The file with this section replaced (or added); the other sections and the notes before them kept."""
    current = path.read_text(encoding="utf-8") if path.exists() else HEAD
    block = f"## {title}\n\n{text}"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        return pattern.sub(lambda _: block + "\n", current, count=1).rstrip() + "\n"
    return current.rstrip() + "\n\n" + block
