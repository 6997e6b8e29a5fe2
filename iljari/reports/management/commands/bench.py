"""`iljari bench [--repeat 15] [--write docs/benchmarks.md]`: time the office pages on the current database
(median and p95, query count) and print a Markdown table; with --write, keep it in docs/."""

import statistics
import time
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
            for _ in range(repeat):
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            rows.append(f"| {name} | {statistics.median(timings):.1f} | {p95:.1f} | {len(queries)} |")
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        table = "\n".join(
            [
                f"Measured {timezone.localtime():%Y-%m-%d %H:%M} on {engine}, {repeat} requests each, "
                "in-process test client.",
                "",
                "| scenario | median ms | p95 ms | queries |",
                "|---|---:|---:|---:|",
                *rows,
            ]
        )
        self.stdout.write(table)
        if write:
            write.write_text(
                f"# Benchmarks\n\nThe demo data (the 2018 report), `uv run iljari bench --write {write}`.\n\n{table}\n",
                encoding="utf-8",
            )
