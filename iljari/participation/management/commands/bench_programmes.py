"""`iljari bench_programmes [--applicants 100000] [--quotas 20] [--placements 10000] [--repeat 3] [--write F]`:
time the people programmes' batch work on synthetic rows made inside a transaction that is rolled back, so the
database is left as it was: the eligibility batch, the selection under quotas (with sorting the same rows in SQL
as the reference), and a month's pay. Needs the demo data (`iljari demo --no-serve`) for the programme."""

import hashlib
import random
import statistics
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from iljari.intake import services as intake
from iljari.intake.models import Application
from iljari.org.models import District
from iljari.participation import services
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.people.models import Person
from iljari.plan.models import Programme

PAY_MONTH = date(2018, 10, 1)


class _Rollback(Exception):
    pass


def _timed(function, repeat: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    timings.sort()
    return statistics.median(timings), timings[-1]


def _people(count: int) -> list[int]:
    """Synthetic applicants. Their blind index is a hash of a benchmark serial, not of a resident number, so they
    can never collide with a real person's row (they are rolled back anyway)."""
    generator = random.Random(1)
    districts = list(District.objects.values_list("pk", flat=True))
    people = []
    for index in range(count):
        birth = date(1980, 1, 1) + timedelta(days=generator.randrange(0, 365 * 20))
        people.append(
            Person(
                name=f"벤치{index}",
                birth_date=birth,
                sex="M",
                rrn=f"{birth:%y%m%d}{'1' if birth.year < 2000 else '3'}{index:06d}",
                rrn_index=hashlib.sha256(f"iljari-bench-{index}".encode()).hexdigest(),
                district_id=generator.choice(districts),
                income_status="none",
                job_seeker_registered=True,
                basic_livelihood_recipient=generator.random() < 0.05,
            )
        )
    Person.objects.bulk_create(people, batch_size=5000)
    return list(Person.objects.filter(name__startswith="벤치").order_by("pk").values_list("pk", flat=True))


class Command(BaseCommand):
    help = "모집·선발·급여 일괄 작업의 처리 시간을 잽니다(합성 자료, 끝나면 되돌림)."

    def add_arguments(self, parser):
        parser.add_argument("--applicants", type=int, default=100_000)
        parser.add_argument("--quotas", type=int, default=20)
        parser.add_argument("--placements", type=int, default=10_000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--write", type=Path, help="결과를 이 Markdown 파일에 씁니다")

    def handle(self, *args, applicants, quotas, placements, repeat, write, **options):
        programme = Programme.objects.filter(code="P1-03").select_related("division").first()
        if programme is None or not hasattr(programme, "participation_terms"):
            raise CommandError("데모 자료가 없습니다: 먼저 `iljari demo --no-serve`를 실행하십시오.")
        rows: list[str] = []
        try:
            with transaction.atomic():
                rows = self._run(programme, applicants, quotas, placements, repeat)
                raise _Rollback
        except _Rollback:
            pass
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        table = "\n".join(
            [
                f"Measured {timezone.localtime():%Y-%m-%d %H:%M} on {engine}, {repeat} runs each (median, slowest).",
                "",
                "| scenario | rows | median s | slowest s | reference | ratio |",
                "|---|---:|---:|---:|---|---:|",
                *rows,
            ]
        )
        self.stdout.write(table)
        if write:
            write.write_text(
                "# Benchmarks: people programmes\n\n"
                "Synthetic rows inside a rolled-back transaction, "
                f"`uv run iljari bench_programmes --write {write}`.\n\n"
                f"{table}\n",
                encoding="utf-8",
            )

    def _run(self, programme, applicants: int, quotas: int, placements: int, repeat: int) -> list[str]:
        start = time.perf_counter()
        people = _people(max(applicants, placements))
        self.stderr.write(f"합성 인원 {len(people):,}명: {time.perf_counter() - start:.1f}s")
        opens = timezone.make_aware(datetime(2018, 1, 8, 9))
        call = intake.call_set(
            actor=None,
            code="BENCH",
            programme=programme,
            title="벤치마크 모집",
            opens_at=opens,
            closes_at=opens + timedelta(days=10),
            announce_on=date(2018, 2, 1),
            quotas=[(f"Q{i:02d}", f"구분 {i}", max(applicants // quotas // 5, 1)) for i in range(quotas)],
            eligibility=[
                {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": date(2018, 1, 1)},
                {"kind": "resides_in_seoul"},
            ],
            priorities=[("basic_livelihood_recipient", 5)],
        )
        quota_ids = list(call.quotas.order_by("order", "code").values_list("pk", flat=True))
        Application.objects.bulk_create(
            [
                Application(
                    call=call,
                    person_id=person_id,
                    quota_id=quota_ids[index % len(quota_ids)],
                    submitted_at=opens + timedelta(seconds=index),
                    status="submitted",
                )
                for index, person_id in enumerate(people[:applicants])
            ],
            batch_size=5000,
        )
        rows = []
        median, slowest = _timed(lambda: intake.eligibility_run(actor=None, call=call), repeat)
        rows.append(f"| eligibility batch | {applicants:,} | {median:.2f} | {slowest:.2f} | — | — |")
        median, slowest = _timed(lambda: intake.selection_run(actor=None, call=call, seed=2018), repeat)

        def sort_in_sql():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT id, quota_id FROM intake_application WHERE call_id = %s AND status <> 'ineligible' "
                    "ORDER BY quota_id, priority_points DESC, id",
                    [call.pk],
                )
                cursor.fetchall()

        reference, _ = _timed(sort_in_sql, repeat)
        rows.append(
            f"| selection, {quotas} quotas | {applicants:,} | {median:.2f} | {slowest:.2f} | "
            f"SQL sort of the same rows {reference:.2f} s | {median / reference:.0f}× |"
        )
        worksites = [
            Worksite.objects.create(code=f"BENCH-{i}", programme=programme, name=f"벤치 사업장 {i}", operator="city")
            for i in range(10)
        ]
        Placement.objects.bulk_create(
            [
                Placement(
                    person_id=person_id,
                    programme=programme,
                    worksite=worksites[index % 10],
                    target_group="youth",
                    start_date=date(2018, 9, 3),
                    end_date=date(2018, 12, 31),
                    weekly_hours=Decimal(40),
                    hourly_wage=9_220,
                )
                for index, person_id in enumerate(people[:placements])
            ],
            batch_size=5000,
        )
        WorkRecord.objects.bulk_create(
            [
                WorkRecord(placement=p, month=PAY_MONTH, days_worked=20, hours_worked=160, full_weeks=4)
                for p in Placement.objects.filter(worksite__in=worksites)
            ],
            batch_size=5000,
        )
        median, slowest = _timed(lambda: services.pay_compute(actor=None, month=PAY_MONTH), repeat)
        rows.append(f"| monthly pay | {placements:,} | {median:.2f} | {slowest:.2f} | — | — |")
        return rows
