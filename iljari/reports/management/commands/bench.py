"""`iljari bench [--repeat 15] [--write docs/benchmarks.md]`: time the office pages and report files on the current
database (median and p95, query count, peak Python memory of one request) and print a Markdown table; with --write,
keep it in docs/ as the section of this database engine (a run on PostgreSQL keeps the SQLite section, and back).

The heavy formats (PDF, HWPX) are timed over a third of the requests: each takes seconds, and the figure is steady."""

import re
import statistics
import time
import tracemalloc
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from iljari.core.models import User
from iljari.core.roles import Role

SCENARIOS = [
    ("dashboard, office manager", Role.OFFICE_MANAGER, "/office/?year={year}&as_of={as_of}"),
    ("dashboard, division staff", Role.DIVISION_STAFF, "/office/?year={year}&as_of={as_of}"),
    ("business report, html", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=html"),
    ("business report, md", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=md"),
    ("business report, xlsx", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=xlsx"),
    ("business report, pdf", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=pdf"),
    ("business report, hwpx", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=hwpx"),
    ("plan overview", Role.OFFICE_MANAGER, "/plan/?year={year}"),
    ("job targets", Role.OFFICE_MANAGER, "/performance/jobs/?year={year}&as_of={as_of}"),
]


class Command(BaseCommand):
    help = "사무실 화면과 보고서의 응답 시간(중앙값, p95)과 질의 수를 잽니다."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=2018)
        parser.add_argument("--as-of", default="2018-06-30")
        parser.add_argument("--repeat", type=int, default=15)
        parser.add_argument("--write", type=Path, help="결과를 이 Markdown 파일에 씁니다 (예: docs/benchmarks.md)")

    def handle(self, *args, year, as_of, repeat, write, **options):
        rows = []
        for name, role, template in SCENARIOS:
            user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError(f"{role} 계정이 없습니다: 먼저 `iljari demo --no-serve`를 실행하십시오.")
            client = Client()
            client.force_login(user)
            path = template.format(year=year, as_of=as_of)
            if client.get(path).status_code != 200:
                raise CommandError(f"{path} 가 200으로 답하지 않습니다.")
            timings = []
            heavy = path.endswith(("pdf", "hwpx"))
            for _ in range(max(3, repeat // 3) if heavy else repeat):
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            tracemalloc.start()
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            median = statistics.median(timings)
            rows.append(f"| {name} | {median:.1f} | {p95:.1f} | {len(queries)} | {peak:.1f} | {len(timings)} |")
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        table = "\n".join(
            [
                f"Measured {timezone.localtime():%Y-%m-%d %H:%M} on {engine}, {repeat} requests each, "
                "in-process test client.",
                "",
                "| scenario | median ms | p95 ms | queries | peak MB (Python) | requests |",
                "|---|---:|---:|---:|---:|---:|",
                *rows,
            ]
        )
        self.stdout.write(table)
        if write:
            write.write_text(_with_section(write, engine, table), encoding="utf-8")


HEAD = (
    "# Benchmarks\n\nThe demo data (the 2018 report), `uv run iljari bench --write docs/benchmarks.md`, once on SQLite"
    " and\nonce with `DATABASE_URL=postgres://…`: each run replaces its own database's section.\n"
)


def _with_section(path: Path, engine: str, table: str) -> str:
    """The file with this engine's section replaced (or added), the other sections and the notes kept."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEAD
    section = f"## {engine}\n\n{table}\n"
    pattern = re.compile(rf"^## {re.escape(engine)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        return pattern.sub(lambda _: section + "\n", text, count=1).rstrip() + "\n"
    return text.rstrip() + "\n\n" + section
