"""`iljari generate --scale city|small [--seed N] [--years 5] [--reset] [--write docs/scale.md]`: fill the current
database with a synthetic Seoul-sized office (see iljari/demo/scale). Applies the migrations first, so an empty
database needs no other step. Refuses a database that already holds data unless --reset (which empties every table
first; nothing the migrations own is dropped)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from iljari.demo.scale import SCALES, generate
from iljari.demo.scale.generator import YEARS, database_has_data, table_counts


class Command(BaseCommand):
    help = "도시 규모(또는 그 1/1000)의 합성 자료로 현재 데이터베이스를 채웁니다."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        parser.add_argument("--seed", type=int, default=2018)
        parser.add_argument("--years", type=int, default=len(YEARS), help="자료 기간(연). 2014~2018의 5년만 됩니다.")
        parser.add_argument("--reset", action="store_true", help="이미 있는 자료를 모두 지우고 만듭니다.")
        parser.add_argument("--write", type=Path, help="표(표별 행 수, 단계별 시간)를 이 Markdown 파일에 씁니다.")

    def handle(self, *args, scale, seed, years, reset, write, **options):
        if years != len(YEARS):
            raise CommandError(f"자료 기간은 {YEARS[0]}~{YEARS[-1]}년의 {len(YEARS)}년만 만들 수 있습니다.")
        call_command("migrate", interactive=False, verbosity=0)  # an empty database gets its tables first
        if database_has_data():
            if not reset:
                raise CommandError(
                    "데이터베이스에 이미 자료가 있습니다. 지우고 새로 만들려면 --reset 을 붙여 실행하십시오."
                )
            self.stdout.write("기존 자료를 모두 지웁니다(--reset).")
            call_command("flush", interactive=False, verbosity=0)

        def say(text: str) -> None:
            self.stdout.write(f"{timezone.localtime():%H:%M:%S} {text}")
            self.stdout.flush()

        report = generate(scale=scale, seed=seed, say=say)
        counts = table_counts()
        self.stdout.write(f"끝: {report.seconds:.1f}초, 행 {sum(counts.values()):,}개")
        if write:
            write.write_text(_markdown(report, counts), encoding="utf-8")
            self.stdout.write(f"{write} 에 썼습니다.")


def _markdown(report, counts: dict[str, int]) -> str:
    engine = connection.vendor
    version = ""
    if engine == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = " " + cursor.fetchone()[0].split()[0]
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.1f} GB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    lines = [
        "# Scale: the synthetic city-sized office",
        "",
        f"`uv run iljari generate --scale {report.scale} --seed {report.seed}` on {engine}{version}, "
        f"{timezone.localtime():%Y-%m-%d %H:%M}; machine: {os.cpu_count()} cores{memory}, "
        f"Python {platform.python_version()}. Total {report.seconds:.0f} s, {sum(counts.values()):,} rows.",
        "",
        "| stage | seconds |",
        "|---|---:|",
        *[f"| {name} | {seconds:.1f} |" for name, seconds in report.stages],
        "",
        "| table | rows in the database | of them generated in bulk |",
        "|---|---:|---:|",
        *[
            f"| {table} | {count:,} | {report.rows.get(table, 0):,} |"
            for table, count in sorted(counts.items(), key=lambda item: -item[1])
            if count
        ],
        "",
    ]
    return "\n".join(lines)
